import Foundation

/// How long a workspace keeps events: all of them (`eventName` is `*`) or those of one
/// track event name, judged by **event time** (the corrected `timestamp`, not the arrival
/// time): an event older than `maxAgeDays` when retention runs is deleted, and the profiles,
/// memberships and analytics derived from it are recomputed in the same run. A named rule
/// replaces the `*` rule for its events, so it can keep them shorter or longer.
public struct RetentionRule: Sendable, Equatable, Codable {
    public static let allEvents = "*"

    public var workspaceId: String
    public var eventName: String
    public var maxAgeDays: Int
    public var updatedAt: Date

    public init(workspaceId: String, eventName: String, maxAgeDays: Int, updatedAt: Date) {
        self.workspaceId = workspaceId
        self.eventName = eventName
        self.maxAgeDays = maxAgeDays
        self.updatedAt = updatedAt
    }
}
