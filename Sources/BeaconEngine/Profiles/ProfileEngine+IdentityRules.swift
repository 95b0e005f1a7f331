import BeaconCore
import BeaconStore
import Foundation

extension ProfileEngine {
    /// The identity rules a workspace's new events are resolved with, and the stored version
    /// they come from (nil: never set, the engine's defaults apply).
    public func identityRules(workspaceId: String) async throws -> (
        rules: IdentityRules, version: IdentityRulesVersion?
    ) {
        let latest = try await ruleStore.identityRules(workspaceId: workspaceId).last
        return (latest?.rules ?? rules, latest)
    }

    /// Sets a workspace's identity rules for every event not yet folded into profiles.
    ///
    /// Profiles already resolved stay as they are (their merges were right under the rules
    /// of their time) until a rebuild, which applies the latest rules to the whole log.
    /// A rebuild under way keeps folding under the rules it started with; these follow from
    /// its checkpoint on.
    @discardableResult
    public func setIdentityRules(workspaceId: String, rules new: IdentityRules) async throws -> IdentityRulesVersion {
        try await serialized(workspaceId) {
            let s = try await self.state(workspaceId)
            let version = IdentityRulesVersion(
                workspaceId: workspaceId, afterSeq: s.profiles.lastSeq, rules: new, updatedAt: self.clock())
            try await self.ruleStore.saveIdentityRules(version, replacingHistory: false)
            await self.schedule(version)
            return version
        }
    }

    private func schedule(_ version: IdentityRulesVersion) {
        states[version.workspaceId]?.profiles.pendingRules.removeAll { $0.afterSeq >= version.afterSeq }
        states[version.workspaceId]?.profiles.pendingRules.append(version)
    }

    /// After a rebuild folded the log under `used`: that becomes the only version, in force
    /// from the start. Rules set while it ran (after it read them) follow from the rebuilt
    /// checkpoint on; they are returned for the rebuilt state to switch to.
    func collapseIdentityRules(_ workspaceId: String, used: IdentityRules, lastSeq: Int64) async throws
        -> [IdentityRulesVersion]
    {
        let versions = try await ruleStore.identityRules(workspaceId: workspaceId)
        guard let latest = versions.last else { return [] }
        var base = latest
        base.afterSeq = 0
        if latest.rules == used || lastSeq == 0 {
            try await ruleStore.saveIdentityRules(base, replacingHistory: true)
            return [base]
        }
        base.rules = used
        try await ruleStore.saveIdentityRules(base, replacingHistory: true)
        var later = latest
        later.afterSeq = lastSeq
        try await ruleStore.saveIdentityRules(later, replacingHistory: false)
        return [later]
    }
}
