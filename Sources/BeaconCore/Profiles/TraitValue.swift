import Foundation

/// One trait of a profile with where it came from: the value, the event time that set it,
/// and the event (`messageId`) that carried it.
///
/// When identities merge, or a newer event arrives, the value with the later `at` wins
/// per trait; on equal times the one with the higher log sequence (`seq`) wins, so the result
/// does not depend on which profile absorbed which.
public struct TraitValue: Sendable, Equatable, Codable {
    public var value: JSONValue
    public var at: Date
    public var source: String
    public var seq: Int64

    public init(value: JSONValue, at: Date, source: String, seq: Int64) {
        self.value = value
        self.at = at
        self.source = source
        self.seq = seq
    }

    /// Whether this value should replace `other`.
    public func supersedes(_ other: TraitValue) -> Bool {
        at != other.at ? at > other.at : seq > other.seq
    }
}
