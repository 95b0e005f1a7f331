extension Migrations {
    /// Hashed write keys, each belonging to one workspace; a hash is unique across workspaces.
    static let m002WriteKeys = Migration(
        id: "002_write_keys",
        sqlite: [
            """
            CREATE TABLE write_keys (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              key_hash TEXT NOT NULL, label TEXT NOT NULL, created_at INTEGER NOT NULL,
              PRIMARY KEY (workspace_id, key_hash))
            """,
            "CREATE UNIQUE INDEX write_keys_by_hash ON write_keys (key_hash)",
        ],
        postgres: [
            """
            CREATE TABLE write_keys (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              key_hash TEXT NOT NULL, label TEXT NOT NULL, created_at BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, key_hash))
            """,
            "CREATE UNIQUE INDEX write_keys_by_hash ON write_keys (key_hash)",
        ]
    )
}
