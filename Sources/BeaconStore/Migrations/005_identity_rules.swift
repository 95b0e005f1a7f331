extension Migrations {
    /// Versions of each workspace's identity rules, keyed by the log position they took effect after.
    static let m005IdentityRules = Migration(
        id: "005_identity_rules",
        sqlite: [
            """
            CREATE TABLE identity_rules (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              after_seq INTEGER NOT NULL, document TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (workspace_id, after_seq))
            """
        ],
        postgres: [
            """
            CREATE TABLE identity_rules (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              after_seq BIGINT NOT NULL, document TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, after_seq))
            """
        ]
    )
}
