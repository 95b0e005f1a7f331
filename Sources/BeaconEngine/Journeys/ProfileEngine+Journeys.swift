import BeaconCore
import BeaconStore
import Foundation

extension ProfileEngine: JourneyAudience {
    public func journeyProfile(workspaceId: String, id: String) async throws -> Profile? {
        try await store.profile(workspaceId: workspaceId, id: id)
    }

    /// Whether the profile matches `rule` at `asOf`, on the projection as of its last step.
    public func journeyMatches(_ rule: SegmentRule, workspaceId: String, profileId: String, asOf: Date) async throws
        -> Bool
    {
        try await serialized(workspaceId) {
            let s = try await self.state(workspaceId)
            guard let p = s.profiles.profile(id: profileId) else { return false }
            let subject = ProfileSubject(profile: p, history: s.profiles.activities(of: profileId), asOf: asOf)
            return rule.matches(subject, asOf: asOf)
        }
    }

    /// Reads again what the workspace's running journeys listen for when it was read more than a
    /// second ago, so a journey published by another process takes effect.
    func refreshJourneyInterest(_ workspaceId: String, _ s: inout WorkspaceState) async throws {
        let now = clock()
        guard now.timeIntervalSince(s.journeyInterestReadAt) > 1 else { return }
        s.journeyInterest = JourneyInterest(try await journeyStore.runningVersions(workspaceId: workspaceId))
        s.journeyInterestReadAt = now
    }

    /// Forgets what journeys listen for, so the next projection step reads it again (after a publish).
    public func reloadJourneys(workspaceId: String) async throws {
        try await serialized(workspaceId) { await self.expireJourneyInterest(workspaceId) }
    }

    private func expireJourneyInterest(_ workspaceId: String) {
        states[workspaceId]?.journeyInterestReadAt = .distantPast
    }
}
