extension Migrations {
    /// The wrapped data keys that seal each workspace's personal fields (`PersonalDataKeyStore`);
    /// they go with their workspace.
    static let m092PersonalDataKeys = Migration(
        id: "092_personal_data_keys",
        sqlite: [
            """
            CREATE TABLE personal_data_keys (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              key_id TEXT NOT NULL, wrapped_key TEXT NOT NULL, created_at INTEGER NOT NULL,
              PRIMARY KEY (workspace_id, key_id))
            """
        ],
        postgres: [
            """
            CREATE TABLE personal_data_keys (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              key_id TEXT NOT NULL, wrapped_key TEXT NOT NULL, created_at BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, key_id))
            """
        ]
    )
}
