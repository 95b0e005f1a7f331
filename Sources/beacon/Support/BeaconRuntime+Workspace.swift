import BeaconEngine
import BeaconCore
import BeaconStore

extension BeaconRuntime {
    /// The workspace whose name or id is `reference`, or a `CommandError` naming it and the
    /// workspaces with close names, prefixed with `option` when the name came from one
    /// (`--workspace: no workspace named 'shpo'; close names: shop`).
    ///
    /// A name wins over an id, so a workspace can never be hidden by another's id.
    func existingWorkspace(named reference: String, option: String? = nil) async throws -> Workspace {
        if let workspace = try await workspaces.named(reference) { return workspace }
        let all = try await workspaces.all()
        if let workspace = all.first(where: { $0.id == reference }) { return workspace }
        let close = WorkspaceNameSuggestion.closeNames(to: reference, among: all.map(\.name))
        let hint = close.isEmpty
            ? (all.isEmpty ? "; there are no workspaces yet ('beacon workspace create NAME')" : "; 'beacon workspace list' shows them")
            : "; close names: " + close.joined(separator: ", ")
        throw CommandError((option.map { "\($0): " } ?? "") + "no workspace named '\(reference)'" + hint)
    }
}
