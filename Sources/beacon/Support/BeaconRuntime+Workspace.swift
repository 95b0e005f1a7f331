import BeaconEngine
import BeaconCore
import BeaconStore

extension BeaconRuntime {
    /// The workspace named `name`, or a `CommandError` naming it, prefixed with `option`
    /// when the name came from one (`--workspace: no workspace named 'shop'`).
    func existingWorkspace(named name: String, option: String? = nil) async throws -> Workspace {
        guard let workspace = try await workspaces.named(name) else {
            throw CommandError((option.map { "\($0): " } ?? "") + "no workspace named '\(name)'")
        }
        return workspace
    }
}
