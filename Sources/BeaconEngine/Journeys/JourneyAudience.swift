import BeaconCore
import Foundation

/// What the journey runner asks about people: their profile (for a send's payload and time
/// zone) and whether they match a segment rule now (a branch).
///
/// `ProfileEngine` answers from its live projection; tests may answer from a fixed table.
public protocol JourneyAudience: Sendable {
    func journeyProfile(workspaceId: String, id: String) async throws -> Profile?
    func journeyMatches(_ rule: SegmentRule, workspaceId: String, profileId: String, asOf: Date) async throws -> Bool
}
