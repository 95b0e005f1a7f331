/// Every table Beacon stores and what each of its columns may hold about a person: the one
/// list that data-subject export, erasure and the schema test are driven by.
///
/// A table is registered once, next to the SQL that creates it (`Migrations/`). Each column
/// has a `PersonalDataColumn` role; a table whose rows are about a subject names the columns
/// that find them (`locators`). Export selects those rows from every such table, erasure
/// deletes them (and scrubs free-text columns that may quote an identifier), and
/// `PersonalDataRegistryTests` fails when the live schema of either backend has a table or
/// column that is not listed here, so a new table cannot hold personal data unnoticed.
public enum PersonalDataRegistry {
    /// Every registered table.
    public static let tables: [PersonalDataTable] = [
        // Tenancy and credentials: hashes and labels, no subject data.
        .init("workspaces", .none, ["id": .key, "name": .none, "created_at": .none, "currency": .none], scope: .column("id")),
        .init("write_keys", .none, ["workspace_id": .key, "key_hash": .none, "label": .none, "created_at": .none]),
        .init("api_tokens", .none, [
            "workspace_id": .key, "token_hash": .none, "label": .none, "created_at": .none, "scopes": .none,
            "expires_at": .none, "last_used_at": .none,
        ]),
        // The event log: the source of truth about each subject.
        .init(
            "events", .subject(section: "events"),
            [
                "seq": .none, "workspace_id": .key, "message_id": .none, "type": .none, "user_id": .identifier,
                "anonymous_id": .identifier, "event": .none, "timestamp": .none, "received_at": .none,
                "payload": .document,
            ]),
        // Derived from the log (rebuilt after an erasure or a retention run).
        .init(
            "profiles", .derived(section: "profile"),
            [
                "workspace_id": .key, "profile_id": .profileId, "email": .identifier, "name_key": .freeText,
                "last_seen": .none, "document": .document,
            ]),
        .init(
            "profile_identifiers", .derived(section: "identities"),
            ["workspace_id": .key, "kind": .none, "value": .identifier, "profile_id": .profileId]),
        .init(
            "identity_merges", .derived(section: "merges"),
            [
                "workspace_id": .key, "merge_no": .none, "into_profile": .profileId, "from_profile": .profileId,
                "document": .document,
            ]),
        .init("profile_checkpoints", .none, ["workspace_id": .key, "last_seq": .none, "merge_count": .none]),
        .init(
            "sink_cursors", .none,
            [
                "sink_id": .none, "workspace_id": .key, "last_seq": .none, "pending_through_seq": .none,
                "events_copied": .none, "updated_at": .none,
            ]),
        .init("identity_rules", .none, ["workspace_id": .key, "after_seq": .none, "document": .none, "updated_at": .none]),
        .init(
            "segments", .none,
            ["workspace_id": .key, "segment_id": .none, "name": .none, "document": .none]),
        .init(
            "segment_members", .derived(section: "memberships"),
            ["workspace_id": .key, "segment_id": .none, "profile_id": .profileId, "entered_at": .none]),
        .init(
            "segment_changes", .derived(section: "membership_changes"),
            [
                "change_no": .none, "workspace_id": .key, "segment_id": .none, "profile_id": .profileId,
                "kind": .none, "at": .none,
            ]),
        .init("segment_sizes", .none, ["workspace_id": .key, "segment_id": .none, "at": .none, "size": .none]),
        .init(
            "commerce_facts", .derived(section: "commerce_facts"),
            [
                "workspace_id": .key, "seq": .none, "message_id": .none, "kind": .none, "type": .none, "name": .none,
                "time": .none, "day": .none, "user_id": .identifier, "anonymous_id": .identifier, "order_id": .none,
                "amount": .none, "revenue": .none, "utm_source": .none, "utm_medium": .none, "utm_campaign": .none,
                "referrer": .freeText, "touch_channel": .none, "has_source": .none, "spend_channel": .none,
            ]),
        .init(
            "identity_links", .derived(section: "identity_links"),
            [
                "workspace_id": .key, "anonymous_id": .identifier, "user_id": .identifier, "seq": .none,
                "time": .none,
            ]),
        .init("projection_backfills", .none, ["name": .none], scope: .global),
        // Dashboard operators: staff, not data subjects; managed with `beacon user`.
        .init(
            "dashboard_users", .operatorData,
            [
                "id": .none, "email": .operatorData, "name": .operatorData, "role": .none, "password_hash": .none,
                "created_at": .none,
            ], scope: .global),
        .init("dashboard_grants", .none, ["user_id": .none, "workspace_id": .key, "role": .none, "personal_data": .none]),
        // The audit log names subjects only by pseudonym (an HMAC under the workspace's subject key), so
        // erasure leaves the chain intact; the actor is an operator, not a data subject.
        .init(
            "audit_entries", .pseudonymous,
            [
                "workspace_id": .key, "seq": .none, "at": .none, "actor": .operatorData, "action": .none,
                "subject": .pseudonym, "detail": .none, "prev_hash": .none, "hash": .none,
            ]),
        .init("audit_subject_keys", .none, ["workspace_id": .key, "subject_key": .none]),
        // Data keys of sealed personal fields, wrapped by a key outside the database.
        .init(
            "personal_data_keys", .none,
            ["workspace_id": .key, "key_id": .none, "wrapped_key": .none, "created_at": .none]),
        .init(
            "dashboard_sessions", .none,
            ["token_hash": .none, "user_id": .none, "created_at": .none, "expires_at": .none], scope: .global),
        .init(
            "import_jobs", .subject(section: "imports"),
            [
                "workspace_id": .key, "job_id": .none, "kind": .none, "file_name": .none, "started_at": .none,
                "rows_read": .none, "rows_skipped": .none, "events_stored": .none, "progress_done": .none,
                "progress_total": .none, "state": .none, "finished_at": .none, "error": .freeText,
            ]),
        // Activation: destinations are configuration; the outbox carries people to them.
        .init(
            "destinations", .none,
            [
                "workspace_id": .key, "id": .none, "name": .none, "kind": .none, "url": .none, "secrets": .none,
                "state": .none, "state_reason": .none, "created_at": .none, "settings": .none,
                "required_consent": .none,
            ]),
        .init(
            "activations", .none,
            ["workspace_id": .key, "id": .none, "destination_id": .none, "trigger_document": .none, "created_at": .none]),
        .init(
            "outbox_messages", .derived(section: "deliveries"),
            [
                "seq": .none, "workspace_id": .key, "message_id": .none, "destination_id": .none,
                "order_key": .profileId, "cause": .none, "payload": .searchedDocument, "state": .none,
                "attempts": .none, "next_attempt_at": .none, "lease_owner": .none, "lease_until": .none,
                "created_at": .none, "delivered_at": .none, "last_status": .none, "last_error": .freeText,
            ]),
        // Addresses email destinations must not mail (bounces, complaints, unsubscribes): exported and
        // erased with the person; an erased person stays blocked by the subject suppression.
        .init(
            "email_suppressions", .subject(section: "email_suppressions"),
            ["workspace_id": .key, "address": .identifier, "reason": .none, "detail": .freeText, "created_at": .none]),
        // Webhook sources (Shopify, Stripe, mapped JSON: the mapping holds JSON pointers, no values).
        .init(
            "webhook_sources", .none,
            [
                "source_id": .none, "workspace_id": .key, "kind": .none, "name": .none, "secret": .none, "created_at": .none,
                "mapping": .none,
            ]),
        .init(
            "webhook_deliveries", .subject(section: "source_deliveries"),
            [
                "delivery_no": .none, "source_id": .none, "received_at": .none, "topic": .none, "outcome": .none,
                "events_stored": .none, "detail": .freeText,
            ], scope: .source),
        .init(
            "webhook_source_orders", .subject(section: "source_orders"),
            ["source_id": .none, "order_id": .none, "customer": .identifier], scope: .source),
        // Privacy itself.
        .init(
            "consent_records", .subject(section: "consent"),
            [
                "workspace_id": .key, "message_id": .none, "identifier_kind": .none, "identifier_value": .identifier,
                "category": .none, "granted": .none, "source": .none, "at": .none, "policy_version": .none, "seq": .none,
            ]),
        .init(
            "subject_suppressions", .pseudonymous,
            [
                "workspace_id": .key, "identifier_hash": .pseudonym, "identifier_kind": .none, "suppression_id": .none,
                "reason": .none, "created_at": .none,
            ]),
        .init("subject_suppression_versions", .none, ["workspace_id": .key, "version": .none]),
        .init(
            "privacy_erasures", .pseudonymous,
            [
                "workspace_id": .key, "erasure_id": .none, "subject_hash": .pseudonym, "suppression_id": .none,
                "state": .none, "requested_at": .none, "finished_at": .none, "report": .none, "error": .none,
            ]),
        .init(
            "retention_rules", .none,
            ["workspace_id": .key, "event_name": .none, "max_age_days": .none, "updated_at": .none]),
        // Journeys: definitions are configuration; runs, signals and sends are about people.
        .init(
            "journeys", .none,
            [
                "workspace_id": .key, "id": .none, "name": .none, "status": .none, "live_version": .none,
                "history": .none, "paused_at": .none, "created_at": .none, "updated_at": .none,
            ]),
        .init(
            "journey_versions", .none,
            [
                "workspace_id": .key, "journey_id": .none, "version": .none, "definition": .none, "created_at": .none,
                "published_at": .none,
            ]),
        .init(
            "journey_states", .derived(section: "journey_runs"),
            [
                "id": .none, "workspace_id": .key, "journey_id": .none, "profile_id": .profileId, "entry": .none,
                "version": .none, "step": .none, "status": .none, "parked": .none, "due_at": .none, "variant": .none,
                "skip_sends": .none, "moves": .none, "last_commit": .none, "lease_owner": .none, "lease_until": .none,
                "entered_at": .none, "updated_at": .none,
            ]),
        .init(
            "journey_signals", .derived(section: "journey_signals"),
            [
                "seq": .none, "workspace_id": .key, "profile_id": .profileId, "kind": .none, "name": .none,
                "properties": .document, "at": .none, "lease_owner": .none, "lease_until": .none,
            ]),
        .init(
            "journey_funnel", .none,
            [
                "workspace_id": .key, "journey_id": .none, "version": .none, "step": .none, "entered": .none,
                "advanced": .none, "migrated": .none, "completed": .none, "exited": .none, "converted": .none,
                "failed": .none,
            ]),
        .init("journey_guards", .none, ["ok": .none], scope: .global),
        .init(
            "journey_sends", .derived(section: "journey_sends"),
            [
                "workspace_id": .key, "message_id": .none, "profile_id": .profileId, "journey_id": .none,
                "sent_at": .none,
            ]),
        // Scheduled email reports: aggregates mailed to a dashboard user (an operator, found by
        // user id; the address is read from dashboard_users at send time and not copied here).
        .init(
            "report_schedules", .none,
            [
                "workspace_id": .key, "id": .none, "user_id": .none, "name": .none, "cron": .none, "time_zone": .none,
                "destination_id": .none, "active": .none, "next_run_at": .none, "created_at": .none,
            ]),
        .init(
            "report_schedule_runs", .operatorData,
            [
                "workspace_id": .key, "schedule_id": .none, "scheduled_at": .none, "run_trigger": .none, "owner": .none,
                "started_at": .none, "sent_at": .none, "status": .none, "error": .operatorData, "message_id": .none,
            ]),
    ]

