extension Migrations {
    /// Dashboard users, their workspace grants and sessions. Users are installation-wide, so these tables have no
    /// `workspace_id` key of their own; grants reference both sides and cascade.
    static let m020DashboardUsers = Migration(
        id: "020_dashboard_users",
        sqlite: [
            """
            CREATE TABLE dashboard_users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
              role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at INTEGER NOT NULL)
            """,
            """
            CREATE TABLE dashboard_grants (user_id TEXT NOT NULL REFERENCES dashboard_users(id) ON DELETE CASCADE,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE, PRIMARY KEY (user_id, workspace_id))
            """,
            """
            CREATE TABLE dashboard_sessions (token_hash TEXT PRIMARY KEY,
              user_id TEXT NOT NULL REFERENCES dashboard_users(id) ON DELETE CASCADE,
              created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)
            """,
            "CREATE INDEX dashboard_sessions_by_user ON dashboard_sessions (user_id)",
        ],
        postgres: [
            """
            CREATE TABLE dashboard_users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
              role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE dashboard_grants (user_id TEXT NOT NULL REFERENCES dashboard_users(id) ON DELETE CASCADE,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE, PRIMARY KEY (user_id, workspace_id))
            """,
            """
            CREATE TABLE dashboard_sessions (token_hash TEXT PRIMARY KEY,
              user_id TEXT NOT NULL REFERENCES dashboard_users(id) ON DELETE CASCADE,
              created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
            """,
            "CREATE INDEX dashboard_sessions_by_user ON dashboard_sessions (user_id)",
        ]
    )
}
