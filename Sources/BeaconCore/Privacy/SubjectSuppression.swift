import Foundation

/// A person whose events are dropped at ingest, before storage, on every write key and
/// import of the workspace: the identifiers they had when suppressed (user ids, anonymous
/// ids, emails, phones, external ids), kept only as keyed hashes.
///
/// Made by a suppression request or by an erasure (so the erased person does not come back
/// with their next event); lifted only by a person (`DELETE /api/privacy/suppressions/{id}`
/// or `beacon privacy suppressions lift`).
public struct SubjectSuppression: Sendable, Equatable, Codable {
    public var workspaceId: String
    /// `sup_` and 20 hex digits.
    public var id: String
    /// Why: `request` (a suppression on its own) or `erasure:<erasure id>`.
    public var reason: String
    /// How many identifiers it holds, by kind (`user_id`: 1, `anonymous_id`: 2, …).
    public var identifierKinds: [String: Int]
    public var createdAt: Date

    public init(workspaceId: String, id: String, reason: String, identifierKinds: [String: Int], createdAt: Date) {
        self.workspaceId = workspaceId
        self.id = id
        self.reason = reason
        self.identifierKinds = identifierKinds
        self.createdAt = createdAt
    }
}
