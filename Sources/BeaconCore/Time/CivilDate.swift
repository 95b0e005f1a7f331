import Foundation

/// The one reader of calendar dates in files (order exports, spend sheets, transaction logs),
/// with a time of day when one follows.
///
/// Accepted: `YYYYMMDD`; `YYYY-MM-DD` and `YYYY/MM/DD`; and slash dates with the year last,
/// `A/B/YYYY` (or a two-digit year, read as 20YY), whose day and month order is the file's:
/// `mdy` (US: 12/2/2010 is 2 December) or `dmy` (13/02/2011 is 13 February). A time
/// `H:MM[:SS[.fff]]` may follow after a space or `T`, and an ISO zone (`Z`, `±hh:mm`) is
/// honoured through `Timestamp`; without one the time is UTC. Impossible dates (31 April,
/// month 13) are refused, never rolled over.
///
/// A slash date whose order is not given is read only when the order is evident (`detectOrder`
/// looks at a whole column): `01/02/2011` alone could be either, and is never guessed.
public struct CivilDate: Sendable, Equatable {
    /// The order of day and month in slash dates.
    public enum Order: String, Sendable, CaseIterable {
        case mdy, dmy
    }

    public var year: Int
    public var month: Int
    public var day: Int
    /// Seconds since midnight UTC (0 when no time was given).
    public var seconds: Double

    /// Days since 1970-01-01.
    public var dayNumber: Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// The instant: the day's midnight UTC plus the time of day.
    public var date: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + seconds) }

    /// Parses `text`; nil when it is not one of the accepted forms, is impossible, or is a
    /// slash date and `order` is nil.
    public static func parse(_ text: some StringProtocol, order: Order?) -> CivilDate? {
        let s = text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()
        let trimmed = String(s)
        let datePart = trimmed.prefix { $0 != " " && $0 != "T" }
        let timePart = trimmed.dropFirst(datePart.count).drop { $0 == " " || $0 == "T" }
        func int(_ t: Substring) -> Int? { !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber } ? Int(t) : nil }
        var ymd: (Int, Int, Int)
        if datePart.count == 8, let all = int(datePart) {
            ymd = (all / 10_000, all / 100 % 100, all % 100)
        } else if datePart.contains("-") || (datePart.contains("/") && datePart.prefix(while: { $0 != "/" }).count == 4) {
            let p = datePart.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
            guard p.count == 3, p[0].count == 4, let y = int(p[0]), let m = int(p[1]), let d = int(p[2]) else { return nil }
            if datePart.contains("-"), !timePart.isEmpty || trimmed.hasSuffix("Z") {
                // ISO date-time: a zone, when present, shifts the instant.
                guard let instant = Timestamp.parse(trimmed) else { return nil }
                let ms = Timestamp.milliseconds(instant)
                let dayNumber = Int((Double(ms) / 86_400_000).rounded(.down))
                let civil = CivilCalendar.civil(dayNumber: dayNumber)
                return CivilDate(
                    year: civil.year, month: civil.month, day: civil.day,
                    seconds: Double(ms - Int64(dayNumber) * 86_400_000) / 1000)
            }
            ymd = (y, m, d)
        } else if datePart.contains("/") {
            let p = datePart.split(separator: "/", omittingEmptySubsequences: false)
            guard let order, p.count == 3, p[2].count == 4 || p[2].count == 2, let a = int(p[0]), let b = int(p[1]),
                let y = int(p[2])
            else { return nil }
            let year = p[2].count == 2 ? 2000 + y : y
            ymd = order == .mdy ? (year, a, b) : (year, b, a)
        } else {
            return nil
        }
        guard CivilCalendar.isValid(year: ymd.0, month: ymd.1, day: ymd.2) else { return nil }
        var seconds = 0.0
        if !timePart.isEmpty {
            let t = timePart.split(separator: ":", omittingEmptySubsequences: false)
            guard t.count >= 2, t.count <= 3, let h = int(t[0]), let m = int(t[1]), h < 24, m < 60 else { return nil }
            let sec = t.count == 3 ? Double(t[2]) : 0
            guard let sec, sec >= 0, sec < 61 else { return nil }
            seconds = Double(h * 3600 + m * 60) + sec
        }
        return CivilDate(year: ymd.0, month: ymd.1, day: ymd.2, seconds: seconds)
    }

    /// The order of the slash dates among `samples`: `dmy` when a first field exceeds 12,
    /// `mdy` when a second one does, nil when every date fits both (or there are none) —
    /// or when the samples contradict each other, which no order can read.
    public static func detectOrder(_ samples: some Sequence<String>) -> Order? {
        var firstOver12 = false, secondOver12 = false
        for sample in samples {
            let datePart = sample.drop { $0 == " " }.prefix { $0 != " " && $0 != "T" }
            let p = datePart.split(separator: "/", omittingEmptySubsequences: false)
            guard p.count == 3, let a = Int(p[0]), let b = Int(p[1]) else { continue }
            if a > 12 { firstOver12 = true }
            if b > 12 { secondOver12 = true }
        }
        switch (firstOver12, secondOver12) {
        case (true, false): return .dmy
        case (false, true): return .mdy
        default: return nil
        }
    }

    /// A column whose slash dates fit both orders; `example` is one of them.
    public struct AmbiguousOrder: Error, Sendable, Equatable {
        public var example: String
    }

    /// The order to read a column's slash dates in: `given` when set, else the one its dates
    /// show (`detectOrder`); nil when the column has no slash dates.
    /// - Throws: `AmbiguousOrder` when the column's slash dates fit both orders.
    public static func order(of samples: some Sequence<String>, given: Order?) throws -> Order? {
        if let given { return given }
        guard hasSlashDates(samples) else { return nil }
        if let order = detectOrder(samples) { return order }
        throw AmbiguousOrder(example: samples.first { $0.contains("/") } ?? "")
    }

    /// True when some sample is a slash date (whose order matters).
    public static func hasSlashDates(_ samples: some Sequence<String>) -> Bool {
        samples.contains { sample in
            let datePart = sample.drop { $0 == " " }.prefix { $0 != " " && $0 != "T" }
            return datePart.split(separator: "/").count == 3 && datePart.prefix(while: { $0 != "/" }).count <= 2
        }
    }
}
