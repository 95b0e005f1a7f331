import Foundation

/// A local time of day (`HH:MM`) that a `waitUntil` step waits for, in a profile's time zone.
///
/// The next occurrence is computed on the civil calendar of the zone, so 09:00 stays 09:00 local
/// across a daylight-saving change (the UTC instant moves by the hour). A time that does not exist
/// on a spring-forward day (02:30 in New York on the second Sunday of March) resolves to the
/// first instant after the gap, as the calendar does; an ambiguous one (fall back) to its first
/// occurrence.
public struct JourneyTimeOfDay: Sendable, Equatable {
    public var hour: Int
    public var minute: Int

    /// Parses `HH:MM` (24-hour); nil when malformed or out of range.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]),
            (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        hour = h
        minute = m
    }

    /// The first instant strictly after `now` whose local time in `zone` is this time of day,
    /// on one of `weekdays` (ISO: 1 = Monday … 7 = Sunday; nil means any day).
    public func next(after now: Date, in zone: TimeZone, weekdays: Set<Int>? = nil) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let today = calendar.startOfDay(for: now)
        for offset in 0...8 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: today) else { continue }
            var c = calendar.dateComponents([.year, .month, .day], from: day)
            c.hour = hour
            c.minute = minute
            guard let candidate = calendar.date(from: c), candidate > now else { continue }
            let iso = (calendar.component(.weekday, from: candidate) + 5) % 7 + 1
            if weekdays?.contains(iso) ?? true { return candidate }
        }
        // Unreachable with at least one allowed weekday; a week later is a safe bound.
        return now.addingTimeInterval(7 * 86_400)
    }
}
