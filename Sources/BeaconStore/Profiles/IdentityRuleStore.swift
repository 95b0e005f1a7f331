import BeaconCore
import Foundation

/// The versions of each workspace's identity rules, keyed by the log position they took
/// effect after, so a replay folds every event under the rules that were in force for it.
public protocol IdentityRuleStore: Sendable {
    /// The workspace's identity rules versions, oldest first (empty: never set).
    func identityRules(workspaceId: String) async throws -> [IdentityRulesVersion]
    /// Saves a version of the rules (replacing one with the same `afterSeq`); with
    /// `replacingHistory`, every earlier version is dropped first (a rebuild).
    func saveIdentityRules(_ version: IdentityRulesVersion, replacingHistory: Bool) async throws
}
