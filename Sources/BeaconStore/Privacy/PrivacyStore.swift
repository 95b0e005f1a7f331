import BeaconCore
import Foundation

/// Persistence of privacy: the consent history, the subject suppression list, erasure jobs,
/// retention rules, and export and erasure of one subject's rows across every table of
/// `PersonalDataRegistry`. Every method is scoped by workspace.
public protocol PrivacyStore: Sendable {
    /// Consent history entries recorded for any of these identifier values, oldest first.
    func consentRecords(workspaceId: String, identifierValues: [String]) async throws -> [ConsentRecord]

    /// The version of the workspace's suppression list: it changes with every add and lift.
    func suppressionVersion(workspaceId: String) async throws -> Int64
    /// Every suppressed identifier hash of the workspace.
    func suppressedHashes(workspaceId: String) async throws -> Set<String>
    /// Adds identifier hashes (with their kinds) under one suppression and bumps the version, in
    /// the same transaction as the audit entries `audit` builds (none when nil).
    func addSuppression(_ suppression: SubjectSuppression, hashes: [(hash: String, kind: String)], audit: AuditAppend?)
        async throws
    /// Removes a suppression's hashes and bumps the version, with `audit`'s entries in the same
    /// transaction; false (and nothing recorded) when there was none.
    func liftSuppression(workspaceId: String, id: String, audit: AuditAppend?) async throws -> Bool
    func suppressions(workspaceId: String) async throws -> [SubjectSuppression]

    /// The subject's rows in every subject and derived table, by export section; each row's
    /// columns by name (documents as their JSON text).
    func subjectRows(workspaceId: String, subject: SubjectKeys) async throws -> [(section: String, table: String, rows: [SQLRow])]
    /// Deletes the subject's rows from every subject and derived table and blanks free-text
    /// cells quoting an identifier, in one transaction.
    func eraseSubject(workspaceId: String, subject: SubjectKeys) async throws -> (deleted: [String: Int], scrubbed: [String: Int])
    /// Makes deleted rows physically gone: SQLite checkpoints its WAL and truncates it
    /// (deleted content is zeroed in the file by `secure_delete`), PostgreSQL vacuums `tables`.
    func reclaimSpace(tables: [String]) async throws

    /// Stores a new or updated erasure job, with `audit`'s entries in the same transaction.
    func saveErasure(_ job: ErasureJob, audit: AuditAppend?) async throws
    func erasure(workspaceId: String, id: String) async throws -> ErasureJob?

    func retentionRules(workspaceId: String) async throws -> [RetentionRule]
    /// Sets (or, with nil days, removes) the rule for an event name (`*` for all events), with
    /// `audit`'s entries in the same transaction.
    func setRetention(workspaceId: String, eventName: String, maxAgeDays: Int?, at: Date, audit: AuditAppend?)
        async throws
    /// Deletes the events `rules` expire as of `now` with their analytics rows; returns how many events.
    func applyRetention(workspaceId: String, rules: [RetentionRule], now: Date) async throws -> Int
}
