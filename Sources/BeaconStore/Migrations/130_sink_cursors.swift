extension Migrations {
    /// How far each sink (object-store archive, ClickHouse) has copied each workspace's event
    /// log: the last sequence it has confirmed, and the batch it is writing now, so a restart
    /// redoes exactly that batch instead of losing or repeating events.
    static let m130SinkCursors = Migration(
        id: "130_sink_cursors",
        sqlite: [
            """
            CREATE TABLE sink_cursors (sink_id TEXT NOT NULL,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              last_seq INTEGER NOT NULL, pending_through_seq INTEGER, events_copied INTEGER NOT NULL,
              updated_at INTEGER NOT NULL, PRIMARY KEY (sink_id, workspace_id))
            """
        ],
        postgres: [
            """
            CREATE TABLE sink_cursors (sink_id TEXT NOT NULL,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              last_seq BIGINT NOT NULL, pending_through_seq BIGINT, events_copied BIGINT NOT NULL,
              updated_at BIGINT NOT NULL, PRIMARY KEY (sink_id, workspace_id))
            """
        ]
    )
}
