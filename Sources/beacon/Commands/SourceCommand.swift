import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon source create|list|deliveries|delete`: stores that push their own webhooks
/// (Shopify, Stripe) into a workspace.
struct SourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source", abstract: "Manage webhook sources: Shopify and Stripe deliveries into a workspace.",
        subcommands: [Create.self, List.self, Deliveries.self, Delete.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a webhook source; prints the path to give the vendor (POST <server>/v1/sources/<id>).",
            discussion: """
                The signing secret is read from standard input (one line), so it stays out of the
                shell history: Shopify's app client secret, or the Stripe endpoint's whsec_… secret.
                  printf '%s\\n' "$STRIPE_WHSEC" | beacon source create shop --kind stripe --name payments
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var workspace: String
        @Option(help: "The vendor: \(WebhookSource.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: WebhookSource.Kind
        @Option(help: "A name to tell sources apart.") var name: String

        func run() async throws {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandError("standard input: give the vendor's signing secret on one line")
            }
            try await store.withWorkspace(workspace) { runtime, w in
                let source = try await runtime.sources.create(workspace: w, kind: kind, name: name, secret: line)
                print("source \(source.name) (\(source.kind.rawValue)): \(source.id)")
                print("webhook URL: <your server>/v1/sources/\(source.id)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a workspace's webhook sources: id, kind, name, created.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var workspace: String

        func run() async throws {
            try await store.withWorkspace(workspace) { runtime, w in
                for s in try await runtime.sources.sources(of: w) {
                    print("\(s.id)\t\(s.kind.rawValue)\t\(s.name)\t\(Timestamp.format(s.createdAt))")
                }
            }
        }
    }

    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A source's latest deliveries: time, topic, outcome, events stored, detail.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var workspace: String
        @Argument(help: "Source id (src_…).") var source: String
        @Option(help: "How many, newest first.") var limit = 20

        func run() async throws {
            try await store.withWorkspace(workspace) { runtime, w in
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
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var workspace: String
        @Argument(help: "Source id (src_…).") var source: String

        func run() async throws {
            try await store.withWorkspace(workspace) { runtime, w in
                guard try await runtime.sources.delete(source, of: w) else {
                    throw CommandError("source: workspace '\(w.name)' has no webhook source '\(source)'")
                }
                print("deleted webhook source \(source)")
            }
        }
    }
}

extension WebhookSource.Kind: ExpressibleByArgument {}
