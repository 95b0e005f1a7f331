import ArgumentParser
import BeaconCore
import Logging

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The `beacon` command line: serve, demo, import, workspaces, analytics.
@main
struct Beacon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beacon",
        abstract: "Beacon: self-hosted customer data and marketing intelligence.",
        version: BeaconRelease.version,
        subcommands: [
            ServeCommand.self, DemoCommand.self, MigrateCommand.self, WorkspaceCommand.self, ImportCommand.self,
            CLVCommand.self, RFMCommand.self, CohortsCommand.self, ChurnCommand.self,
            AttributionCommand.self, MMMCommand.self, SentimentCommand.self, AnomaliesCommand.self, AlertsCommand.self,
            RebuildCommand.self, TokenCommand.self, SourceCommand.self, ExportCommand.self, SegmentsCommand.self,
            UserCommand.self, ReportCommand.self,
            DestinationsCommand.self, ActivationsCommand.self, EmailSuppressionsCommand.self, PrivacyCommand.self, AuditCommand.self, JourneysCommand.self,
            ArchiveCommand.self, RecommendCommand.self,
            BenchCommand.self,
        ])

    static func main() async {
        // Line-buffered even into a file or pipe, so a server's "serving on …" and the demo's
        // sign-in line reach a log as they happen, not when the process exits.
        setvbuf(stdout, nil, _IOLBF, 0)
        LoggingSystem.bootstrap { label in
            StreamLogHandler.standardError(label: label)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
