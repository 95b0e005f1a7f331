import ArgumentParser
import BeaconAnalytics
import BeaconCore
import Foundation

/// Where `beacon attribution` reads its journeys from: a ChannelAttribution-style path file
/// (`--paths`) or a CSV export of tracked events (`--events`) turned into journeys by
/// `AttributionJourneyBuilder`.
///
/// `dataset()` is the single input step of the command; a live-events source (`--workspace`
/// with `--from`/`--to`) plugs in beside these two by building the same `AttributionDataset`
/// from the event store with the same builder settings (`journeyBuilder()`).
struct AttributionInputOptions: ParsableArguments {
    @Option(help: "Path file: one row per path with columns path;total_conversions;total_conversion_value;total_null.")
    var paths: String?

    @Option(
        help: """
            Event file (CSV): user_id,timestamp,event and optional utm_source,utm_medium,utm_campaign,\
            referrer,channel,revenue; journeys are built per user.
            """)
    var events: String?

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
        guard (paths == nil) != (events == nil) else {
            throw ValidationError("give exactly one input: --paths FILE or --events FILE")
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
    func dataset() throws -> AttributionDataset {
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
        guard let paths else { throw CommandError("no input given: use --paths FILE or --events FILE") }
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
            return try CSVTable(contentsOf: path, delimiter: Character(delimiter))
        } catch {
            throw CommandError("\(error)")
        }
    }

    private func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
