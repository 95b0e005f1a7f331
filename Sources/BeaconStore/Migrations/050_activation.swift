extension Migrations {
    /// Destinations, activations and the outbox of messages to deliver to them.
    ///
    /// `outbox_messages.seq` orders messages (per profile and destination, delivery follows
    /// it); `(workspace_id, message_id)` is the idempotency key, so a change queued twice is
    /// stored once.
    static let m050Activation = Migration(
        id: "050_activation",
        sqlite: [
            """
            CREATE TABLE destinations (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, url TEXT NOT NULL, secrets TEXT NOT NULL,
              state TEXT NOT NULL, state_reason TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (workspace_id, id),
              UNIQUE (workspace_id, name))
            """,
            """
            CREATE TABLE activations (workspace_id TEXT NOT NULL, id TEXT NOT NULL, destination_id TEXT NOT NULL,
              trigger_document TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (workspace_id, id),
              FOREIGN KEY (workspace_id, destination_id) REFERENCES destinations(workspace_id, id) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE outbox_messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, workspace_id TEXT NOT NULL,
              message_id TEXT NOT NULL, destination_id TEXT NOT NULL, order_key TEXT NOT NULL, cause TEXT NOT NULL,
              payload TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL,
              lease_owner TEXT, lease_until INTEGER, created_at INTEGER NOT NULL, delivered_at INTEGER,
              last_status INTEGER, last_error TEXT, UNIQUE (workspace_id, message_id))
            """,
            "CREATE INDEX outbox_due ON outbox_messages (destination_id, state, next_attempt_at, seq)",
            "CREATE INDEX outbox_order ON outbox_messages (destination_id, order_key, state, seq)",
        ],
        postgres: [
            """
            CREATE TABLE destinations (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, url TEXT NOT NULL, secrets TEXT NOT NULL,
              state TEXT NOT NULL, state_reason TEXT, created_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, id),
              UNIQUE (workspace_id, name))
            """,
            """
            CREATE TABLE activations (workspace_id TEXT NOT NULL, id TEXT NOT NULL, destination_id TEXT NOT NULL,
              trigger_document TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, id),
              FOREIGN KEY (workspace_id, destination_id) REFERENCES destinations(workspace_id, id) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE outbox_messages (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, workspace_id TEXT NOT NULL,
              message_id TEXT NOT NULL, destination_id TEXT NOT NULL, order_key TEXT NOT NULL, cause TEXT NOT NULL,
              payload TEXT NOT NULL, state TEXT NOT NULL, attempts BIGINT NOT NULL, next_attempt_at BIGINT NOT NULL,
              lease_owner TEXT, lease_until BIGINT, created_at BIGINT NOT NULL, delivered_at BIGINT,
              last_status BIGINT, last_error TEXT, UNIQUE (workspace_id, message_id))
            """,
            "CREATE INDEX outbox_due ON outbox_messages (destination_id, state, next_attempt_at, seq)",
            "CREATE INDEX outbox_order ON outbox_messages (destination_id, order_key, state, seq)",
        ]
    )
}
