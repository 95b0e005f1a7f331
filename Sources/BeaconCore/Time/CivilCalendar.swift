import Foundation

/// Day numbers of the proleptic Gregorian calendar: days since 1970-01-01 and back.
///
/// Pure integer arithmetic (no time zones, no Foundation calendars), shared by timestamps,
/// order logs, cohorts, CLV summaries and marketing-mix calendars. The algorithms are
/// H. Hinnant's `days_from_civil` and `civil_from_days` ("chrono-Compatible Low-Level Date
/// Algorithms", 2013), exact for every date in the `Int` range.
public enum CivilCalendar {
    /// Days since 1970-01-01 (negative before) of `year-month-day`; no range check, so
    /// out-of-range days roll over arithmetically (validate with `isValid` first).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The `(year, month, day)` of a day number.
    public static func civil(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` of a day number.
    public static func dayLabel(_ dayNumber: Int) -> String {
        let (y, m, d) = civil(dayNumber: dayNumber)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// `YYYY-MM` of the month a day number falls in.
    public static func monthLabel(_ dayNumber: Int) -> String {
        let (y, m, _) = civil(dayNumber: dayNumber)
        return String(format: "%04d-%02d", y, m)
    }

    /// The number of days in a month of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `year-month-day` is a real date (no 31 April, no 29 February 2023).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }
}
