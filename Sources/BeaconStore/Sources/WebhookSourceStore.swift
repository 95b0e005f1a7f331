import BeaconCore
import Foundation

/// Webhook sources of workspaces, their recent deliveries, and the customer of each order a
/// source has sent (so a later refund, which vendors send without the customer, finds its
/// person).
public protocol WebhookSourceStore: Sendable {
    func saveSource(_ source: WebhookSource) async throws
    func source(id: String) async throws -> WebhookSource?
    /// A workspace's sources, oldest first.
    func sources(workspaceId: String) async throws -> [WebhookSource]
    /// Deletes a source with its deliveries; false when the workspace has no such source.
    func deleteSource(workspaceId: String, id: String) async throws -> Bool

    /// Records a delivery, keeping the newest `keep` of the source.
    func recordDelivery(_ delivery: WebhookDelivery, keep: Int) async throws
    /// A source's deliveries, newest first.
    func deliveries(sourceId: String, limit: Int) async throws -> [WebhookDelivery]

    /// Remembers who placed an order the source sent.
    func rememberOrder(sourceId: String, orderId: String, customer: String) async throws
    /// The customer of an order the source sent earlier, or nil.
    func customer(sourceId: String, orderId: String) async throws -> String?
}
