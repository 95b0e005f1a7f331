extension Migrations {
    /// The append-only event log, keyed by `(workspace_id, message_id)` so a duplicate is stored once.
    static let m003Events = Migration(
        id: "003_events",
        sqlite: [
            """
            CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              message_id TEXT NOT NULL, type TEXT NOT NULL, user_id TEXT, anonymous_id TEXT, event TEXT,
              timestamp INTEGER NOT NULL, received_at INTEGER NOT NULL, payload TEXT NOT NULL,
              UNIQUE (workspace_id, message_id))
            """,
            "CREATE INDEX events_by_time ON events (workspace_id, timestamp)",
            "CREATE INDEX events_by_user ON events (workspace_id, user_id)",
            "CREATE INDEX events_by_anonymous ON events (workspace_id, anonymous_id)",
        ],
        postgres: [
            """
            CREATE TABLE events (seq BIGSERIAL NOT NULL,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              message_id TEXT NOT NULL, type TEXT NOT NULL, user_id TEXT, anonymous_id TEXT, event TEXT,
              timestamp BIGINT NOT NULL, received_at BIGINT NOT NULL, payload JSONB NOT NULL,
              PRIMARY KEY (workspace_id, message_id))
            """,
            "CREATE INDEX events_by_seq ON events (workspace_id, seq)",
            "CREATE INDEX events_by_time ON events (workspace_id, timestamp)",
            "CREATE INDEX events_by_user ON events (workspace_id, user_id)",
            "CREATE INDEX events_by_anonymous ON events (workspace_id, anonymous_id)",
        ]
    )
}
