import Foundation

/// How often a scheduled report goes out, as people say it: `daily`, `weekly` (Mondays) or
/// `monthly` (the 1st) at a local time of day, or any five-field cron expression.
public enum ReportCadence {
    /// The time of day presets run at when none is given.
    public static let defaultTime = "08:00"

    /// The cron expression of `schedule` (`daily`, `weekly`, `monthly` or a cron expression)
    /// at `time` (`HH:MM`, presets only).
    /// - Throws: `ReportScheduleInputError` naming `time` when it is not `HH:MM` or is given
    ///   with a cron expression, or `schedule` (with the cron field and column) when the
    ///   expression does not parse.
    public static func cron(_ schedule: String, time: String?) throws -> CronSchedule {
        let preset = schedule.trimmingCharacters(in: .whitespaces).lowercased()
        guard ["daily", "weekly", "monthly"].contains(preset) else {
            if let time, !time.isEmpty {
                throw ReportScheduleInputError(field: "time", "applies to daily, weekly and monthly only, not to a cron expression")
            }
            do {
                return try CronSchedule(parsing: schedule)
            } catch let error as CronScheduleError {
                throw ReportScheduleInputError(
                    field: "schedule", "must be daily, weekly, monthly or a cron expression: \(error.description)")
            }
        }
        let text = (time?.isEmpty ?? true) ? defaultTime : time!
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { throw ReportScheduleInputError(field: "time", "must be a time of day HH:MM (00:00 to 23:59), not '\(text)'") }
        let day = preset == "monthly" ? "1" : "*"
        let weekday = preset == "weekly" ? "1" : "*"
        return try CronSchedule(parsing: "\(minute) \(hour) \(day) * \(weekday)")
    }

    /// The IANA zone named `identifier`.
    /// - Throws: `ReportScheduleInputError` naming `timeZone`.
    public static func timeZone(_ identifier: String) throws -> TimeZone {
        guard !identifier.isEmpty, identifier.count <= 64, let zone = TimeZone(identifier: identifier) else {
            throw ReportScheduleInputError(
                field: "timeZone", "must be an IANA time zone such as Europe/Berlin or America/New_York, not '\(identifier)'")
        }
        return zone
    }
}
