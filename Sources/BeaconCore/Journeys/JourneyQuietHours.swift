import Foundation

/// A daily window, in the profile's local time, during which a journey sends nothing: a send that
/// comes due inside it is deferred to the window's end, never dropped.
///
/// `start` and `end` are `HH:MM`; a window whose start is after its end spans midnight
/// (`21:00`–`08:00`). Both are read on the civil calendar of the profile's zone, so the window
/// stays 21:00–08:00 local across a daylight-saving change; an end that does not exist on a
/// spring-forward day resolves to the first instant after the gap (see `JourneyTimeOfDay`).
public struct JourneyQuietHours: Sendable, Equatable, Codable {
    public var start: String
    public var end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }

    /// Checks both times parse and differ; `path` names the field in errors.
    public func validate(path: String) throws {
        guard let s = JourneyTimeOfDay(start) else {
            throw JourneyError(field: "\(path).start", "must be a time of day HH:MM (got \(start))")
        }
        guard let e = JourneyTimeOfDay(end) else {
            throw JourneyError(field: "\(path).end", "must be a time of day HH:MM (got \(end))")
        }
        guard s != e else { throw JourneyError(field: "\(path).end", "must differ from start (an empty or all-day window)") }
    }

    /// When a send due at `now` may go: nil when `now` is outside the window, else the window's end
    /// (the first local `end` after `now` in `zone`). Nil for unparsable times (validation refuses them).
    public func deferral(at now: Date, in zone: TimeZone) -> Date? {
        guard let s = JourneyTimeOfDay(start), let e = JourneyTimeOfDay(end) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.hour, .minute], from: now)
        let minute = (c.hour ?? 0) * 60 + (c.minute ?? 0)
        let (from, to) = (s.hour * 60 + s.minute, e.hour * 60 + e.minute)
        let quiet = from < to ? (from <= minute && minute < to) : (minute >= from || minute < to)
        return quiet ? e.next(after: now, in: zone) : nil
    }
}
