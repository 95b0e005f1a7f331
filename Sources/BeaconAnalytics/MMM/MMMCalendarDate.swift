import BeaconCore

/// A calendar date as a day number, parsed from ISO 8601 `YYYY-MM-DD` without Foundation so
/// the model stays pure and platform-independent.
///
/// Day numbers count from 1970-01-01 in the proleptic Gregorian calendar, using Hinnant's
/// `days_from_civil` algorithm ("chrono-Compatible Low-Level Date Algorithms", 2013).
public struct MMMCalendarDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var day: Int

    public init(day: Int) { self.day = day }

    /// The date `year-month-day`; no validation beyond the arithmetic.
    public init(year: Int, month: Int, day: Int) {
        self.day = CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` (a time part after `T` or a space is ignored); nil when malformed.
    public init?(iso text: String) {
        let datePart = text.split(whereSeparator: { $0 == "T" || $0 == " " }).first.map(String.init) ?? ""
        let parts = datePart.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
        guard civil == (y, m, d) else { return nil }
    }

    /// (year, month, day) of this date (Hinnant's `civil_from_days`).
    public var civil: (year: Int, month: Int, day: Int) { CivilCalendar.civil(dayNumber: day) }

    /// Day of the year, 1…366.
    public var dayOfYear: Int { day - MMMCalendarDate(year: civil.year, month: 1, day: 1).day + 1 }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((day % 7) + 7 + 3) % 7 }

    /// The date `n` days later.
    public func adding(days n: Int) -> MMMCalendarDate { MMMCalendarDate(day: day + n) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = civil
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public static func < (a: MMMCalendarDate, b: MMMCalendarDate) -> Bool { a.day < b.day }
}
