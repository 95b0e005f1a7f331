import Foundation

/// ISO-8601 timestamps as the tracking SDKs write them, parsed without a formatter.
///
/// Accepts `YYYY-MM-DD`, optionally followed by `T` or a space and `hh:mm[:ss[.fraction]]`,
/// optionally followed by `Z`, `±hh:mm`, `±hhmm` or `±hh`. A time without a zone is UTC
/// (the convention of CSV exports such as UCI Online Retail). Out-of-range fields
/// (month 13, minute 61) are rejected rather than rolled over.
public enum Timestamp {
    /// Parses `text`; returns nil when it is not an ISO-8601 date or date-time.
    public static func parse(_ text: some StringProtocol) -> Date? {
        let u = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= u.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = u[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < u.count, u[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2) else { return nil }
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        var seconds = 0.0
        var offset = 0
        if i < u.count, u[i] == 84 || u[i] == 116 || u[i] == 32 {
            i += 1
            guard let hour = digits(2), hour < 24, expect(58), let minute = digits(2), minute < 60 else { return nil }
            var second = 0
            var fraction = 0.0
            if expect(58) {
                guard let s = digits(2), s <= 60 else { return nil }
                second = s
                if i < u.count, u[i] == 46 || u[i] == 44 {
                    i += 1
                    var scale = 0.1
                    let start = i
                    while i < u.count, u[i] >= 48 && u[i] <= 57 {
                        fraction += Double(u[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                    guard i > start else { return nil }
                }
            }
            seconds = Double(hour * 3600 + minute * 60 + second) + fraction
            if i < u.count {
                if u[i] == 90 || u[i] == 122 {
                    i += 1
                } else if u[i] == 43 || u[i] == 45 {
                    let sign = u[i] == 45 ? -1 : 1
                    i += 1
                    guard let oh = digits(2), oh <= 23 else { return nil }
                    var om = 0
                    if expect(58) {
                        guard let m = digits(2) else { return nil }
                        om = m
                    } else if i < u.count {
                        guard let m = digits(2) else { return nil }
                        om = m
                    }
                    guard om < 60 else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
        }
        guard i == u.count else { return nil }
        let days = CivilCalendar.dayNumber(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86_400 + seconds - Double(offset))
    }

    /// Formats `date` as `YYYY-MM-DDThh:mm:ss.sssZ` (UTC, milliseconds).
    public static func format(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let totalSeconds = Int64((Double(ms) / 1000).rounded(.down))
        let millis = Int(ms - totalSeconds * 1000)
        let days = Int((Double(totalSeconds) / 86_400).rounded(.down))
        let secOfDay = Int(totalSeconds - Int64(days) * 86_400)
        let (y, m, d) = CivilCalendar.civil(dayNumber: days)
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secOfDay / 3600, 2)):\(pad(secOfDay / 60 % 60, 2)):\(pad(secOfDay % 60, 2)).\(pad(millis, 3))Z"
    }

    /// Milliseconds since the Unix epoch, the unit the store keeps.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// `date` rounded to the millisecond: the precision Beacon stores and serialises, so
    /// an event read back from the store equals the event that was written.
    public static func truncated(_ date: Date) -> Date {
        Self.date(milliseconds: milliseconds(date))
    }

    /// The date for milliseconds since the Unix epoch.
    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
