import Foundation

/// A workspace's identity rules as set at one point of its event log: in force for the
/// events after `afterSeq`, until a later version takes over.
///
/// Keeping every version (not just the latest) lets the profile engine reload a workspace by
/// replaying the log and get exactly what it folded live; a rebuild applies the latest rules
/// to the whole log and collapses the history to one version from the start.
public struct IdentityRulesVersion: Sendable, Equatable {
    public var workspaceId: String
    public var afterSeq: Int64
    public var rules: IdentityRules
    public var updatedAt: Date

    public init(workspaceId: String, afterSeq: Int64, rules: IdentityRules, updatedAt: Date) {
        self.workspaceId = workspaceId
        self.afterSeq = afterSeq
        self.rules = rules
        self.updatedAt = updatedAt
    }
}
