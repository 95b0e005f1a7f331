import BeaconCore
import BeaconStore
import Foundation

extension ProfileEngine {
    /// Reads the workspace's activations again, so the next projection steps queue messages
    /// for the current set (called after an activation or destination is created or deleted).
    public func reloadActivations(workspaceId: String) async throws {
        try await serialized(workspaceId) {
            let list = try await self.activationStore.activations(workspaceId: workspaceId)
            let audience = try await self.audienceDestinations(workspaceId)
            await self.setActivations(workspaceId, list, audience)
        }
    }

    private func setActivations(_ workspaceId: String, _ list: [Activation], _ audience: Set<String>) {
        states[workspaceId]?.activations = list
        states[workspaceId]?.audienceDestinations = audience
        states[workspaceId]?.activationsReadAt = clock()
    }

    /// The ids of the workspace's audience sync destinations.
    private func audienceDestinations(_ workspaceId: String) async throws -> Set<String> {
        Set(try await activationStore.destinations(workspaceId: workspaceId).filter(\.kind.isAudienceSync).map(\.id))
    }

    /// Reads the activations again when they were read more than a second ago, so those
    /// created by another process (the command line beside a running server) take effect.
    func refreshActivations(_ workspaceId: String, _ s: inout WorkspaceState) async throws {
        let now = clock()
        guard now.timeIntervalSince(s.activationsReadAt) > 1 else { return }
        s.activations = try await activationStore.activations(workspaceId: workspaceId)
        s.audienceDestinations = try await audienceDestinations(workspaceId)
        s.activationsReadAt = now
    }
}
