import ArgumentParser
import Logging

/// The `beacon` command line: serve, demo, import, workspaces, analytics.
@main
struct Beacon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beacon",
        abstract: "Beacon: self-hosted customer data and marketing intelligence.",
        subcommands: [
            ServeCommand.self, DemoCommand.self, MigrateCommand.self, WorkspaceCommand.self, ImportCommand.self,
            CLVCommand.self, RFMCommand.self, SegmentCommand.self, CohortsCommand.self, ChurnCommand.self,
            AttributionCommand.self, MMMCommand.self, GenerateCommand.self,
            RebuildCommand.self, TokenCommand.self, SegmentsCommand.self, ProfilesCommand.self, UserCommand.self,
        ])

    static func main() async {
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
