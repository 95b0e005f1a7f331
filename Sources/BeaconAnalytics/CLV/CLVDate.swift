import BeaconCore

/// Calendar dates as day numbers for transaction logs: pure arithmetic, no time zones, no clocks.
///
/// Day numbers count days since 1970-01-01 in the proleptic Gregorian calendar
/// (Hinnant, "chrono-Compatible Low-Level Date Algorithms", `days_from_civil`), so differences
/// are exact day counts. A time of day, when present, is ignored: the CLV summaries work on
/// whole days, as lifetimes' `freq="D"`.
public enum CLVDate {
    /// The day number of a civil date; nil for an impossible date (month 13, 31 April, 29 Feb 2023).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int? {
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        return CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    /// Parses `YYYYMMDD`, `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by a time
    /// (`T…` or ` …`, ignored); nil when the text is not such a date.
    public static func parse(_ text: some StringProtocol) -> Int? {
        let trimmed = text.drop { $0 == " " }
        let datePart = trimmed.prefix { $0 != "T" && $0 != " " }
        let digits = datePart.filter(\.isNumber)
        let separators = String(datePart.filter { !$0.isNumber })
        guard digits.count == 8, separators.isEmpty || separators == "--" || separators == "//" else { return nil }
        if !separators.isEmpty {
            let parts = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" })
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
        }
        let v = Array(digits).compactMap(\.wholeNumberValue)
        let year = v[0...3].reduce(0) { $0 * 10 + $1 }
        let month = v[4] * 10 + v[5]
        let day = v[6] * 10 + v[7]
        return dayNumber(year: year, month: month, day: day)
    }

}
