extension Migrations {
    /// The addresses each workspace must not email (hard bounces, complaints, unsubscribes),
    /// checked by email destinations at send time.
    static let m070EmailSuppressions = Migration(
        id: "070_email_suppressions",
        sqlite: [
            """
            CREATE TABLE email_suppressions (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              address TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL, created_at INTEGER NOT NULL,
              PRIMARY KEY (workspace_id, address))
            """
        ],
        postgres: [
            """
            CREATE TABLE email_suppressions (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              address TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL, created_at BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, address))
            """
        ]
    )
}
