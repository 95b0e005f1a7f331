import BeaconCore
import Foundation

/// The Reports page's view: the workspace's scheduled email reports, the form that schedules
/// one for the signed-in user, and the delivery history.
struct ReportsPage: Sendable {
    /// The changes a schedule's row offers (`POST /dashboard/reports/{id}/{action}`).
    static let actions = ["send", "pause", "resume", "delete"]

    struct Row: Sendable {
        var id: String
        var name: String
        var recipient: String
        var schedule: String
        var timeZone: String
        var destination: String
        var state: String
        var nextRun: String
        var active: Bool
    }

    struct Run: Sendable {
        var schedule: String
        var scheduledAt: String
        var trigger: String
        var sentAt: String
        var status: String
        var error: String
    }

    struct Destination: Sendable {
        var id: String
        var name: String
    }

    var rows: [Row]
    var runs: [Run]
    var destinations: [Destination]
    var hasDestinations: Bool
    var canEdit: Bool
    var query: String
    var notice: String?
    var error: String?
    var draftName: String
    var draftTimeZone: String
    /// The schedules (`schedules`) and the delivery history (`runs`) as tables for the CSV download;
    /// the page shows the schedules with their buttons and the runs through the table itself.
    var schedulesTable: DashboardTable
    var runsTable: DashboardTable
    /// The tables the page shows (those with rows), for the CSV download.
    var tables: [DashboardTable] { [schedulesTable, runsTable].filter { !$0.rows.isEmpty } }

    init(
        rows: [Row], runs: [Run], destinations: [Destination], canEdit: Bool, query: String, notice: String?,
        error: String?, draftName: String, draftTimeZone: String, currency: DashboardCurrency
    ) {
        self.rows = rows
        self.runs = runs
        self.destinations = destinations
        hasDestinations = !destinations.isEmpty
        self.canEdit = canEdit
        self.query = query
        self.notice = notice
        self.error = error
        self.draftName = draftName
        self.draftTimeZone = draftTimeZone
        typealias Column = DashboardTable.Column
        schedulesTable = DashboardTable(
            id: "schedules", title: "Schedules in this workspace",
            columns: [Column("Name"), Column("To"), Column("Schedule"), Column("Time zone"), Column("Send through"),
                      Column("Next run"), Column("State")],
            rows: rows.map {
                [.text($0.name), .text($0.recipient), .text($0.schedule), .text($0.timeZone), .text($0.destination),
                 .text($0.nextRun), .text($0.state)]
            },
            currency: currency)
        runsTable = DashboardTable(
            id: "runs", title: "Runs, newest first",
            columns: [Column("Schedule"), Column("Due"), Column("Trigger"), Column("Sent"), Column("Status"), Column("Error")],
            rows: runs.map {
                [.text($0.schedule), .text($0.scheduledAt), .text($0.trigger), .text($0.sentAt), .text($0.status), .text($0.error)]
            },
            currency: currency, empty: "Nothing sent yet.")
    }

    /// `2026-03-29 03:00 CEST (01:00 UTC)`: a time in the schedule's zone, and in UTC.
    static func format(_ date: Date?, zone: String) -> String {
        guard let date else { return "—" }
        let tz = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = tz
        f.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return f.string(from: date) + (tz.identifier == "UTC" ? "" : " (\(Timestamp.format(date)))")
    }
}
