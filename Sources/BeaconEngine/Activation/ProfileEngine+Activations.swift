import BeaconCore
import BeaconStore
import Foundation

extension ProfileEngine {
    /// Reads the workspace's activations again, so the next projection steps queue messages
    /// for the current set (called after an activation or destination is created or deleted).
    public func reloadActivations(workspaceId: String) async throws {
        try await serialized(workspaceId) {
            let list = try await self.activationStore.activations(workspaceId: workspaceId)
            await self.setActivations(workspaceId, list)
        }
    }

    private func setActivations(_ workspaceId: String, _ list: [Activation]) {
        states[workspaceId]?.activations = list
        states[workspaceId]?.activationsReadAt = clock()
    }

    /// Reads the activations again when they were read more than a second ago, so those
    /// created by another process (the command line beside a running server) take effect.
    func refreshActivations(_ workspaceId: String, _ s: inout WorkspaceState) async throws {
        let now = clock()
        guard now.timeIntervalSince(s.activationsReadAt) > 1 else { return }
        s.activations = try await activationStore.activations(workspaceId: workspaceId)
        s.activationsReadAt = now
    }
}
