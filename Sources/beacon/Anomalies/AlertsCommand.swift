import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon alerts …`: alerts on unusual days and failed data checks, sent through a webhook or
/// email destination by the outbox, each flag once.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "Send alerts on unusual days and failed data checks to a destination.",
        discussion: """
            'alerts add' says which series (revenue, orders, events, sign-ups, spend: <channel>; all when \
            --series is left out) alert which webhook or email destination; 'alerts run' scans the \
            workspace as 'beacon anomalies' does and queues one message per flag on the last --days days \
            for every destination that wants its series. A flag already queued for a destination is not \
            queued again (its idempotency key is the flag and the destination), so run it on a schedule. \
            The delivery workers of 'beacon serve' send the messages, with retries.
            Example: beacon alerts add --workspace shop --destination dst_… --series revenue,orders; beacon alerts run --workspace shop
            """,
        subcommands: [Add.self, Run.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a workspace's alerts to a destination.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "Destination id (a webhook or email destination).") var destination: String
        @Option(help: "Series and checks that alert, comma-separated (default: all).") var series: String?
        @Option(help: "The address an email destination sends the alerts to.") var email: String?

        func run() async throws {
            try await workspace.run { runtime, ws in
                let names = (series ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let a = try await runtime.activation.activateAlerts(
                    workspaceId: ws.id, destination: destination, series: names, email: email)
                print("activation: \(a.id)")
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Scan a workspace and queue alerts for new flags.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @OptionGroup var asOf: AsOfOption
        @Option(help: "Alert on flags of the last this many days (1–366).") var days = 7

        func validate() throws {
            guard (1...366).contains(days) else { throw ValidationError("--days must be from 1 to 366, got \(days)") }
        }

        func run() async throws {
            try await workspace.run { runtime, ws in
                let (alerts, queued) = try await runtime.activation.scanAndAlert(
                    workspaceId: ws.id, asOf: asOf.endOfDay, days: days)
                for a in alerts { print(a.text) }
                print("\(alerts.count) flags, \(queued.count) new alert messages queued")
            }
        }
    }
}
