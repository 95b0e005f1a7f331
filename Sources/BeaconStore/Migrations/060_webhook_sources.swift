extension Migrations {
    /// Stores that push webhooks (Shopify, Stripe): the sources, their recent deliveries, and
    /// the customer of each order a source sent (refunds arrive without one).
    static let m060WebhookSources = Migration(
        id: "060_webhook_sources",
        sqlite: [
            """
            CREATE TABLE webhook_sources (source_id TEXT PRIMARY KEY,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              kind TEXT NOT NULL, name TEXT NOT NULL, secret TEXT NOT NULL, created_at INTEGER NOT NULL)
            """,
            "CREATE INDEX webhook_sources_by_workspace ON webhook_sources (workspace_id)",
            """
            CREATE TABLE webhook_deliveries (delivery_no INTEGER PRIMARY KEY AUTOINCREMENT,
              source_id TEXT NOT NULL REFERENCES webhook_sources(source_id) ON DELETE CASCADE,
              received_at INTEGER NOT NULL, topic TEXT NOT NULL, outcome TEXT NOT NULL,
              events_stored INTEGER NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX webhook_deliveries_by_source ON webhook_deliveries (source_id, delivery_no)",
            """
            CREATE TABLE webhook_source_orders (source_id TEXT NOT NULL REFERENCES webhook_sources(source_id) ON DELETE CASCADE,
              order_id TEXT NOT NULL, customer TEXT NOT NULL, PRIMARY KEY (source_id, order_id))
            """,
        ],
        postgres: [
            """
            CREATE TABLE webhook_sources (source_id TEXT PRIMARY KEY,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              kind TEXT NOT NULL, name TEXT NOT NULL, secret TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX webhook_sources_by_workspace ON webhook_sources (workspace_id)",
            """
            CREATE TABLE webhook_deliveries (delivery_no BIGSERIAL PRIMARY KEY,
              source_id TEXT NOT NULL REFERENCES webhook_sources(source_id) ON DELETE CASCADE,
              received_at BIGINT NOT NULL, topic TEXT NOT NULL, outcome TEXT NOT NULL,
              events_stored BIGINT NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX webhook_deliveries_by_source ON webhook_deliveries (source_id, delivery_no)",
            """
            CREATE TABLE webhook_source_orders (source_id TEXT NOT NULL REFERENCES webhook_sources(source_id) ON DELETE CASCADE,
              order_id TEXT NOT NULL, customer TEXT NOT NULL, PRIMARY KEY (source_id, order_id))
            """,
        ]
    )
}
