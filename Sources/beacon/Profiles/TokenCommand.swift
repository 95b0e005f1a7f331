import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon token create|list|revoke`: workspace API tokens for the profile and segment API.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage workspace API tokens (read profiles and segments over HTTP).",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for a workspace and print it (shown once).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var workspace: String
        @Option(help: "A label to tell tokens apart.") var label: String = "api"

        func run() async throws {
            try await store.withWorkspace(workspace) { runtime, w in
                print("API token: \(try await runtime.profiles.createAPIToken(workspaceId: w.id, label: label))")
                print("Send it as 'Authorization: Bearer <token>'. Beacon keeps only its hash and cannot show it again.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a workspace's API tokens: fingerprint, label, created (the tokens themselves are not kept).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var workspace: String

        func run() async throws {
            try await store.withWorkspace(workspace) { runtime, w in
                for token in try await runtime.workspaces.apiTokens(of: w) {
                    print("\(token.fingerprint)\t\(token.label)\t\(Timestamp.format(token.createdAt))")
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an API token by its fingerprint (from `token list`); every server refuses it at once.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var workspace: String
        @Argument(help: "The token's fingerprint: at least 8 of the hex digits `token list` shows.") var fingerprint: String

        func run() async throws {
            try await store.withWorkspace(workspace) { runtime, w in
                let token = try await runtime.workspaces.revokeAPIToken(of: w, fingerprint: fingerprint)
                print("revoked API token \(token.fingerprint) (\(token.label)) of \(w.name)")
            }
        }
    }
}
