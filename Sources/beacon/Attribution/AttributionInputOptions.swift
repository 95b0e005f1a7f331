import ArgumentParser
import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation

/// Where `beacon attribution` reads its journeys from: a ChannelAttribution-style path file
/// (`--paths`), a CSV export of tracked events (`--events`), or a workspace's stored events
/// (`--workspace`, optionally `--from`/`--to`), the last two turned into journeys by
/// `AttributionJourneyBuilder` with the same settings (`journeyBuilder()`).
struct AttributionInputOptions: ParsableArguments {
    @Option(help: "Path file: one row per path with columns path;total_conversions;total_conversion_value;total_null.")
    var paths: String?

    @Option(
        help: """
            Event file (CSV): user_id,timestamp,event and optional utm_source,utm_medium,utm_campaign,\
            referrer,channel,revenue; journeys are built per user.
            """)
    var events: String?

    @Option(help: "Workspace whose stored events to attribute (live journeys from the event log).")
    var workspace: String?

    @Option(help: "With --workspace: first day of events to include (ISO-8601 date or date-time, UTC).")
    var from: String?

    @Option(help: "With --workspace: include events before this day (ISO-8601, exclusive).")
    var to: String?

    @OptionGroup var store: StoreOptions

    @Option(help: "Field delimiter of the input file (one character; default ';' for paths, ',' for events).")
    var delimiter: String?

    @Option(help: "Separator between channels inside a path.")
    var separator = ">"

    @Option(help: "Column holding the path.")
    var pathColumn = "path"

    @Option(help: "Column holding the conversion count.")
    var conversionsColumn = "total_conversions"

    @Option(help: "Column holding the conversion value; zeros when the file has no such column.")
    var valueColumn = "total_conversion_value"

    @Option(help: "Column holding the non-converting count; zeros when the file has no such column.")
    var nullColumn = "total_null"

    @Option(help: "Comma-separated event names that count as conversions (event files).")
    var conversionEvents = "Order Completed"

    @Option(help: "Comma-separated event names that create a lead, the W-shaped middle anchor (event files).")
    var leadEvents = "Signed Up,Lead Created"

    @Option(help: "Lookback window in days before a conversion (event files).")
    var lookbackDays = 30.0

    @Option(help: "Minutes of inactivity that end a session; 0 makes every sourced event a touch (event files).")
    var sessionMinutes = 30.0

    @Option(help: "Comma-separated hosts of your own site: their referrers count as Direct (event files).")
    var internalHosts = ""

    func validate() throws {
        guard [paths, events, workspace].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one input: --paths FILE, --events FILE or --workspace NAME")
        }
        for (option, value) in [("--from", from), ("--to", to)] {
            if let value, Timestamp.parse(value) == nil {
                throw ValidationError("\(option) must be an ISO-8601 date such as 2025-01-31, not '\(value)'")
            }
            if value != nil, workspace == nil { throw ValidationError("\(option) needs --workspace") }
        }
        if let delimiter, delimiter.count != 1 {
            throw ValidationError("--delimiter must be one character, not '\(delimiter)'")
        }
        guard !separator.isEmpty else { throw ValidationError("--separator must not be empty") }
        guard lookbackDays > 0, lookbackDays.isFinite else { throw ValidationError("--lookback-days must be positive") }
        guard sessionMinutes >= 0, sessionMinutes.isFinite else {
            throw ValidationError("--session-minutes must be zero or positive")
        }
        guard !list(conversionEvents).isEmpty else { throw ValidationError("--conversion-events must name an event") }
    }

    /// The journey builder the event settings describe.
    func journeyBuilder() -> AttributionJourneyBuilder {
        var grouping = AttributionChannelGrouping.standard
        grouping.internalHosts = list(internalHosts)
        return AttributionJourneyBuilder(
            conversionEvents: Set(list(conversionEvents)), leadEvents: Set(list(leadEvents)),
            lookbackWindow: lookbackDays * 86_400, sessionTimeout: sessionMinutes > 0 ? sessionMinutes * 60 : nil,
            grouping: grouping)
    }

    /// Reads the input into journeys.
    /// - Throws: `CommandError` naming the file, line and column at fault.
    func dataset() async throws -> AttributionDataset {
        if let workspace {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let ws = try await runtime.existingWorkspace(named: workspace, option: "--workspace")
            let touches = try await runtime.analytics.touches(
                of: ws.id, from: from.flatMap { Timestamp.parse($0) }, to: to.flatMap { Timestamp.parse($0) })
            try await runtime.close()
            return journeyBuilder().journeys(from: touches.netted)
        }
        if let events {
            let table = try read(events, delimiter: delimiter ?? ",")
            do {
                let parsed = try AttributionEventTable.events(
                    header: table.header, rows: table.rows.map { ($0.line, $0.fields) })
                return journeyBuilder().journeys(from: parsed)
            } catch let error as AttributionInputError {
                throw CommandError("\(events): \(error)")
            }
        }
        guard let paths else { throw CommandError("no input given: use --paths FILE, --events FILE or --workspace NAME") }
        let table = try read(paths, delimiter: delimiter ?? ";")
        let format = AttributionPathTable.Format(
            pathColumn: pathColumn, conversionsColumn: conversionsColumn, valueColumn: valueColumn,
            nullColumn: nullColumn, separator: separator)
        do {
            return try AttributionPathTable.dataset(
                header: table.header, rows: table.rows.map { ($0.line, $0.fields) }, format: format)
        } catch let error as AttributionInputError {
            throw CommandError("\(paths): \(error)")
        }
    }

    private func read(_ path: String, delimiter: String) throws -> CSVTable {
        do {
            return try InputFile.csv(path, delimiter: Character(delimiter))
        } catch {
            throw CommandError("\(error)")
        }
    }

    private func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
