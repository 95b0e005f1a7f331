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
    /// (`CivilDate`, which reads every date in Beacon's files); nil when the text is not such a
    /// date. Slash dates with the year last are not read here: their order is not known.
    public static func parse(_ text: some StringProtocol) -> Int? {
        CivilDate.parse(text, order: nil)?.dayNumber
    }

}
