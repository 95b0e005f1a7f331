import ArgumentParser
import BeaconCore
import BeaconEngine
import BeaconServer
import Foundation

/// `beacon report`: the executive report as a PDF (`beacon report pdf`, the default, so
/// `beacon report --workspace W --output report.pdf` writes it) and its email schedules
/// (`beacon report schedule …`).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a workspace's executive report as a PDF, or schedule it by email.",
        subcommands: [PDF.self, ScheduleCommand.self], defaultSubcommand: PDF.self)
}

extension ReportCommand {
    /// `beacon report [pdf] --workspace W [--from D --to D] --output report.pdf`: the executive report as
    /// a PDF written by the binary itself (no browser).
    struct PDF: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pdf",
            abstract: "Write a workspace's executive report (KPIs, channels, marketing mix, customers, attribution, anomalies) as a PDF.",
            discussion: """
                The period is --from to --to (whole UTC days), by default the 30 days ending on the workspace's \
                last event, the dashboard overview's period; every change is against the period of the same length \
                before it. Text is set in DejaVu Sans (Debian's fonts-dejavu-core), embedded so it can be searched \
                and copied; --font or BEACON_REPORT_FONT names another TrueType file.
                Example: beacon report --workspace shop --from 2025-06-01 --to 2025-06-30 --output june.pdf
                """)

        @OptionGroup var workspace: WorkspaceCommandOptions

        @Option(help: "First day of the period, YYYY-MM-DD (default: 30 days before --to).")
        var from: String?

        @Option(help: "Last day of the period, YYYY-MM-DD (default: the day of the workspace's last event).")
        var to: String?

        @Option(help: "Write the PDF to this file.")
        var output: String

        @Option(help: "Also write each of the report's tables as <name>.csv into this folder (created if needed).")
        var csvDirectory: String?

        @Option(help: "The TrueType font to embed (default: \(ReportFont.defaultPath), or BEACON_REPORT_FONT).")
        var font: String?

        @Option(help: "Seconds to wait for the marketing-mix model to be fitted before reporting it as still fitting (0: no fit is made; the report says so).")
        var modelWait: Double = 300

        func validate() throws {
            for (name, text) in [("--from", from), ("--to", to)] {
                if let text, WorkspaceToday.endOfDay(parsing: text) == nil {
                    throw ValidationError("\(name) must be a date YYYY-MM-DD, got '\(text)'")
                }
            }
            if modelWait < 0 { throw ValidationError("--model-wait must be 0 or more seconds, got \(modelWait)") }
        }

        func run() async throws {
            let typeface: TrueTypeFont
            do {
                typeface = try ReportFont.load(font)
            } catch {
                throw CommandError("--font: \(error)")
            }
            let started = Date()
            let (bytes, gathered, typeset) = try await workspace.run { runtime, ws in
                let builder = ExecutiveReportBuilder(runtime: runtime, mmm: MMMFitCache(analytics: runtime.analytics))
                let period: ReportPeriod
                do {
                    period = try ReportPeriod(from: from, to: to, today: try await builder.today(of: ws), fields: ("--from", "--to"))
                } catch let error as ReportPeriodError {
                    throw CommandError(error.description)
                }
                let report = try await builder.report(
                    workspace: ws, period: period, waitForModel: modelWait, startingFit: modelWait > 0)
                if let csvDirectory { try Self.writeCSV(report, into: csvDirectory) }
                let typeset = Date()
                let pdf = report.pdf(font: typeface)
                return (pdf, gathered: typeset.timeIntervalSince(started), typeset: Date().timeIntervalSince(typeset))
            }
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw CommandError("--output: cannot write '\(output)'")
            }
            FileHandle.standardError.write(
                Data(
                    String(
                        format: "wrote %@ (%d bytes) in %.2f s: numbers gathered in %.2f s, PDF typeset in %.3f s\n", output,
                        bytes.count, Date().timeIntervalSince(started), gathered, typeset
                    ).utf8))
        }

        /// Writes the report's tables as CSV files into `directory`.
        static func writeCSV(_ report: ExecutiveReport, into directory: String) throws {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw CommandError("--csv-directory: cannot create '\(directory)'")
            }
            for table in report.csvTables {
                let path = URL(fileURLWithPath: directory).appendingPathComponent("\(table.name).csv").path
                guard FileManager.default.createFile(atPath: path, contents: Data(table.text.utf8)) else {
                    throw CommandError("--csv-directory: cannot write '\(path)'")
                }
            }
        }
    }
}
