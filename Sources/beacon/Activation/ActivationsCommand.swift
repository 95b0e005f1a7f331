import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon activations …`: what sends to a destination (segment changes, tracked events).
struct ActivationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activations", abstract: "Send segment entries/exits or tracked events to a destination.",
        subcommands: [Create.self, List.self, Delete.self, Sync.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Activate a segment (--segment, --on) or a tracked event (--event, --where) on a destination.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "Destination id.") var destination: String
        @Option(help: "Segment id.") var segment: String?
        @Option(help: "Segment changes that send: entered, exited (comma-separated).") var on = "entered"
        @Option(
            name: .customLong("every-hours"),
            help: "With --segment: reconcile the members with an audience destination every N hours instead.")
        var everyHours: Double?
        @Option(help: "A tracked event name.") var event: String?
        @Option(
            name: .customLong("where"), help: "property=value the event must have (repeat; values as JSON or text).")
        var filters: [String] = []

        func validate() throws {
            guard (segment == nil) != (event == nil) else { throw ValidationError("give either --segment or --event") }
            for f in filters where !f.contains("=") {
                throw ValidationError("--where must be property=value, got '\(f)'")
            }
        }

        func run() async throws {
            try await workspace.run { runtime, ws in
                let a: Activation
                if let segment, let everyHours {
                    a = try await runtime.activation.activateSchedule(
                        workspaceId: ws.id, segment: segment, destination: destination, everyHours: everyHours)
                } else if let segment {
                    a = try await runtime.activation.activateSegment(
                        workspaceId: ws.id, segment: segment, destination: destination,
                        on: on.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                } else {
                    var properties: [String: JSONValue] = [:]
                    for f in filters {
                        let parts = f.split(separator: "=", maxSplits: 1).map(String.init)
                        let text = parts.count > 1 ? parts[1] : ""
                        properties[parts[0]] = (try? JSONValue.parse(Data(text.utf8))) ?? .string(text)
                    }
                    a = try await runtime.activation.activateEvent(
                        workspaceId: ws.id, event: event ?? "", properties: properties, destination: destination)
                }
                print("activation: \(a.id)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List activations.")
        @OptionGroup var workspace: WorkspaceCommandOptions

        func run() async throws {
            try await workspace.run { runtime, ws in
                for a in try await runtime.activation.activations(workspaceId: ws.id) {
                    switch a.trigger {
                    case .segment(let id, let on):
                        print(
                            "\(a.id)\t\(a.destinationId)\tsegment \(id)\ton \(on.sorted().map(\.rawValue).joined(separator: ","))"
                        )
                    case .event(let name, let properties):
                        print(
                            "\(a.id)\t\(a.destinationId)\tevent \(name)\t\(JSONValue.object(properties).serialized())")
                    case .schedule(let id, let hours):
                        print("\(a.id)\t\(a.destinationId)\tsegment \(id)\tevery \(hours == hours.rounded() ? String(Int(hours)) : String(hours)) h")
                    case .alert(let series, let email):
                        print("\(a.id)\t\(a.destinationId)\talert \(series.isEmpty ? "*" : series.joined(separator: ","))\t\(email ?? "")")
                    }
                }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an activation.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Activation id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                try await runtime.activation.deleteActivation(workspaceId: ws.id, id: id)
                print("deleted \(id)")
            }
        }
    }

    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Reconcile an activation's segment with its audience destination now (the server delivers what differs).")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Activation id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                let r = try await runtime.activation.syncAudience(workspaceId: ws.id, activationId: id)
                print(
                    "added \(r.added)\tupdated \(r.updated)\tremoved \(r.removed)\tunchanged \(r.unchanged)\t"
                        + "waiting \(r.waiting)")
            }
        }
    }
}
