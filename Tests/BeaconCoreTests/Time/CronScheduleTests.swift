import Foundation
import Testing

@testable import BeaconCore

/// Cron expressions read and stepped by hand-checked calendars (2024: March 31 is a Sunday,
/// Europe/Berlin springs forward 02:00→03:00 that day and falls back 03:00→02:00 on October 27;
/// America/New_York springs forward on March 10 and falls back on November 3).
@Suite("Cron schedule")
struct CronScheduleTests {
    static func utc(_ text: String) -> Date { Timestamp.parse(text)! }
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    /// The next `count` run times after `start`, in ISO 8601 UTC.
    static func runs(_ expression: String, after start: String, in zone: TimeZone, count: Int) throws -> [String] {
        let cron = try CronSchedule(parsing: expression)
        var out: [String] = []
        var t = utc(start)
        for _ in 0..<count {
            guard let next = cron.next(after: t, in: zone) else { break }
            out.append(Timestamp.format(next))
            t = next
        }
        return out
    }

    @Test("fields, names, steps, ranges and lists")
    func plain() throws {
        let utcZone = TimeZone(identifier: "UTC")!
        #expect(
            try Self.runs("5-50/15 */6 * * *", after: "2024-03-28T10:00:00Z", in: utcZone, count: 5) == [
                "2024-03-28T12:05:00.000Z", "2024-03-28T12:20:00.000Z", "2024-03-28T12:35:00.000Z",
                "2024-03-28T12:50:00.000Z", "2024-03-28T18:05:00.000Z",
            ])
        // Day of month OR day of week when both are restricted: Fridays, the 1st and the 15th.
        #expect(
            try Self.runs("0 9 1,15 * fri", after: "2024-03-01T10:00:00Z", in: utcZone, count: 5) == [
                "2024-03-08T09:00:00.000Z", "2024-03-15T09:00:00.000Z", "2024-03-22T09:00:00.000Z",
                "2024-03-29T09:00:00.000Z", "2024-04-01T09:00:00.000Z",
            ])
        // 7 is Sunday; a day-of-week field written other than `*` ORs with the day of month, as croniter does.
        #expect(try Self.runs("0 0 * * 7", after: "2024-03-28T10:00:00Z", in: utcZone, count: 1) == ["2024-03-31T00:00:00.000Z"])
        #expect(try Self.runs("0 9 1 * 0-7", after: "2024-03-01T10:00:00Z", in: utcZone, count: 1) == ["2024-03-02T09:00:00.000Z"])
        // The 31st skips short months; February 29 waits for a leap year.
        #expect(
            try Self.runs("0 12 31 * *", after: "2024-01-31T13:00:00Z", in: utcZone, count: 2) == [
                "2024-03-31T12:00:00.000Z", "2024-05-31T12:00:00.000Z",
            ])
        #expect(try Self.runs("0 12 29 2 *", after: "2024-03-01T13:00:00Z", in: utcZone, count: 1) == ["2028-02-29T12:00:00.000Z"])
        // Strictly after: a start on a run time gives the next one.
        #expect(try Self.runs("0 8 * * *", after: "2024-05-01T08:00:00Z", in: utcZone, count: 1) == ["2024-05-02T08:00:00.000Z"])
    }

    @Test("a time a spring-forward gap skips runs at the gap's end, once")
    func gap() throws {
        #expect(
            try Self.runs("30 2 * * *", after: "2024-03-29T11:00:00Z", in: Self.berlin, count: 3) == [
                "2024-03-30T01:30:00.000Z", "2024-03-31T01:00:00.000Z", "2024-04-01T00:30:00.000Z",
            ])
        #expect(
            try Self.runs("*/15 2 * * *", after: "2024-03-30T22:00:00Z", in: Self.berlin, count: 2) == [
                "2024-03-31T01:00:00.000Z", "2024-04-01T00:00:00.000Z",
            ])
        #expect(
            try Self.runs("30 2 * * *", after: "2024-03-09T17:00:00Z", in: Self.newYork, count: 2) == [
                "2024-03-10T07:00:00.000Z", "2024-03-11T06:30:00.000Z",
            ])
    }

    @Test("a time a fall-back overlap repeats runs once, at its first occurrence")
    func overlap() throws {
        #expect(
            try Self.runs("30 2 * * *", after: "2024-10-25T10:00:00Z", in: Self.berlin, count: 3) == [
                "2024-10-26T00:30:00.000Z", "2024-10-27T00:30:00.000Z", "2024-10-28T01:30:00.000Z",
            ])
        #expect(
            try Self.runs("0 * * * *", after: "2024-10-26T22:30:00Z", in: Self.berlin, count: 4) == [
                "2024-10-26T23:00:00.000Z", "2024-10-27T00:00:00.000Z", "2024-10-27T02:00:00.000Z",
                "2024-10-27T03:00:00.000Z",
            ])
        // From inside the second pass of the repeated hour, the repeated 01:30 is not run again.
        #expect(
            try Self.runs("30 1 * * *", after: "2024-11-03T06:10:00Z", in: Self.newYork, count: 1) == [
                "2024-11-04T06:30:00.000Z"
            ])
    }

    @Test(
        "errors name the field and the column",
        arguments: [
            ("60 * * * *", "minute", 1), ("* 24 * * *", "hour", 3), ("0 0 0 * *", "day of month", 5),
            ("0 0 1 13 *", "month", 7), ("0 0 * * 8", "day of week", 9), ("0 0 * * mon-xyz", "day of week", 9),
            ("*/0 * * * *", "minute", 1), ("0 9,x * * *", "hour", 5), ("0 0 30 feb *", "day of month", 5),
            ("0  0 * *", "expression", 8), ("5-1 * * * *", "minute", 1), ("0 0 * * * *", "day of week", 11),
        ])
    func errors(_ expression: String, _ field: String, _ column: Int) {
        do {
            _ = try CronSchedule(parsing: expression)
            Issue.record("'\(expression)' was accepted")
        } catch let error as CronScheduleError {
            #expect(error.field == field && error.column == column, "\(expression): \(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("presets: daily, weekly on Mondays, monthly on the 1st, at a local time")
    func presets() throws {
        #expect(try ReportCadence.cron("daily", time: nil).expression == "0 8 * * *")
        #expect(try ReportCadence.cron("weekly", time: "07:30").expression == "30 7 * * 1")
        #expect(try ReportCadence.cron("Monthly", time: "23:05").expression == "5 23 1 * *")
        #expect(try ReportCadence.cron("15 6 * * 1-5", time: nil).expression == "15 6 * * 1-5")
        for (schedule, time, field) in [("daily", "24:00", "time"), ("daily", "8:00", "time"), ("0 8 * * *", "08:00", "time"),
                                         ("hourly", nil, "schedule")] as [(String, String?, String)] {
            #expect(throws: ReportScheduleInputError.self) { try ReportCadence.cron(schedule, time: time) }
            do { _ = try ReportCadence.cron(schedule, time: time) } catch let e as ReportScheduleInputError {
                #expect(e.field == field, "\(schedule) \(time ?? "")")
            }
        }
        #expect(throws: ReportScheduleInputError.self) { try ReportCadence.timeZone("Mars/Olympus") }
    }
}
