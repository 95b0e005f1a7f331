import BeaconCore
import Foundation

/// What a workspace's segment rules can refer to: the traits its profiles carry and the
/// events they did, for the dashboard's rule builder pickers.
public struct SegmentVocabulary: Sendable, Equatable {
    /// The profiles' own trait names (from `identify` calls), sorted.
    public var traits: [String]
    /// The `track` event names in the profiles' histories, sorted.
    public var events: [String]

    public init(traits: [String], events: [String]) {
        self.traits = traits
        self.events = events
    }
}

extension ProfileEngine {
    /// The trait and event names found in the workspace's profiles (at most `limit` of each,
    /// so a workspace with unbounded trait keys cannot flood a picker).
    public func segmentVocabulary(workspaceId: String, limit: Int = 500) async throws -> SegmentVocabulary {
        try await serialized(workspaceId) {
            let s = try await self.state(workspaceId)
            var traits = Set<String>(), events = Set<String>()
            for (node, p) in s.profiles.profiles {
                if traits.count < limit { traits.formUnion(p.traits.keys) }
                if events.count < limit, let history = s.profiles.activities[node] { events.formUnion(history.keys) }
            }
            return SegmentVocabulary(traits: Array(traits.sorted().prefix(limit)), events: Array(events.sorted().prefix(limit)))
        }
    }
}
