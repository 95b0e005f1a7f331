import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// The options of every command that works inside one workspace: the store and `--workspace ID|NAME`.
///
/// One way to name a workspace everywhere: by its name or its id, always as `--workspace` (only
/// the commands whose subject is the workspace itself, such as `workspace rename NAME`, take it
/// positionally). An unknown workspace is an error naming `--workspace` and the close names; it
/// is never created.
struct WorkspaceCommandOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("workspace"), help: ArgumentHelp("The workspace, by name or id.", valueName: "workspace"))
    var reference: String

    func validate() throws {
        guard !reference.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--workspace must name a workspace, got ''")
        }
    }

    /// Opens the store, finds the workspace, runs `body` and closes the store; the errors that
    /// say what the user got wrong become a `CommandError` (see `StoreOptions.withRuntime`).
    func run<T>(_ body: (BeaconRuntime, Workspace) async throws -> T) async throws -> T {
        try await store.withRuntime { runtime in
            try await body(runtime, try await runtime.existingWorkspace(named: reference, option: "--workspace"))
        }
    }

    /// Opens the store and finds the workspace, for commands that keep the runtime open
    /// themselves (servers, long runs); the caller closes the runtime.
    func open() async throws -> (BeaconRuntime, Workspace) {
        let runtime = try await store.openRuntime(logger: store.makeLogger())
        do {
            return (runtime, try await runtime.existingWorkspace(named: reference, option: "--workspace"))
        } catch {
            try? await runtime.close()
            throw error
        }
    }
}
