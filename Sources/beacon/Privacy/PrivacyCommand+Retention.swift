import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

extension PrivacyCommand {
    /// `beacon privacy retention set|list|run`.
    struct Retention: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How long events are kept, by event time, per workspace and per event name.",
            subcommands: [Set.self, List.self, Run.self])

        struct Set: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Keep events (all, or those named --event) for --days days of event time; --remove drops the rule.")
            @OptionGroup var workspace: WorkspaceCommandOptions
            @Option(help: "A track event name, or * for every event.") var event = RetentionRule.allEvents
            @Option(help: "Days of event time to keep (1–36500).") var days: Int?
            @Flag(help: "Remove the rule instead.") var remove = false

            func validate() throws {
                guard (days == nil) == remove else { throw ValidationError("give either --days N or --remove") }
            }

            func run() async throws {
                try await workspace.withPrivacy { privacy, ws in
                    try await privacy.setRetention(
                        workspaceId: ws.id, eventName: event, days: days, actor: AuditActor.commandLine)
                    print(remove ? "retention of \(event): removed" : "retention of \(event): \(days!) days")
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The workspace's retention rules.")
            @OptionGroup var workspace: WorkspaceCommandOptions

            func run() async throws {
                try await workspace.withPrivacy { privacy, ws in
                    for r in try await privacy.retentionRules(workspaceId: ws.id) { print("\(r.eventName)\t\(r.maxAgeDays) days") }
                }
            }
        }

        struct Run: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Delete the events the rules expire now and recompute profiles and memberships.")
            @OptionGroup var workspace: WorkspaceCommandOptions

            func run() async throws {
                try await workspace.withPrivacy { privacy, ws in
                    let r = try await privacy.runRetention(workspaceId: ws.id, actor: AuditActor.commandLine)
                    print("events deleted: \(r.eventsDeleted); profiles rebuilt from \(r.eventsRefolded) events")
                }
            }
        }
    }
}
