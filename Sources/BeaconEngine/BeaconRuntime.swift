import BeaconCore
import BeaconStore
import Foundation
import Logging

/// The live system's parts wired together once over one backend's `Stores`: workspaces,
/// group commit and ingest, profiles and segments, dashboard users, import history. The
/// server, the CLI and tests all build on one of these.
///
/// Every part is always present: both backends keep every kind of row, so no caller has a
/// "store without users" case to get wrong (a missing user store once meant every workspace
/// was visible to every dashboard user).
public struct BeaconRuntime: Sendable {
    /// Every repository port, for the command line and tests; the server reads through the
    /// services below.
    public let stores: Stores
    public let workspaces: WorkspaceService
    /// Reads of the event log (pages, counts).
    public let eventLog: EventLogReader
    /// Orders, visits, spend and revenue per day through the analytics query port.
    public let analytics: WorkspaceAnalytics
    public let committer: GroupCommitter
    public let ingest: IngestService
    /// Profiles, identities and segments.
    public let profiles: ProfileEngine
    /// Dashboard users and sessions.
    public let users: UserService
    /// The scheduled full segment recompute (run by the server when configured).
    public let recompute: SegmentRecomputeScheduler
    /// Past and running imports.
    public let imports: ImportHistory
    /// Stores that push webhooks (Shopify, Stripe).
    public let sources: WebhookSourceService
    /// Destinations and activations.
    public let activation: ActivationService
    /// The outbox's delivery workers (run by the server).
    public let delivery: DeliveryService
    /// Export, erasure, suppression, consent and retention of data subjects.
    public let privacy: PrivacyService
    /// Drops suppressed subjects' events before every append.
    public let suppression: SubjectSuppressionGate
    /// The hash-chained audit log.
    public let audit: AuditLog
    /// API tokens' scopes and expiry, users' workspace roles.
    public let access: AccessService
    /// Journeys: definitions, versions, pauses, funnels.
    public let journeys: JourneyService
    /// Moves people through journeys (run by the server).
    public let journeyRunner: JourneyRunner
    /// Scheduled email reports and their delivery history.
    public let reportSchedules: ReportScheduleService
    /// Sends scheduled reports through email destinations.
    public let reportMailer: ReportMailer

    /// The key that seals destination secrets, from the environment (`SecretBox.fromEnvironment`),
    /// read once per process so concurrent first uses agree on one key file.
    public static let environmentSecrets: @Sendable () throws -> SecretBox = { try environmentBox.get() }
    private static let environmentBox = Result { try SecretBox.fromEnvironment() }

    /// The key that signs exported audit heads, from the environment (`AuditSigningKey.fromEnvironment`),
    /// read once per process.
    public static let environmentAuditKey: @Sendable () throws -> AuditSigningKey = { try environmentAuditSigningKey.get() }
    private static let environmentAuditSigningKey = Result { try AuditSigningKey.fromEnvironment() }

    /// Whether the environment turns on encryption of personal fields at rest
    /// (`BEACON_ENCRYPT_PERSONAL_DATA=1`; docs/privacy.md).
    public static var environmentPersonalDataEncryption: Bool {
        ["1", "true", "on", "yes"].contains(
            (ProcessInfo.processInfo.environment["BEACON_ENCRYPT_PERSONAL_DATA"] ?? "").lowercased())
    }

    /// - Parameter personalDataEncryption: seal the profile tables' personal fields with
    ///   `PersonalDataCipher` under the key `secrets` reads.
    public init(
        stores: Stores, secrets: @escaping @Sendable () throws -> SecretBox = BeaconRuntime.environmentSecrets,
        delivery settings: DeliverySettings = (try? DeliverySettings.fromEnvironment()) ?? DeliverySettings(),
        dataDirectory: String? = nil,
        auditSigningKey: @escaping @Sendable () throws -> AuditSigningKey = BeaconRuntime.environmentAuditKey,
        personalDataEncryption: Bool = BeaconRuntime.environmentPersonalDataEncryption
    ) {
        var stores = stores
        if personalDataEncryption {
            stores.personalFields.install(PersonalDataCipher(secrets: secrets, store: stores.personalDataKeys))
        }
        let suppression = SubjectSuppressionGate(store: stores.privacy)
        self.suppression = suppression
        stores.events = SuppressingEventStore(base: stores.events, gate: suppression)
        self.stores = stores
        workspaces = WorkspaceService(store: stores.workspaces)
        eventLog = EventLogReader(store: stores.events)
        analytics = WorkspaceAnalytics(queries: stores.analytics)
        let profiles = ProfileEngine(stores: stores)
        self.profiles = profiles
        users = UserService(store: stores.users, hasher: .fromEnvironment())
        recompute = SegmentRecomputeScheduler(engine: profiles, workspaces: stores.workspaces)
        let committer = GroupCommitter(store: stores.events, onCommit: { ids in profiles.schedule(ids) })
        self.committer = committer
        ingest = IngestService(workspaces: workspaces, committer: committer)
        imports = ImportHistory(store: stores.importJobs)
        sources = WebhookSourceService(store: stores.webhookSources, committer: committer, secrets: secrets)
        activation = ActivationService(stores: stores, engine: profiles, secrets: secrets)
        delivery = DeliveryService(
            stores: stores, secrets: secrets, settings: settings,
            senders: DestinationSenders(email: EmailSenderContext(stores: stores, secrets: secrets)))
        audit = AuditLog(store: stores.audit, signingKey: auditSigningKey)
        privacy = PrivacyService(
            stores: stores, engine: profiles, gate: suppression, audit: audit,
            exportsDirectory: dataDirectory.flatMap { $0.isEmpty ? nil : PrivacyService.exportsDirectory(in: $0) })
        access = AccessService(stores: stores, audit: audit)
        reportSchedules = ReportScheduleService(stores: stores)
        reportMailer = ReportMailer(stores: stores, secrets: secrets)
        journeys = JourneyService(stores: stores, onChange: { id in try? await profiles.reloadJourneys(workspaceId: id) })
        journeyRunner = JourneyRunner(
            stores: stores, audience: profiles, appendEvents: { batch in _ = try await committer.append(batch) },
            lease: Double(ProcessInfo.processInfo.environment["BEACON_JOURNEY_LEASE"] ?? "") ?? 60)
    }

    /// Opens the store named by the options (PostgreSQL URL, or SQLite in `dataDirectory`),
    /// migrates it and wires the runtime.
    public static func open(databaseURL: String?, dataDirectory: String, logger: Logger) async throws -> BeaconRuntime {
        BeaconRuntime(
            stores: try await StoreFactory.open(databaseURL: databaseURL, dataDirectory: dataDirectory, logger: logger),
            dataDirectory: dataDirectory)
    }

    /// The backend's short name ("sqlite", "postgres").
    public var backend: String { stores.backend }

    /// Stops the delivery workers (each settles what it holds), then releases the store's
    /// connections and files.
    public func close() async throws {
        await delivery.shutdown()
        try await stores.close()
    }
}
