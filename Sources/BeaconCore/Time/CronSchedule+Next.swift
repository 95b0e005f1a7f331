import Foundation

extension CronSchedule {
    /// The first run time strictly after `after`, the schedule read as local wall-clock time in
    /// `zone`; nil when it never runs again within 30 years.
    ///
    /// Daylight-saving changes follow one rule, the one PyPI `croniter` 7 applies to skipped
    /// times and Vixie cron to repeated ones:
    /// - A local time that a spring-forward gap skips (02:30 on the day Europe/Berlin goes from
    ///   02:00 to 03:00) runs at the next valid instant, the end of the gap (03:00 local); several
    ///   skipped times run once there.
    /// - A local time that a fall-back overlap repeats (02:30 twice on the day Berlin goes from
    ///   03:00 back to 02:00) runs once, at its first occurrence (02:30 summer time). Here
    ///   `croniter` differs: it runs such a time at both occurrences.
    /// Every other local time is one instant.
    public func next(after: Date, in zone: TimeZone) -> Date? {
        let afterSeconds = after.timeIntervalSince1970
        // Local wall-clock seconds of `after`; runs are searched from a few hours before it,
        // since a time repeated by an overlap can map to an instant before `after`.
        let local = Int64(floor(afterSeconds)) + Int64(zone.secondsFromGMT(for: after))
        var from = CronCivil(localSeconds: local - 3 * 3600)
        let lastYear = from.year + 30
        for _ in 0..<100_000 {
            guard let candidate = nextLocalTime(from: from, lastYear: lastYear) else { return nil }
            let instant = Self.instant(localSeconds: candidate.localSeconds, in: zone)
            if instant > afterSeconds { return Date(timeIntervalSince1970: instant) }
            from = CronCivil(localSeconds: candidate.localSeconds + 60)
        }
        return nil
    }

    /// The first local minute at or after `from` the fields allow, nil past `lastYear`.
    func nextLocalTime(from: CronCivil, lastYear: Int) -> CronCivil? {
        var c = from
        c.second = 0
        func nextMonth() {
            c.month += 1
            c.day = 1
            c.hour = 0
            c.minute = 0
            if c.month > 12 {
                c.month = 1
                c.year += 1
            }
        }
        func nextDay() {
            c.day += 1
            c.hour = 0
            c.minute = 0
        }
        while c.year <= lastYear {
            if months & (1 << UInt64(c.month)) == 0 || c.day > CronCivil.daysIn(year: c.year, month: c.month) {
                nextMonth()
                continue
            }
            if !dayMatches(year: c.year, month: c.month, day: c.day) {
                nextDay()
                continue
            }
            if hours & (1 << UInt64(c.hour)) == 0 {
                c.hour += 1
                c.minute = 0
                if c.hour > 23 { nextDay() }
                continue
            }
            if minutes & (1 << UInt64(c.minute)) == 0 {
                c.minute += 1
                if c.minute > 59 {
                    c.minute = 0
                    c.hour += 1
                    if c.hour > 23 { nextDay() }
                }
                continue
            }
            return c
        }
        return nil
    }

    /// The instant (seconds since 1970) a local wall-clock time stands for in `zone`: the one
    /// instant when there is one, the first of two in an overlap, the end of the gap for a time
    /// a gap skips.
    static func instant(localSeconds local: Int64, in zone: TimeZone) -> Double {
        func offset(_ t: Int64) -> Int64 { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))) }
        let offsets = Set([offset(local - 86_400), offset(local), offset(local + 86_400)])
        let instants = offsets.map { local - $0 }.filter { local - offset($0) == $0 }
        if let first = instants.min() { return Double(first) }
        // In a gap: the offset changes between the instant the smallest offset gives and the one
        // the largest gives; the change is the gap's end.
        var low = local - (offsets.max() ?? 0)
        var high = local - (offsets.min() ?? 0)
        let before = offset(low)
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if offset(mid) == before { low = mid } else { high = mid }
        }
        return Double(high)
    }
}

/// A local wall-clock time to the second, with the proleptic Gregorian arithmetic cron needs
/// (days from 1970-01-01 after H. Hinnant's `days_from_civil`).
struct CronCivil: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// The local time `seconds` after 1970-01-01 00:00 local.
    init(localSeconds seconds: Int64) {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
    }

    /// Seconds from 1970-01-01 00:00 local.
    var localSeconds: Int64 {
        Int64(Self.days(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Days from 1970-01-01 to the given date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 0 for Sunday … 6 for Saturday.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let d = days(year: year, month: month, day: day)
        return ((d % 7) + 7 + 4) % 7
    }

    static func daysIn(year: Int, month: Int) -> Int {
        if month == 2 { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28 }
        return CronSchedule.maxDays(month: month)
    }
}
