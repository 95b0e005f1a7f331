import BeaconCore
import Foundation

/// Persistence of destinations and the activations that send to them, scoped by workspace.
public protocol ActivationStore: Sendable {
    /// Stores a new destination. Throws `StoreError.conflict` when its name is taken.
    func createDestination(_ destination: Destination) async throws
    /// Replaces a stored destination's state, URL, name and secrets.
    func updateDestination(_ destination: Destination) async throws
    func destination(workspaceId: String, id: String) async throws -> Destination?
    func destinations(workspaceId: String) async throws -> [Destination]
    /// Every workspace's destinations (for the delivery workers).
    func allDestinations() async throws -> [Destination]
    /// Deletes a destination with its activations and messages. Returns false when there was none.
    func deleteDestination(workspaceId: String, id: String) async throws -> Bool

    func createActivation(_ activation: Activation) async throws
    func activation(workspaceId: String, id: String) async throws -> Activation?
    func activations(workspaceId: String) async throws -> [Activation]
    func deleteActivation(workspaceId: String, id: String) async throws -> Bool
}
