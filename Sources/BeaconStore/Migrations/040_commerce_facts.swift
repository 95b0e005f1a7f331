extension Migrations {
    /// The analytics projection: one row per stored page, screen or track event as a
    /// `CommerceFact` (order, refund, spend or touch, without the JSON payload), and the
    /// identity links attribution stitches anonymous visits with. Appends fill both in the
    /// event's transaction; existing logs are filled by `EventLogProjection.backfill`, which the
    /// marker row in `projection_backfills` asks for.
    static let m040CommerceFacts = Migration(
        id: "040_commerce_facts",
        sqlite: [
            """
            CREATE TABLE commerce_facts (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              seq INTEGER NOT NULL, message_id TEXT NOT NULL, kind TEXT NOT NULL, type TEXT NOT NULL,
              name TEXT NOT NULL, time INTEGER NOT NULL, day INTEGER NOT NULL, user_id TEXT, anonymous_id TEXT,
              order_id TEXT, amount REAL, revenue REAL, utm_source TEXT, utm_medium TEXT, utm_campaign TEXT,
              referrer TEXT, touch_channel TEXT, has_source INTEGER NOT NULL, spend_channel TEXT,
              PRIMARY KEY (workspace_id, seq))
            """,
            "CREATE INDEX commerce_facts_by_kind ON commerce_facts (workspace_id, kind, day)",
            "CREATE INDEX commerce_facts_by_time ON commerce_facts (workspace_id, time)",
            """
            CREATE TABLE identity_links (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              anonymous_id TEXT NOT NULL, user_id TEXT NOT NULL, seq INTEGER NOT NULL, time INTEGER NOT NULL,
              PRIMARY KEY (workspace_id, anonymous_id, user_id))
            """,
            "CREATE TABLE projection_backfills (name TEXT PRIMARY KEY)",
            "INSERT INTO projection_backfills (name) VALUES ('commerce_facts')",
        ],
        postgres: [
            """
            CREATE TABLE commerce_facts (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              seq BIGINT NOT NULL, message_id TEXT NOT NULL, kind TEXT NOT NULL, type TEXT NOT NULL,
              name TEXT NOT NULL, time BIGINT NOT NULL, day BIGINT NOT NULL, user_id TEXT, anonymous_id TEXT,
              order_id TEXT, amount DOUBLE PRECISION, revenue DOUBLE PRECISION, utm_source TEXT, utm_medium TEXT,
              utm_campaign TEXT, referrer TEXT, touch_channel TEXT, has_source BIGINT NOT NULL, spend_channel TEXT,
              PRIMARY KEY (workspace_id, seq))
            """,
            "CREATE INDEX commerce_facts_by_kind ON commerce_facts (workspace_id, kind, day)",
            "CREATE INDEX commerce_facts_by_time ON commerce_facts (workspace_id, time)",
            """
            CREATE TABLE identity_links (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              anonymous_id TEXT NOT NULL, user_id TEXT NOT NULL, seq BIGINT NOT NULL, time BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, anonymous_id, user_id))
            """,
            "CREATE TABLE projection_backfills (name TEXT PRIMARY KEY)",
            "INSERT INTO projection_backfills (name) VALUES ('commerce_facts')",
        ]
    )
}