    /// Bookkeeping tables of the migrators, which hold no data of anyone.
    public static let systemTables: Set<String> = ["grdb_migrations", "beacon_migrations", "sqlite_sequence"]

    /// The registered table called `name`.
    public static func table(_ name: String) -> PersonalDataTable? { tables.first { $0.name == name } }

    /// Tables whose rows about a subject are exported and erased, in registry order.
    public static var subjectTables: [PersonalDataTable] { tables.filter { $0.holding.section != nil } }
}

/// One registered table: what its rows hold and how a subject's rows are found in it.
public struct PersonalDataTable: Sendable {
    public var name: String
    public var holding: PersonalDataHolding
    /// Every column of the table with its role.
    public var columns: [String: PersonalDataColumn]
    /// How the table's rows belong to a workspace.
    public var scope: PersonalDataScope

    init(_ name: String, _ holding: PersonalDataHolding, _ columns: [String: PersonalDataColumn],
         scope: PersonalDataScope = .column("workspace_id")) {
        self.name = name
        self.holding = holding
        self.columns = columns
        self.scope = scope
    }

    /// Columns that hold a subject's identifier values (matched with `IN`).
    public var identifierColumns: [String] { columns.filter { $0.value == .identifier }.map(\.key).sorted() }
    /// Columns that hold a subject's profile ids.
    public var profileIdColumns: [String] { columns.filter { $0.value == .profileId }.map(\.key).sorted() }
    /// JSON documents searched for an identifier quoted as a JSON string.
    public var searchedColumns: [String] { columns.filter { $0.value == .searchedDocument }.map(\.key).sorted() }
    /// Free text that may quote an identifier: scrubbed on erasure.
    public var freeTextColumns: [String] { columns.filter { $0.value == .freeText }.map(\.key).sorted() }
}

