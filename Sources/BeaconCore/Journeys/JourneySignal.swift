import Foundation

/// A happening to one profile that journeys react to, written by the profile projection in the
/// same transaction as the change that caused it: a segment entered or exited, or a tracked event.
///
/// Signals are the runner's inbox: each is processed once (starting journeys, converting,
/// exiting, ending event waits) and then deleted in the transaction that records its effects.
public struct JourneySignal: Sendable, Equatable {
    /// The kinds of happenings.
    public enum Kind: String, Sendable, Codable {
        case segmentEntered, segmentExited, event
    }

    public var workspaceId: String
    /// The order the store assigned on insert (0 before): a profile's signals are processed in it.
    public var sequence: Int64
    public var profileId: String
    public var kind: Kind
    /// The segment id or the event name.
    public var name: String
    /// The event's properties (nil for segment changes).
    public var properties: JSONValue?
    public var at: Date

    public init(
        workspaceId: String, sequence: Int64 = 0, profileId: String, kind: Kind, name: String,
        properties: JSONValue? = nil, at: Date
    ) {
        self.workspaceId = workspaceId
        self.sequence = sequence
        self.profileId = profileId
        self.kind = kind
        self.name = name
        self.properties = properties
        self.at = at
    }
}
