/// Every repository port of one backend, held together: what the engine is built on.
///
/// Nothing here is optional: both backends keep every kind of row, so no caller has to
/// handle a store that "keeps no" users, profiles or jobs. Tests may replace one port with
/// a wrapper (to count or slow appends) and keep the rest.
public struct Stores: Sendable {
    /// The append-only event log.
    public var events: any EventStore
    /// Workspaces, write keys and API tokens.
    public var workspaces: any WorkspaceStore
    /// Profiles, identifiers, merges, segments and memberships.
    public var profiles: any ProfileStore
    /// Versions of each workspace's identity rules.
    public var identityRules: any IdentityRuleStore
    /// Dashboard users, grants and sessions.
    public var users: any UserStore
    /// Runs of `beacon import`.
    public var importJobs: any ImportJobStore
    /// Stores that push webhooks (Shopify, Stripe) and their deliveries.
    public var webhookSources: any WebhookSourceStore
    /// Orders, refunds, spend and touches as of a date range, answered from the analytics
    /// projection the event log's appends keep.
    public var analytics: any AnalyticsQueries
    /// Completed orders with their product lines (recommendations, lookalikes).
    public var baskets: any ProductBasketQueries
    /// Destinations and the activations that send to them.
    public var activations: any ActivationStore
    /// Messages waiting for delivery, delivered or dead.
    public var outbox: any Outbox
    /// Addresses each workspace must not email.
    public var emailSuppressions: any EmailSuppressionStore
    /// Journeys, their versions, the people in them, their signals and funnels.
    public var journeys: any JourneyStore
    /// The backend's name, migrations and connections.
    public var lifecycle: any StoreLifecycle
    /// Consent history, subject suppressions, erasures, retention and registry-driven subject data.
    public var privacy: any PrivacyStore
    /// The hash-chained audit log.
    public var audit: any AuditStore
    /// API tokens' scopes and expiry, users' workspace roles.
    public var access: any AccessStore
    /// The wrapped data keys that seal each workspace's personal fields.
    public var personalDataKeys: any PersonalDataKeyStore
    /// Whether and how the profile tables' personal fields are sealed (`PersonalFieldProtection`).
    public let personalFields: PersonalFieldProtectionSlot
    /// How far each sink (archive, ClickHouse) has copied each workspace's event log.
    public var sinkCursors: any SinkCursorStore
    /// Scheduled email reports and their runs.
    public var reportSchedules: any ReportScheduleStore

    public init(
        events: any EventStore, workspaces: any WorkspaceStore, profiles: any ProfileStore,
        identityRules: any IdentityRuleStore, users: any UserStore, importJobs: any ImportJobStore,
        webhookSources: any WebhookSourceStore, analytics: any AnalyticsQueries, activations: any ActivationStore,
        outbox: any Outbox, journeys: any JourneyStore, lifecycle: any StoreLifecycle, emailSuppressions: any EmailSuppressionStore,
        privacy: any PrivacyStore, audit: any AuditStore,
        access: any AccessStore, personalDataKeys: any PersonalDataKeyStore, sinkCursors: any SinkCursorStore,
        baskets: any ProductBasketQueries, reportSchedules: any ReportScheduleStore,
        personalFields: PersonalFieldProtectionSlot = PersonalFieldProtectionSlot()
    ) {
        self.events = events
        self.workspaces = workspaces
        self.profiles = profiles
        self.identityRules = identityRules
        self.users = users
        self.importJobs = importJobs
        self.webhookSources = webhookSources
        self.analytics = analytics
        self.activations = activations
        self.outbox = outbox
        self.journeys = journeys
        self.lifecycle = lifecycle
        self.emailSuppressions = emailSuppressions
        self.privacy = privacy
        self.audit = audit
        self.access = access
        self.personalDataKeys = personalDataKeys
        self.personalFields = personalFields
        self.sinkCursors = sinkCursors
        self.baskets = baskets
        self.reportSchedules = reportSchedules
    }

    /// Every port of one backend: its own for the event log and profiles (batched appends and
    /// projection steps), the SQL-once repositories over its driver for the rest.
    public init(
        _ backend: some EventStore & ProfileStore & StoreLifecycle & SQLBackend & SpaceReclaiming & PersonalFieldProtecting
    ) {
        let driver = backend.driver
        let auditWriter = SQLAuditWriter(driver: driver)
        self.init(
            events: backend, workspaces: SQLWorkspaceStore(driver: driver), profiles: backend,
            identityRules: SQLIdentityRuleStore(driver: driver), users: SQLUserStore(driver: driver),
            importJobs: SQLImportJobStore(driver: driver), webhookSources: SQLWebhookSourceStore(driver: driver),
            analytics: SQLAnalyticsQueries(driver: driver), activations: SQLActivationStore(driver: driver),
            outbox: SQLOutbox(driver: driver), journeys: SQLJourneyStore(driver: driver), lifecycle: backend,
            emailSuppressions: SQLEmailSuppressionStore(driver: driver),
            privacy: SQLPrivacyStore(writer: auditWriter, reclaim: { try await backend.reclaimSpace(tables: $0) }),
            audit: SQLAuditStore(writer: auditWriter), access: SQLAccessStore(writer: auditWriter),
            personalDataKeys: SQLPersonalDataKeyStore(driver: driver), sinkCursors: SQLSinkCursorStore(driver: driver),
            baskets: SQLProductBasketQueries(driver: driver), reportSchedules: SQLReportScheduleStore(driver: driver),
            personalFields: backend.personalFields)
    }

    /// A short name of the backend ("sqlite", "postgres").
    public var backend: String { lifecycle.backend }

    /// Applies the migrations that have not run yet.
    public func migrate() async throws { try await lifecycle.migrate() }

    /// Releases connections and files.
    public func close() async throws { try await lifecycle.close() }
}
