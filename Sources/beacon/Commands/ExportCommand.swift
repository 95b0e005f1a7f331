import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon export`: a workspace's data back out as files the importers (and spreadsheets) read
/// (`beacon export events|orders|profiles`, the default), or the dashboard's tables as CSV
/// (`beacon export tables`).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a workspace's data, or its dashboard tables, to files.",
        subcommands: [WorkspaceData.self, Tables.self], defaultSubcommand: WorkspaceData.self)
}

extension ExportCommand {
    /// `beacon export [data] events|orders|profiles --workspace NAME [--output PATH]`.
    struct WorkspaceData: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "data",
            abstract: "Write a workspace's events (JSON lines), orders or profiles (CSV) to a file or standard output.",
            discussion: """
                events   the event log in order, one Segment-shaped JSON object per line (beacon import events reads it)
                orders   customer_id,order_id,timestamp,amount,currency; refunds negative (beacon import orders reads it)
                profiles one row per profile: identifiers, order totals, the last predictions and their as-of date
                An --output ending in .gz is written gzip-compressed. `data` may be left out: beacon export orders …
                """)

        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "What to export: \(WorkspaceExport.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: WorkspaceExport.Kind
        @Option(help: "Write to this file instead of standard output (gzip when it ends in .gz).") var output: String?

        func run() async throws {
            let sink = try ExportSink(path: output)
            let line = output == nil ? nil : ProgressLine()
            let rows = try await workspace.run { runtime, w in
                try await WorkspaceExport(runtime: runtime).write(kind, workspaceId: w.id, to: sink.write) { n in
                    line?.update("exporting \(kind.rawValue)", done: n, total: 0)
                }
            }
            line?.finish()
            try sink.close()
            if let output {
                FileHandle.standardError.write(Foundation.Data("exported \(rows) \(kind.rawValue) rows to \(output)\n".utf8))
            }
        }
    }
}

/// Where an export goes: standard output, a file written as it comes, or a file gzip-compressed at the end.
final class ExportSink {
    private let path: String?
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var gzip: Bool { path?.hasSuffix(".gz") == true }

    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = nil
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CommandError("--output: cannot write '\(path)'")
        }
        handle = path.hasSuffix(".gz") ? nil : try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    func write(_ text: String) throws {
        if path == nil {
            print(text, terminator: "")
        } else if gzip {
            buffer.append(contentsOf: text.utf8)
        } else {
            try handle?.write(contentsOf: Foundation.Data(text.utf8))
        }
    }

    func close() throws {
        if gzip, let path {
            do {
                try Foundation.Data(try Gzip.compress(buffer)).write(to: URL(fileURLWithPath: path))
            } catch {
                throw CommandError("--output: cannot write '\(path)': \(error)")
            }
        }
        try handle?.close()
    }
}

extension WorkspaceExport.Kind: ExpressibleByArgument {}
