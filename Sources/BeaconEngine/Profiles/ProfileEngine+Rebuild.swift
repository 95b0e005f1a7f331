import BeaconCore
import BeaconStore
import Foundation

/// What a rebuild did.
public struct RebuildReport: Sendable, Equatable {
    public var events: Int
    public var profiles: Int
    public var merges: Int
    public var entered: Int
    public var exited: Int
}

extension ProfileEngine {
    /// Recomputes a workspace's identities, profiles and memberships from the event log,
    /// under the workspace's latest identity rules (which then hold from the start).
    ///
    /// Safe while the server runs and ingest keeps accepting events. The log is first folded
    /// into a fresh state beside the live one, which keeps serving reads and live updates;
    /// then, in one serialized step, the events that arrived meanwhile are folded too and the
    /// fresh state replaces the live one: the stored profiles, identifiers and merge log are
    /// rewritten, memberships re-evaluated and only the differences written (as
    /// entered/exited records). So nothing acknowledged is missed, and the result is the
    /// same as an offline rebuild. Model predictions are cleared: run the prediction refresh
    /// again afterwards. Progress is in `rebuildStatus(workspaceId:)`.
    /// - Throws: `RebuildError.alreadyRunning` when one is under way for the workspace.
    public func rebuild(workspaceId: String) async throws -> RebuildReport {
        try beginRebuild(workspaceId, total: try await events.eventCount(in: workspaceId))
        return try await runRebuild(workspaceId)
    }

    /// Runs a rebuild claimed by `beginRebuild` (then the prediction refresh, if asked),
    /// recording how it ended.
    func runRebuild(_ workspaceId: String, refreshPredictions: Bool = false) async throws -> RebuildReport {
        do {
            let report = try await rebuildNow(workspaceId)
            if refreshPredictions {
                rebuilds[workspaceId]?.phase = .predictions
                _ = try await self.refreshPredictions(workspaceId: workspaceId)
            }
            rebuilds[workspaceId]?.finish(report: report, at: clock())
            return report
        } catch {
            rebuilds[workspaceId]?.fail("\(error)", at: clock())
            throw error
        }
    }

    private func rebuildNow(_ workspaceId: String) async throws -> RebuildReport {
        let rules = try await ruleStore.identityRules(workspaceId: workspaceId).last?.rules ?? self.rules
        var fresh = WorkspaceProfiles(rules: rules)
        var count = 0
        // Beside the live state: other operations on the workspace go on between pages.
        try await foldRemaining(workspaceId, into: &fresh, count: &count)
        rebuilds[workspaceId]?.phase = .catchingUp
        let (folded, done) = (count, fresh)
        return try await serialized(workspaceId) {
            try await self.replaceState(workspaceId, with: done, folded: folded)
        }
    }

    /// Folds every event after `fresh`'s position into it, page by page, counting them in
    /// the rebuild's progress.
    private func foldRemaining(_ workspaceId: String, into fresh: inout WorkspaceProfiles, count: inout Int) async throws {
        while true {
            let page = try await events.events(in: workspaceId, after: fresh.lastSeq, limit: pageSize)
            var effect = WorkspaceProfiles.Effect()
            for stored in page { fresh.apply(stored, into: &effect) }
            count += page.count
            rebuilds[workspaceId]?.eventsFolded = count
            if page.count < pageSize { break }
        }
    }

    /// Folds the events that arrived during the rebuild, then makes the fresh state the live
    /// one and writes it.
    private func replaceState(_ workspaceId: String, with fresh: WorkspaceProfiles, folded: Int) async throws -> RebuildReport {
        var fresh = fresh, count = folded
        try await foldRemaining(workspaceId, into: &fresh, count: &count)
        rebuilds[workspaceId]?.phase = .writing
        states[workspaceId] = nil
        fresh.pendingRules = try await collapseIdentityRules(workspaceId, used: fresh.rules, lastSeq: fresh.lastSeq)
        try await store.resetProfiles(workspaceId: workspaceId)
        var s = try await state(workspaceId) // empty profiles, the old memberships
        s.profiles = fresh
        let now = clock()
        var changes = ProfileChangeSet(workspaceId: workspaceId, lastSeq: s.profiles.lastSeq, mergeCount: s.profiles.merges.count)
        changes.upserts = s.profiles.profiles.values.sorted { $0.id < $1.id }
        changes.merges = s.profiles.merges
        changes.changedAt = now
        // Memberships of profiles that no longer exist are exits too.
        let alive = Set(changes.upserts.map(\.id))
        for (segment, ids) in s.members {
            for id in ids.subtracting(alive).sorted() { changes.exited.append((segment, id)) }
            s.members[segment] = ids.intersection(alive)
        }
        s.recompute(segmentIds: s.segments.map(\.id), asOf: s.today(wallClock: now), into: &changes)
        s.mergeCount = changes.mergeCount
        try await commit(changes)
        states[workspaceId] = s
        return RebuildReport(events: count, profiles: changes.upserts.count, merges: changes.merges.count,
                             entered: changes.entered.count, exited: changes.exited.count)
    }
}
