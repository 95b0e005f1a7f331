import BeaconCore
import BeaconStore
import Foundation

/// Imports daily ad spend from CSV as `Ad Spend` events (`Spend`, read by `EventLogMarketingData`).
///
/// Two shapes are read: *long* — one row per day and channel, with `date`, `channel` and
/// `spend` columns (names configurable) — or *wide* — a `date` column and one spend column
/// per channel (`--channels`). Events are keyed by (day, channel), so re-importing a file
/// stores nothing twice. Bad rows (no date, non-numeric or negative spend) are refused and
/// reported by line and column; more than `maxErrors` of them (default 0) and nothing is
/// stored (`ImportRefused`).
public struct SpendFileImporter: Sendable {
    public enum Shape: Sendable, Equatable {
        case long(date: String, channel: String, spend: String)
        case wide(date: String, channels: [String])
    }

    public var store: any EventStore
    public var shape: Shape
    public var currency: String?
    /// Refused rows tolerated before the whole file is refused.
    public var maxErrors = 0

    public init(store: any EventStore, shape: Shape, currency: String? = nil) {
        self.store = store
        self.shape = shape
        self.currency = currency
    }

    public func importFile(
        _ path: String, workspaceId: String, receivedAt: Date = Date(),
        progress: @Sendable (ImportProgress) async -> Void = { _ in }
    ) async throws -> ImportReport {
        let table = CSVTable(bytes: try InputFile.read(path))
        func column(_ name: String) throws -> Int {
            guard let i = table.column(name) else {
                throw ImportError("column '\(name)' not found in '\(path)'; the file has: \(table.header.joined(separator: ", "))")
            }
            return i
        }
        var report = ImportReport()
        var events: [Event] = []
        let entries: [(line: Int, date: String, channel: String, spend: String, column: String)]
        switch shape {
        case .long(let date, let channel, let spend):
            let (d, c, s) = (try column(date), try column(channel), try column(spend))
            entries = table.rows.map { ($0.line, $0[d], $0[c], $0[s], spend) }
        case .wide(let date, let channels):
            let d = try column(date)
            let indices = try channels.map { ($0, try column($0)) }
            entries = table.rows.flatMap { row in indices.map { (row.line, row[d], $0.0, row[$0.1], $0.0) } }
        }
        for entry in entries {
            report.rowsRead += 1
            let dateText = entry.date.trimmingCharacters(in: .whitespaces)
            guard let day = CivilDate.parse(dateText, order: nil).map({ Date(timeIntervalSince1970: Double($0.dayNumber) * 86_400) })
            else {
                report.skip(line: entry.line, reason: "bad date", detail: "line \(entry.line): '\(dateText)' is not a date (YYYY-MM-DD)")
                continue
            }
            let channel = entry.channel.trimmingCharacters(in: .whitespaces)
            guard !channel.isEmpty else {
                report.skip(line: entry.line, reason: "missing channel", detail: "line \(entry.line): channel is empty")
                continue
            }
            let raw = entry.spend.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            guard let spend = Double(raw.isEmpty ? "0" : raw), spend.isFinite, spend >= 0 else {
                report.skip(line: entry.line, reason: "bad spend",
                            detail: "line \(entry.line), column '\(entry.column)': '\(entry.spend)' is not a non-negative number")
                continue
            }
            events.append(Spend(channel: channel, day: day, amount: spend, currency: currency).event(receivedAt: receivedAt))
            report.rowsImported += 1
        }
        guard report.refused <= maxErrors else { throw ImportRefused(report: report, maxErrors: maxErrors) }
        try await ImportBatches.store(
            events, workspaceId: workspaceId, in: store, chunkSize: 2_000, report: &report, progress: progress)
        return report
    }
}
