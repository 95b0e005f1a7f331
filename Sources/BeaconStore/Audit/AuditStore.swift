import BeaconCore
import Foundation

/// The audit log's rows: appends that extend a workspace's chain, and reads by sequence,
/// subject, actor and time.
public protocol AuditStore: Sendable {
    /// Appends the entries `append` builds from the chain's current head, in one transaction.
    ///
    /// When another writer extends the chain first, the head is read again and the entries
    /// rebuilt, so the chain never forks. - Returns: the stored entries.
    @discardableResult
    func append(_ append: AuditAppend) async throws -> [AuditEntry]
    /// The newest entry's sequence number and hash (`AuditChainHead.empty` for no entries).
    func head(workspaceId: String) async throws -> AuditChainHead
    /// Entries after `sequence`, in sequence order, at most `limit`.
    func entries(workspaceId: String, after sequence: Int64, limit: Int) async throws -> [AuditEntry]
    /// Entries about `subject` (any when nil) by `actor` (any when nil) from `from` (inclusive) to
    /// `to` (exclusive), oldest first, at most `limit`.
    func entries(
        workspaceId: String, subject: String?, actor: String?, from: Date?, to: Date?, limit: Int
    ) async throws -> [AuditEntry]
    /// The workspace's pseudonym key, made with `make` and stored the first time it is asked for.
    func subjectKey(workspaceId: String, make: @Sendable () -> String) async throws -> String
    /// The workspaces (ids) that have audit entries, including deleted ones.
    func chainedWorkspaceIds() async throws -> [String]
}

/// Entries to add to one workspace's chain, built from its head when the append runs.
///
/// The builder is where the hashes are computed (BeaconEngine's `AuditChain`); the store only
/// reads the head, calls it and writes what it returns, in the same transaction as the
/// audited change when there is one (`AccessStore`).
public struct AuditAppend: Sendable {
    public var workspaceId: String
    public var build: @Sendable (AuditChainHead) throws -> [AuditEntry]

    public init(workspaceId: String, build: @escaping @Sendable (AuditChainHead) throws -> [AuditEntry]) {
        self.workspaceId = workspaceId
        self.build = build
    }
}
