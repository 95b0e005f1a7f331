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
    /// Recomputes a workspace's identities, profiles and memberships from the event log.
    ///
    /// The stored profiles, identifiers and merge log are replaced by a fresh fold of the
    /// whole log; memberships are re-evaluated over the result and only the differences are
    /// written (as entered/exited records). Model predictions are cleared: run the prediction
    /// refresh again afterwards.
    public func rebuild(workspaceId: String) async throws -> RebuildReport {
        try await serialized(workspaceId) { try await self.rebuildNow(workspaceId) }
    }

    private func rebuildNow(_ workspaceId: String) async throws -> RebuildReport {
        states[workspaceId] = nil
        try await store.resetProfiles(workspaceId: workspaceId)
        var s = try await state(workspaceId) // empty profiles, the old memberships
        var after: Int64? = nil
        var count = 0
        var effect = WorkspaceProfiles.Effect()
        while true {
            let page = try await events.events(in: workspaceId, after: after, limit: pageSize)
            for stored in page { s.profiles.apply(stored, into: &effect) }
            count += page.count
            guard page.count == pageSize, let last = page.last else { break }
            after = last.sequence
        }
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
        s.recompute(segmentIds: s.segments.map(\.id), asOf: now, into: &changes)
        s.mergeCount = changes.mergeCount
        try await store.apply(changes)
        states[workspaceId] = s
        return RebuildReport(events: count, profiles: changes.upserts.count, merges: changes.merges.count,
                             entered: changes.entered.count, exited: changes.exited.count)
    }
}
