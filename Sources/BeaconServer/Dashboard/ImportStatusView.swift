import BeaconCore
import Foundation

/// The data page's import status: the workspace's recent `beacon import` runs with a
/// progress bar each, and whether one is still running (then the page polls
/// `/dashboard/api/imports` and updates the rows in place).
struct ImportStatusView: Sendable {
    struct Row: Sendable {
        var id: String
        var kind: String
        var file: String
        var started: String
        var state: String
        var running: Bool
        var failed: Bool
        /// Whole percent done; nil while the total is unknown (an indeterminate bar).
        var percent: String?
        var rowsRead: String
        var rowsSkipped: String
        var eventsStored: String
        var finished: String
        var error: String
    }

    /// Jobs listed on the page and by the endpoint's default.
    static let limit = 20

    var rows: [Row]
    var hasRows: Bool
    var running: Bool
    /// The jobs as a table for the CSV download (`imports`; the page updates its own rows live).
    var table: DashboardTable

    init(jobs: [ImportJob]) {
        rows = jobs.map(Self.row)
        hasRows = !jobs.isEmpty
        running = jobs.contains { $0.state == .running }
        table = DashboardTable(
            id: "imports", title: "Recent imports, newest first",
            columns: [.init("File"), .init("Kind"), .init("Started (UTC)"), .init("State"), .init("Done", .share),
                      .init("Rows read", .count), .init("Skipped", .count), .init("Events stored", .count),
                      .init("Finished (UTC)"), .init("Error")],
            rows: jobs.map { j in
                [.text(j.fileName), .text(j.kind.rawValue), .text(Timestamp.format(j.startedAt)), .text(j.state.rawValue),
                 j.fraction.map { .share($0, digits: 0) } ?? .empty, .count(j.rowsRead), .count(j.rowsSkipped),
                 .count(j.eventsStored), .text(j.finishedAt.map(Timestamp.format) ?? ""), .text(j.error ?? "")]
            },
            currency: .usDollar)
    }

    static func row(_ j: ImportJob) -> Row {
        Row(
            id: j.id, kind: j.kind.rawValue, file: j.fileName, started: Timestamp.format(j.startedAt),
            state: j.state.rawValue, running: j.state == .running, failed: j.state == .failed,
            percent: j.fraction.map { String(Int(($0 * 100).rounded(.down))) },
            rowsRead: DashboardFormat.count(j.rowsRead), rowsSkipped: DashboardFormat.count(j.rowsSkipped),
            eventsStored: DashboardFormat.count(j.eventsStored),
            finished: j.finishedAt.map(Timestamp.format) ?? "", error: j.error ?? "")
    }

    /// The endpoint's JSON for one job (the same formatted texts the page shows).
    static func json(_ j: ImportJob) -> JSONValue {
        let r = row(j)
        return .object([
            "id": .string(r.id), "kind": .string(r.kind), "file": .string(r.file), "started": .string(r.started),
            "state": .string(r.state), "percent": r.percent.flatMap { Double($0) }.map(JSONValue.number) ?? .null,
            "rowsRead": .string(r.rowsRead), "rowsSkipped": .string(r.rowsSkipped),
            "eventsStored": .string(r.eventsStored), "finished": .string(r.finished), "error": .string(r.error),
        ])
    }
}
