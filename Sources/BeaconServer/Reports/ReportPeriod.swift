import BeaconEngine
import Foundation

/// The period an executive report covers — whole UTC days `from`…`to` — and the period of the
/// same length just before it, which every change is measured against.
///
/// By default the period is the 30 days ending on the workspace's today (its last event), the
/// overview's period, so the report and the overview show the same numbers.
public struct ReportPeriod: Sendable, Equatable {
    /// The first instant after the previous period's end: the period is (`start`, `end`].
    public var start: Date
    /// The end of the last day (23:59:59.999 UTC counts; as `WorkspaceToday.endOfDay`).
    public var end: Date
    /// Whole days covered.
    public var days: Int

    /// The default length in days (the overview's comparison period).
    public static let defaultDays = 30
    /// The longest period a report covers (ten years).
    public static let maxDays = 3_660

    /// The start of the period before, of the same length.
    public var previousStart: Date { start.addingTimeInterval(-Double(days) * 86_400) }

    /// The period from the texts of `from` and `to` (`YYYY-MM-DD`, either may be absent; an
    /// empty text is refused like any other that is not a date).
    /// - Parameters:
    ///   - today: the end of the workspace's today, the default `to`.
    ///   - fields: the names to use in errors for the two dates (`from`/`to` in the API,
    ///     `--from`/`--to` on the command line).
    /// - Throws: `ReportPeriodError` naming the field when a date does not parse, `from` is after
    ///   `to`, or the period is longer than `maxDays`.
    public init(from: String?, to: String?, today: Date, fields: (from: String, to: String) = ("from", "to")) throws {
        let end: Date
        if let to {
            guard let date = WorkspaceToday.endOfDay(parsing: to) else {
                throw ReportPeriodError(field: fields.to, message: "must be a date YYYY-MM-DD, got '\(to)'")
            }
            end = date
        } else {
            end = today
        }
        // `end` is the last instant of a day; day numbers count whole days.
        let lastDay = WorkspaceToday.dayNumber(end)
        let firstDay: Int
        if let from {
            guard let date = WorkspaceToday.endOfDay(parsing: from) else {
                throw ReportPeriodError(field: fields.from, message: "must be a date YYYY-MM-DD, got '\(from)'")
            }
            firstDay = WorkspaceToday.dayNumber(date)
            guard firstDay <= lastDay else {
                throw ReportPeriodError(
                    field: fields.from, message: "must be on or before \(fields.to) (\(DashboardFormat.day(end)))")
            }
        } else {
            firstDay = lastDay - Self.defaultDays + 1
        }
        days = lastDay - firstDay + 1
        guard days <= Self.maxDays else {
            throw ReportPeriodError(
                field: fields.from, message: "must be at most \(Self.maxDays) days before \(fields.to); the period has \(days)")
        }
        self.end = end
        start = end.addingTimeInterval(-Double(days) * 86_400)
    }

    /// The first and last day as `YYYY-MM-DD`.
    public var firstDay: String { DashboardFormat.day(start.addingTimeInterval(1)) }
    public var lastDay: String { DashboardFormat.day(end) }
}

/// A report period that could not be read, naming the field.
public struct ReportPeriodError: Error, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var description: String { "\(field) \(message)" }
}
