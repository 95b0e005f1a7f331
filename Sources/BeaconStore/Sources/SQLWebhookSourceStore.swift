import BeaconCore
import Foundation

/// Webhook sources, deliveries and order customers in SQL written once for both backends.
struct SQLWebhookSourceStore: WebhookSourceStore {
    let driver: any SQLDriver

    func saveSource(_ source: WebhookSource) async throws {
        try await driver.execute(
            """
            INSERT INTO webhook_sources (workspace_id, source_id, kind, name, secret, created_at, mapping)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id) DO UPDATE SET name = excluded.name, secret = excluded.secret, mapping = excluded.mapping
            """,
            [
                .text(source.workspaceId), .text(source.id), .text(source.kind.rawValue), .text(source.name),
                .text(source.secret), SQLValue(source.createdAt),
                source.mapping.map { SQLValue.text($0.json.serialized()) } ?? SQLValue.null,
            ])
    }

    func source(id: String) async throws -> WebhookSource? {
        try await sources("\(Self.columns) WHERE source_id = ?", [.text(id)]).first
    }

    func sources(workspaceId: String) async throws -> [WebhookSource] {
        try await sources("\(Self.columns) WHERE workspace_id = ? ORDER BY created_at, source_id", [.text(workspaceId)])
    }

    func deleteSource(workspaceId: String, id: String) async throws -> Bool {
        try await !driver.query(
            "DELETE FROM webhook_sources WHERE workspace_id = ? AND source_id = ? RETURNING source_id",
            [.text(workspaceId), .text(id)]
        ).isEmpty
    }

    func recordDelivery(_ delivery: WebhookDelivery, keep: Int) async throws {
        try await driver.transaction([
            (
                """
                INSERT INTO webhook_deliveries (source_id, received_at, topic, outcome, events_stored, detail)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(delivery.sourceId), SQLValue(delivery.receivedAt), .text(delivery.topic),
                    .text(delivery.outcome.rawValue), SQLValue(delivery.eventsStored), .text(delivery.detail),
                ]
            ),
            (
                """
                DELETE FROM webhook_deliveries WHERE source_id = ? AND delivery_no NOT IN
                  (SELECT delivery_no FROM webhook_deliveries WHERE source_id = ? ORDER BY delivery_no DESC LIMIT ?)
                """,
                [.text(delivery.sourceId), .text(delivery.sourceId), SQLValue(keep)]
            ),
        ])
    }

    func deliveries(sourceId: String, limit: Int) async throws -> [WebhookDelivery] {
        try await driver.query(
            """
            SELECT source_id, received_at, topic, outcome, events_stored, detail FROM webhook_deliveries
            WHERE source_id = ? ORDER BY delivery_no DESC LIMIT ?
            """, [.text(sourceId), SQLValue(limit)]
        ).map { row in
            WebhookDelivery(
                sourceId: try row.string("source_id"), receivedAt: try row.date("received_at"),
                topic: try row.string("topic"),
                outcome: WebhookDelivery.Outcome(rawValue: try row.string("outcome")) ?? .refused,
                eventsStored: try row.int("events_stored"), detail: try row.string("detail"))
        }
    }

    func rememberOrder(sourceId: String, orderId: String, customer: String) async throws {
        try await driver.execute(
            """
            INSERT INTO webhook_source_orders (source_id, order_id, customer) VALUES (?, ?, ?)
            ON CONFLICT (source_id, order_id) DO UPDATE SET customer = excluded.customer
            """, [.text(sourceId), .text(orderId), .text(customer)])
    }

    func customer(sourceId: String, orderId: String) async throws -> String? {
        try await driver.query(
            "SELECT customer FROM webhook_source_orders WHERE source_id = ? AND order_id = ?",
            [.text(sourceId), .text(orderId)]
        ).first.map { try $0.string("customer") }
    }

    static let columns = "SELECT workspace_id, source_id, kind, name, secret, created_at, mapping FROM webhook_sources"

    private func sources(_ sql: String, _ arguments: [SQLValue]) async throws -> [WebhookSource] {
        try await driver.query(sql, arguments).map { row in
            WebhookSource(
                workspaceId: try row.string("workspace_id"), id: try row.string("source_id"),
                kind: WebhookSource.Kind(rawValue: try row.string("kind")) ?? .shopify, name: try row.string("name"),
                secret: try row.string("secret"), createdAt: try row.date("created_at"),
                mapping: try Self.mapping(row.optionalString("mapping")))
        }
    }

    /// A stored mapping document read back (validated again, as when it was made).
    static func mapping(_ text: String?) throws -> JSONEventMapping? {
        guard let text else { return nil }
        do {
            return try JSONEventMapping(json: try JSONValue.parse(Data(text.utf8)))
        } catch {
            throw StoreError(.corrupt, "stored webhook source mapping cannot be read: \(error)")
        }
    }
}
