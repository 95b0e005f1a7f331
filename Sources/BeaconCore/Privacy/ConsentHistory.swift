import Foundation

/// A subject's consent over time, across all of its identifiers, merged most-restrictively.
///
/// When identities merge into one profile, each identifier keeps its own history; the
/// profile's value of a category at an instant is granted only when no identifier had it
/// denied then (an identifier that never said anything does not count either way). A
/// category no identifier ever named is `nil` (unknown). Like Segment, Beacon withholds a
/// message only for a category that was explicitly false: unknown does not block.
public struct ConsentHistory: Sendable, Equatable {
    public var records: [ConsentRecord]

    public init(_ records: [ConsentRecord]) {
        self.records = records.sorted { ($0.at, $0.messageId, $0.category) < ($1.at, $1.messageId, $1.category) }
    }

    /// Whether `category` was granted at `instant`: false when any identifier's newest entry
    /// for it (or for every category) at or before `instant` denies it, true when at least one
    /// grants it and none denies it, nil when none has an entry.
    public func granted(_ category: String, at instant: Date) -> Bool? {
        var latest: [Identifier: ConsentRecord] = [:]
        for r in records where r.at <= instant && (r.category == category || r.category == ConsentRecord.everyCategory) {
            if let old = latest[r.identifier], old.at > r.at { continue }
            latest[r.identifier] = r
        }
        guard !latest.isEmpty else { return nil }
        return latest.values.allSatisfy(\.granted)
    }

    /// The categories of `required` that were explicitly denied at `instant`, sorted.
    public func denied(_ required: [String], at instant: Date) -> [String] {
        required.filter { granted($0, at: instant) == false }.sorted()
    }
}
