import ArgumentParser
import BeaconEngine
import Foundation

/// `beacon token create`: a workspace API token for the profile and segment API.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage workspace API tokens (read profiles and segments over HTTP).",
        subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for a workspace and print it (shown once).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var workspace: String
        @Option(help: "A label to tell tokens apart.") var label: String = "api"

        func run() async throws {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let engine = runtime.profiles
            let w = try await runtime.existingWorkspace(named: workspace)
            print("API token: \(try await engine.createAPIToken(workspaceId: w.id, label: label))")
            print("Send it as 'Authorization: Bearer <token>'. Beacon keeps only its hash and cannot show it again.")
            try await runtime.close()
        }
    }
}
