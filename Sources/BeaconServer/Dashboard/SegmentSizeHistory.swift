import BeaconCore
import Foundation

/// A segment's size per UTC day, replayed from its entered/exited change log: the running
/// count of entries minus exits at the end of each day, from the first change through `end`.
///
/// Days without changes carry the previous size. Only the last `maxDays` days are returned
/// (the replay still starts at the first change, so the first returned size is exact).
/// An empty log gives an empty history.
enum SegmentSizeHistory {
    static func daily(_ changes: [MembershipChange], through end: Date, maxDays: Int = 365) -> [(day: Date, size: Int)] {
        func dayNumber(_ d: Date) -> Int { Int((d.timeIntervalSince1970 / 86_400).rounded(.down)) }
        var delta: [Int: Int] = [:]
        for c in changes { delta[dayNumber(c.at), default: 0] += c.kind == .entered ? 1 : -1 }
        guard let firstDay = delta.keys.min(), let lastChange = delta.keys.max() else { return [] }
        let lastDay = max(dayNumber(end), lastChange)
        var size = 0
        var out: [(day: Date, size: Int)] = []
        for d in firstDay...lastDay {
            size += delta[d] ?? 0
            if d > lastDay - maxDays { out.append((Date(timeIntervalSince1970: Double(d) * 86_400), size)) }
        }
        return out
    }
}
