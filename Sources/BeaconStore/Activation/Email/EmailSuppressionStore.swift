import BeaconCore
import Foundation

/// Persistence of the addresses each workspace must not email.
public protocol EmailSuppressionStore: Sendable {
    /// Stores a suppression; an address already suppressed keeps its first reason and date.
    /// Returns false when it was already there.
    @discardableResult
    func suppress(_ suppression: EmailSuppression) async throws -> Bool
    /// Lifts a suppression. Returns false when the address was not suppressed.
    func remove(workspaceId: String, address: String) async throws -> Bool
    /// The suppression of an address (compared lower-cased), if any.
    func suppression(workspaceId: String, address: String) async throws -> EmailSuppression?
    /// The workspace's suppressions, newest first.
    func suppressions(workspaceId: String, limit: Int) async throws -> [EmailSuppression]
}
