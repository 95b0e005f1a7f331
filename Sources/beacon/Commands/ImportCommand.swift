import ArgumentParser
import BeaconEngine
import BeaconCore
import BeaconStore
import Foundation

/// `beacon import events|orders`: bulk-load files into a workspace, with progress and a
/// summary of what was skipped and why. Each run is recorded as an import job (rows read,
/// skipped, events stored, state) that the dashboard's data page shows with its progress.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import events (JSON lines) or orders (CSV) into a workspace.",
        subcommands: [Events.self, Orders.self, Spend.self])

    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import Segment-shaped messages, one JSON object per line (.gz read directly).")
        @OptionGroup var destination: ImportDestinationOptions
        @Argument(help: "The .jsonl or .jsonl.gz file.") var file: String

        func run() async throws {
            let (runtime, ws) = try await destination.open(file: file)
            let line = ProgressLine()
            let recorder = try await ImportJobRecorder(store: runtime.stores.importJobs, workspaceId: ws.id, kind: .events, file: file)
            let (store, path) = (runtime.stores.events, file)
            var importer = EventFileImporter(store: store)
            importer.maxErrors = destination.maxErrors
            try await ImportCommand.conclude(runtime: runtime, line: line) { [importer] in
                try await recorder.run { record in
                    try await importer.importFile(path, workspaceId: ws.id) { p in
                        line.update("importing \(p.phase.rawValue)", done: p.done, total: p.total)
                        await record(p)
                    }
                }
            }
        }
    }

    struct Orders: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import order lines from CSV as 'Order Completed' / 'Order Refunded' events (.gz read directly).",
            discussion: """
                One event per order: lines are grouped by order id; the line total is `amount`, or
                quantity × price. Orders whose id starts with --return-prefix, or with a negative
                quantity or amount, become 'Order Refunded' with negative revenue. Re-running the
                same import stores nothing twice; --replace makes a corrected file take the place of
                every order imported from files before, in one transaction (orders from the API and
                webhooks stay), and rebuilds the workspace's profiles and segments.
                Example (UCI Online Retail):
                  beacon import orders online_retail_2010_2011.csv.gz --workspace shop --create-workspace \\
                    --map customer_id=CustomerID,order_id=InvoiceNo,timestamp=InvoiceDate,quantity=Quantity,price=UnitPrice,product_id=StockCode,product_name=Description
                """)
        @OptionGroup var destination: ImportDestinationOptions
        @Option(help: "Column map: field=column pairs, comma separated. Fields: \(OrderColumnMap.fields.joined(separator: ", ")).")
        var map: String?
        @Option(help: "Order ids starting with this prefix are returns.") var returnPrefix: String = "C"
        @Option(help: "ISO currency code to record on every order when the file has no currency column.") var currency: String?
        @Option(help: "Day/month order of slash dates (dmy: 13/02/2011, mdy: 2/13/2011); default: read from the file, refusing dates that fit both.")
        var dateOrder: CivilDate.Order?
        @Flag(help: "Replace the orders of earlier imports with this file's, all or nothing (a refused file changes nothing).")
        var replace = false
        @Argument(help: "The .csv or .csv.gz file.") var file: String

        func run() async throws {
            let columns: OrderColumnMap
            do { columns = try OrderColumnMap(parsing: map) } catch let e as ImportError { throw CommandError(e.message) }
            let (runtime, ws) = try await destination.open(file: file)
            var setup = OrderFileImporter(store: runtime.stores.events, columns: columns)
            setup.returnPrefix = returnPrefix
            setup.currency = currency
            setup.maxErrors = destination.maxErrors
            setup.dateOrder = dateOrder
            setup.replace = replace
            let (importer, path, rebuildAfter) = (setup, file, replace)
            let line = ProgressLine()
            let recorder = try await ImportJobRecorder(store: runtime.stores.importJobs, workspaceId: ws.id, kind: .orders, file: file)
            try await ImportCommand.conclude(runtime: runtime, line: line) {
                let report = try await recorder.run { record in
                    try await importer.importFile(path, workspaceId: ws.id) { p in
                        line.update("importing \(p.phase.rawValue)", done: p.done, total: p.total)
                        await record(p)
                    }
                }
                // The removed orders are folded into profiles and memberships: fold the log again.
                if rebuildAfter { _ = try await runtime.profiles.rebuild(workspaceId: ws.id) }
                return report
            }
        }
    }

    struct Spend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import daily ad spend per channel from CSV as 'Ad Spend' events (for marketing-mix models).",
            discussion: """
                Long form: one row per day and channel (--date, --channel-column, --spend columns).
                Dates are YYYY-MM-DD (or YYYYMMDD, YYYY/MM/DD).
                Wide form: a date column and one spend column per channel (--channels a,b,c).
                Then: beacon mmm fit --workspace NAME --channels … fits on spend and order revenue.
                """)
        @OptionGroup var destination: ImportDestinationOptions
        @Option(help: "Date column (YYYY-MM-DD).") var date = "date"
        @Option(help: "Wide form: comma-separated spend columns, one per channel.") var channels: String?
        @Option(help: "Long form: the channel column.") var channelColumn = "channel"
        @Option(help: "Long form: the spend column.") var spend = "spend"
        @Option(help: "ISO currency code to record on every row.") var currency: String?
        @Argument(help: "The .csv or .csv.gz file.") var file: String

        func run() async throws {
            let (runtime, ws) = try await destination.open(file: file)
            let shape: SpendFileImporter.Shape
            if let channels {
                shape = .wide(date: date, channels: channels.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            } else {
                shape = .long(date: date, channel: channelColumn, spend: spend)
            }
            var importer = SpendFileImporter(store: runtime.stores.events, shape: shape, currency: currency)
            importer.maxErrors = destination.maxErrors
            let recorder = try await ImportJobRecorder(store: runtime.stores.importJobs, workspaceId: ws.id, kind: .spend, file: file)
            let path = file
            try await ImportCommand.conclude(runtime: runtime, line: nil) { [importer] in
                try await recorder.run { record in
                    try await importer.importFile(path, workspaceId: ws.id) { await record($0) }
                }
            }
        }
    }

    /// Runs an import and closes the store, then prints its report. Exits non-zero (with a
    /// message naming the count) when the file could not be read, when it was refused whole,
    /// or when any row was refused even though the rest was stored.
    static func conclude(
        runtime: BeaconRuntime, line: ProgressLine?, _ body: () async throws -> ImportReport
    ) async throws {
        let outcome: Result<ImportReport, any Error>
        do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
        line?.finish()
        try? await runtime.close()
        switch outcome {
        case .success(let report):
            print(report)
            guard report.refused == 0 else {
                throw CommandError(
                    "\(report.refused) rows refused (listed above); the rest was stored because --max-errors allows \(report.refused) or more")
            }
        case .failure(let refused as ImportRefused):
            print(refused.report)
            throw CommandError(refused.description)
        case .failure(let error as ImportError):
            throw CommandError(error.message)
        case .failure(let error):
            throw error
        }
    }

    static func print(_ report: ImportReport) {
        Swift.print(report.summary)
        for problem in report.problems.prefix(20) { Swift.print("  \(problem.message)") }
        if report.skippedTotal > 20 { Swift.print("  … \(report.skippedTotal - min(20, report.problems.count)) more skipped rows") }
    }
}
