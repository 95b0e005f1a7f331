import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation
import Logging

/// Where an import goes: the store, the workspace and whether that workspace may be created.
///
/// Nothing is created implicitly: a typo in `--workspace` must not start a second workspace,
/// so only `--create-workspace` makes a missing one. The input file is checked before anything
/// is opened, so an import of a missing file creates neither a database nor a workspace.
struct ImportDestinationOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: "The workspace, by name or id (must exist unless --create-workspace).")
    var workspace: String

    @Flag(help: "Create the workspace if it does not exist (prints its write key once).")
    var createWorkspace = false

    @Option(help: "Refused rows tolerated before nothing is stored (the command still exits non-zero when any row is refused).")
    var maxErrors: Int = 0

    func validate() throws {
        guard maxErrors >= 0 else { throw ValidationError("--max-errors must be 0 or more, got \(maxErrors)") }
    }

    /// Opens the store and returns the runtime with the target workspace, after checking
    /// `file` can be read.
    /// - Throws: `CommandError` naming the file or `--workspace`.
    func open(file: String) async throws -> (BeaconRuntime, Workspace) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: file)
        else {
            throw CommandError("\(file): no such readable file")
        }
        let runtime = try await store.openRuntime(logger: store.makeLogger(), creating: createWorkspace)
        guard createWorkspace else {
            do {
                return (runtime, try await runtime.existingWorkspace(named: workspace, option: "--workspace"))
            } catch let error as CommandError {
                try? await runtime.close()
                throw CommandError(
                    error.description + " (create it with 'beacon workspace create \(workspace)' or pass --create-workspace)")
            }
        }
        if let ws = try await runtime.workspaces.named(workspace) { return (runtime, ws) }
        let (ws, key) = try await runtime.workspaces.create(name: workspace)
        Swift.print("created workspace \(ws.name); write key: \(key) (shown once)")
        return (runtime, ws)
    }
}