/// What a table's rows are, for privacy.
public enum PersonalDataHolding: Sendable, Equatable {
    /// Rows about data subjects, kept as such: exported and erased under `section`.
    case subject(section: String)
    /// Rows derived from the event log about data subjects: exported, erased and rebuilt.
    case derived(section: String)
    /// Only hashes of identifiers (suppression list, erasure jobs): kept after an erasure so
    /// re-ingest stays blocked, never reversible to the identifier.
    case pseudonymous
    /// Personal data of Beacon's own operators (dashboard users), not of tracked subjects.
    case operatorData
    /// No personal data.
    case none

    /// The export section of subject and derived tables, nil for the others.
    public var section: String? {
        switch self {
        case .subject(let s), .derived(let s): return s
        default: return nil
        }
    }
}

/// What one column may hold.
public enum PersonalDataColumn: Sendable, Equatable {
    /// No personal data (ids, counts, times, configuration).
    case none
    /// The workspace key.
    case key
    /// A subject's identifier value: user id, anonymous id, email, phone or external id.
    case identifier
    /// A profile id (pseudonymous, resolves to a subject through `profile_identifiers`).
    case profileId
    /// A JSON document about the row's subject (found through the row's other columns).
    case document
    /// A JSON document also searched for the subject's identifiers (messages about a person).
    case searchedDocument
    /// Free text that may quote personal data (errors, referrers, display names).
    case freeText
    /// A keyed hash of an identifier.
    case pseudonym
    /// An operator's (dashboard user's) personal data.
    case operatorData
}

/// How a table's rows are tied to a workspace.
public enum PersonalDataScope: Sendable, Equatable {
    /// A column holding the workspace id.
    case column(String)
    /// Through `source_id` of the workspace's webhook sources.
    case source
    /// Installation-wide rows.
    case global

    /// The SQL condition restricting rows to one workspace (one `?`), nil for global tables.
    var condition: String? {
        switch self {
        case .column(let c): return "\(c) = ?"
        case .source: return "source_id IN (SELECT source_id FROM webhook_sources WHERE workspace_id = ?)"
        case .global: return nil
        }
    }
}
