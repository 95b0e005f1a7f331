import ArgumentParser
import BeaconCore
import BeaconEngine
import BeaconServer
import Foundation

extension ExportCommand {
    /// `beacon export tables --workspace W [--page P] [--table ID] [--as-of D] --output DIR`: the
    /// dashboard's tables as the CSV files its "Download CSV" links give (`DashboardTableExport`),
    /// byte for byte, named as the downloads are; `--list` names them instead.
    struct Tables: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tables",
            abstract: "Write the dashboard's tables as CSV files, the same as its Download CSV links.",
            discussion: """
                Pages: \(DashboardTableExport.pages.joined(separator: ", ")). Files are named \
                <workspace>-<page>-<table>-<YYYY-MM-DD>.csv; amounts are plain numbers with the currency code in \
                the column header. --list prints page, table and caption instead, one table a line.
                Example: beacon export tables --workspace shop --page overview --as-of 2025-06-30 --output tables
                """)

        @OptionGroup var workspace: WorkspaceCommandOptions
        @OptionGroup var asOf: AsOfOption

        @Option(help: "Only this page's tables (\(DashboardTableExport.pages.joined(separator: ", "))).")
        var page: String?

        @Option(help: "Only the table with this id (see --list).")
        var table: String?

        @Option(help: "Write the files into this folder (created if needed).")
        var output: String?

        @Flag(help: "List the tables instead of writing them.")
        var list = false

        @Option(
            name: .customLong("model-wait"),
            help: "Seconds to wait for the marketing-mix fit behind the channels and optimiser tables (left out of a whole export when not ready).")
        var modelWait: Double = 300

        func validate() throws {
            if let page, !DashboardTableExport.pages.contains(page) {
                throw ValidationError(
                    "--page must be one of \(DashboardTableExport.pages.joined(separator: ", ")), got '\(page)'")
            }
            if modelWait < 0 { throw ValidationError("--model-wait must be 0 or more seconds, got \(modelWait)") }
        }

        func run() async throws {
            let files = try await workspace.run { runtime, ws in
                // After the workspace is found, so a mistyped name is what a command without
                // --output hears about first.
                if output == nil && !list {
                    throw CommandError("--output: name the folder to write the tables to (or use --list)")
                }
                do {
                    return try await DashboardTableExport(runtime: runtime, modelWait: modelWait).files(
                        workspace: ws, page: page, asOf: asOf.text)
                } catch let error as DashboardTableExportError {
                    throw CommandError("--\(error.field.replacingOccurrences(of: "_", with: "-")): \(error.message)")
                }
            }
            let chosen = files.filter { table == nil || $0.table == table }
            if let table, chosen.isEmpty {
                let known = Set(files.map(\.table)).sorted().joined(separator: ", ")
                throw CommandError(
                    "--table: no table '\(table)'" + (known.isEmpty ? " (no page has data yet)" : "; tables: \(known)"))
            }
            if list {
                for f in chosen { print("\(f.page)\t\(f.table)\t\(f.title)") }
                return
            }
            guard let output else { return }
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                for f in chosen {
                    try Foundation.Data(f.csv.utf8).write(
                        to: URL(fileURLWithPath: output).appendingPathComponent(f.fileName))
                }
            } catch {
                throw CommandError("--output: cannot write into '\(output)': \(error.localizedDescription)")
            }
            FileHandle.standardError.write(Foundation.Data("wrote \(chosen.count) tables to \(output)\n".utf8))
        }
    }
}
