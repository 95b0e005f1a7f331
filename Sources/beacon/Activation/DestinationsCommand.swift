import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon destinations …`: webhook destinations of a workspace, their delivery log and dead letters.
struct DestinationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destinations",
        abstract: "Create and manage webhook destinations; inspect and replay dead letters.",
        subcommands: [
            Create.self, CreateEmail.self, List.self, Delete.self, Pause.self, Resume.self, Test.self,
            RotateSecret.self, Messages.self, Replay.self,
        ])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create a webhook destination and print its signing secret (shown once), or an audience sync destination (--type hubspot|mailchimp|klaviyo with --api-key and --list-id).")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "A name for the destination.") var name: String
        @Option(help: "webhook, hubspot, mailchimp or klaviyo.") var type = "webhook"
        @Option(help: "The endpoint, an http or https URL (audience sync: the vendor API's base; default the vendor's).")
        var url: String?
        @Option(help: "A Standard Webhooks secret (whsec_…); default: a new one.") var secret: String?
        @Option(name: .customLong("api-key"), help: "Audience sync: the vendor's API key (sealed, never shown again).")
        var apiKey: String?
        @Option(name: .customLong("list-id"), help: "Audience sync: the vendor list to keep the members on.")
        var listId: String?
        @Option(
            name: .customLong("setting"),
            help: "Audience sync: key=value (userIdProperty for HubSpot, userIdMergeField for Mailchimp; repeat).")
        var settings: [String] = []

        func validate() throws {
            if Destination.Kind(rawValue: type)?.isAudienceSync == true {
                guard apiKey != nil else { throw ValidationError("--api-key is required for a \(type) destination") }
                guard listId != nil else { throw ValidationError("--list-id is required for a \(type) destination") }
                for s in settings where !s.contains("=") {
                    throw ValidationError("--setting must be key=value, got '\(s)'")
                }
            } else if url == nil {
                throw ValidationError("--url is required for a \(type) destination")
            }
        }

        func run() async throws {
            try await workspace.run { runtime, ws in
                if Destination.Kind(rawValue: type)?.isAudienceSync == true {
                    var pairs: [String: String] = [:]
                    for s in settings {
                        let parts = s.split(separator: "=", maxSplits: 1).map(String.init)
                        pairs[parts[0]] = parts.count > 1 ? parts[1] : ""
                    }
                    let d = try await runtime.activation.createAudienceDestination(
                        workspaceId: ws.id, name: name, type: type, apiKey: apiKey ?? "", listId: listId ?? "", url: url,
                        settings: pairs)
                    print("destination: \(d.id)")
                    print("\(d.kind.rawValue) list \(d.settings["listId"] ?? "") at \(d.url)")
                    print("Beacon keeps the API key sealed and cannot show it again.")
                    return
                }
                let (d, secret) = try await runtime.activation.createDestination(
                    workspaceId: ws.id, name: name, type: type, url: url ?? "", secret: self.secret)
                print("destination: \(d.id)")
                print("signing secret: \(secret)")
                print("Beacon keeps it sealed and cannot show it again.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List destinations with pending, delivered and dead counts.")
        @OptionGroup var workspace: WorkspaceCommandOptions

        func run() async throws {
            try await workspace.run { runtime, ws in
                for d in try await runtime.activation.destinations(workspaceId: ws.id) {
                    let c = try await runtime.activation.counts(workspaceId: ws.id, destinationId: d.id)
                    print(
                        "\(d.id)\t\(d.name)\t\(d.state.rawValue)\t\(d.url)\tpending \(c[.pending] ?? 0)\t"
                            + "delivered \(c[.delivered] ?? 0)\tdead \(c[.dead] ?? 0)")
                }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a destination with its activations and queue.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Destination id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                try await runtime.activation.deleteDestination(workspaceId: ws.id, id: id)
                print("deleted \(id)")
            }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue a test message (the server delivers it).")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Destination id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                print("queued \(try await runtime.activation.sendTest(workspaceId: ws.id, destinationId: id).id)")
            }
        }
    }

    struct RotateSecret: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-secret",
            abstract:
                "Make a new signing secret (shown once); the previous one signs beside it until the next rotation.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Destination id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                print("signing secret: \(try await runtime.activation.rotateSecret(workspaceId: ws.id, id: id).secret)")
            }
        }
    }

    struct Messages: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The delivery log, newest first (or only dead letters).")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Destination id.") var id: String
        @Option(help: "pending, delivered or dead.") var state: String?
        @Option(help: "How many.") var limit = 50

        func validate() throws {
            if let state, OutboxMessage.State(rawValue: state) == nil {
                throw ValidationError("--state must be pending, delivered or dead, got '\(state)'")
            }
        }

        func run() async throws {
            try await workspace.run { runtime, ws in
                for m in try await runtime.activation.messages(
                    workspaceId: ws.id, destinationId: id, state: state.flatMap(OutboxMessage.State.init), limit: limit)
                {
                    print(
                        "\(m.id)\t\(m.state.rawValue)\t\(m.attempts)\t\(m.lastStatus.map(String.init) ?? "-")\t\(m.cause)\t"
                            + (m.lastError ?? ""))
                }
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue dead letters again with fresh attempts.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Destination id.") var id: String
        @Option(name: .customLong("message"), help: "A message id to replay (repeat); default: every dead letter.")
        var messages: [String] = []

        func run() async throws {
            try await workspace.run { runtime, ws in
                let n = try await runtime.activation.replay(
                    workspaceId: ws.id, destinationId: id, ids: messages.isEmpty ? nil : messages)
                print("replayed \(n)")
            }
        }
    }
}
