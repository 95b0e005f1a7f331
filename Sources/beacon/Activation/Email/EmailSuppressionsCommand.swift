import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon email-suppressions …`: the addresses a workspace's email destinations do not send to.
struct EmailSuppressionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email-suppressions",
        abstract: "List, add and remove suppressed email addresses (bounces, complaints, unsubscribes).",
        subcommands: [List.self, Add.self, Remove.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Suppressed addresses, newest first.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "How many.") var limit = 1000

        func run() async throws {
            try await workspace.run { runtime, ws in
                for s in try await runtime.activation.emailSuppressions(workspaceId: ws.id, limit: limit) {
                    print("\(s.address)\t\(s.reason.rawValue)\t\(Timestamp.format(s.createdAt))\t\(s.detail)")
                }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Suppress an address by hand.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "The email address.") var address: String
        @Option(help: "A note.") var detail = ""
        @Option(help: "manual, complaint, bounce or unsubscribe.") var reason = "manual"

        func validate() throws {
            guard EmailSuppression.Reason(rawValue: reason) != nil else {
                throw ValidationError("--reason must be manual, complaint, bounce or unsubscribe, got '\(reason)'")
            }
        }

        func run() async throws {
            try await workspace.run { runtime, ws in
                let s = try await runtime.activation.suppressEmail(
                    workspaceId: ws.id, address: address, reason: EmailSuppression.Reason(rawValue: reason) ?? .manual,
                    detail: detail)
                print("suppressed \(s.address) (\(s.reason.rawValue))")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lift a suppression: email destinations send to the address again.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "The email address.") var address: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                try await runtime.activation.removeEmailSuppression(workspaceId: ws.id, address: address)
                print("removed \(EmailSuppression.normalised(address))")
            }
        }
    }
}
