import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon source create|list|deliveries|delete`: stores that push their own webhooks
/// (Shopify, Stripe) into a workspace.
struct SourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source", abstract: "Manage webhook sources: Shopify, Stripe and mapped JSON deliveries into a workspace.",
        subcommands: [Create.self, List.self, Deliveries.self, Delete.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a webhook source; prints the path to give the vendor (POST <server>/v1/sources/<id>).",
            discussion: """
                The signing secret is read from standard input (one line), so it stays out of the
                shell history: Shopify's app client secret, or the Stripe endpoint's whsec_… secret.
                  printf '%s\\n' "$STRIPE_WHSEC" | beacon source create --workspace shop --kind stripe --name payments
                Any other sender of JSON: --kind json with --mapping, a file of JSON pointers per event field,
                e.g. {"messageId": "/id", "event": "/type", "userId": "/customer/id", "timestamp": "/created_at",
                "properties": "/data"}; the sender signs each body as X-Beacon-Signature: sha256=<hex HMAC-SHA256>.
                """)
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "The vendor: \(WebhookSource.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: WebhookSource.Kind
        @Option(help: "A name to tell sources apart.") var name: String
        @Option(help: "With --kind json: a JSON file mapping event fields to JSON pointers into the sender's body.")
        var mapping: String?

        func validate() throws {
            guard (kind == .json) == (mapping != nil) else {
                throw ValidationError(kind == .json ? "--mapping is required with --kind json" : "--mapping is only for --kind json")
            }
        }

        /// The `--mapping` file read and checked.
        func fieldMapping() throws -> JSONEventMapping? {
            guard let mapping else { return nil }
            guard let data = FileManager.default.contents(atPath: mapping) else {
                throw CommandError("--mapping: cannot read '\(mapping)'")
            }
            do {
                return try JSONEventMapping(json: try JSONValue.parse(data))
            } catch let e as JSONEventMapping.Failure {
                throw CommandError("--mapping: \(e.description)")
            } catch {
                throw CommandError("--mapping: '\(mapping)' is not JSON: \(error)")
            }
        }

        func run() async throws {
            let fields = try fieldMapping()
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandError("standard input: give the vendor's signing secret on one line")
            }
            try await workspace.run { runtime, w in
                let source = try await runtime.sources.create(
                    workspace: w, kind: kind, name: name, secret: line, mapping: fields)
                print("source \(source.name) (\(source.kind.rawValue)): \(source.id)")
                print("webhook URL: <your server>/v1/sources/\(source.id)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a workspace's webhook sources: id, kind, name, created.")
        @OptionGroup var workspace: WorkspaceCommandOptions

        func run() async throws {
            try await workspace.run { runtime, w in
                for s in try await runtime.sources.sources(of: w) {
                    print("\(s.id)\t\(s.kind.rawValue)\t\(s.name)\t\(Timestamp.format(s.createdAt))")
                }
            }
        }
    }

    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A source's latest deliveries: time, topic, outcome, events stored, detail.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Source id (src_…).") var source: String
        @Option(help: "How many, newest first.") var limit = 20

        func run() async throws {
            try await workspace.run { runtime, w in
                let s = try await runtime.sources.source(source, of: w)
                for d in try await runtime.sources.deliveries(of: s, limit: limit) {
                    print("\(Timestamp.format(d.receivedAt))\t\(d.topic)\t\(d.outcome.rawValue)\t\(d.eventsStored)\t\(d.detail)")
                }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a webhook source; its deliveries are refused (404) from then on. Stored events stay.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Source id (src_…).") var source: String

        func run() async throws {
            try await workspace.run { runtime, w in
                guard try await runtime.sources.delete(source, of: w) else {
                    throw CommandError("source: workspace '\(w.name)' has no webhook source '\(source)'")
                }
                print("deleted webhook source \(source)")
            }
        }
    }
}

extension WebhookSource.Kind: ExpressibleByArgument {}
