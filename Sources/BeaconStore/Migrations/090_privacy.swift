extension Migrations {
    /// Privacy: the consent history (append-only, one row per message, identifier and
    /// category), suppressed subjects (hashed identifiers only, so an erased person's
    /// identifiers are not kept to block them), a per-workspace version of the suppression
    /// list that ingest checks, erasure jobs and retention rules.
    static let m090Privacy = Migration(
        id: "090_privacy",
        sqlite: [
            """
            CREATE TABLE consent_records (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              message_id TEXT NOT NULL, identifier_kind TEXT NOT NULL, identifier_value TEXT NOT NULL,
              category TEXT NOT NULL, granted INTEGER NOT NULL, source TEXT NOT NULL, at INTEGER NOT NULL,
              policy_version TEXT, seq INTEGER NOT NULL,
              PRIMARY KEY (workspace_id, message_id, identifier_kind, category))
            """,
            "CREATE INDEX consent_records_by_identifier ON consent_records (workspace_id, identifier_value)",
            """
            CREATE TABLE subject_suppressions (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              identifier_hash TEXT NOT NULL, identifier_kind TEXT NOT NULL, suppression_id TEXT NOT NULL,
              reason TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (workspace_id, identifier_hash))
            """,
            "CREATE INDEX subject_suppressions_by_id ON subject_suppressions (workspace_id, suppression_id)",
            """
            CREATE TABLE subject_suppression_versions (workspace_id TEXT NOT NULL PRIMARY KEY
              REFERENCES workspaces(id) ON DELETE CASCADE, version INTEGER NOT NULL)
            """,
            """
            CREATE TABLE privacy_erasures (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              erasure_id TEXT NOT NULL, subject_hash TEXT NOT NULL, suppression_id TEXT NOT NULL, state TEXT NOT NULL,
              requested_at INTEGER NOT NULL, finished_at INTEGER, report TEXT, error TEXT,
              PRIMARY KEY (workspace_id, erasure_id))
            """,
            """
            CREATE TABLE retention_rules (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              event_name TEXT NOT NULL, max_age_days INTEGER NOT NULL, updated_at INTEGER NOT NULL,
              PRIMARY KEY (workspace_id, event_name))
            """,
        ],
        postgres: [
            """
            CREATE TABLE consent_records (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              message_id TEXT NOT NULL, identifier_kind TEXT NOT NULL, identifier_value TEXT NOT NULL,
              category TEXT NOT NULL, granted BIGINT NOT NULL, source TEXT NOT NULL, at BIGINT NOT NULL,
              policy_version TEXT, seq BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, message_id, identifier_kind, category))
            """,
            "CREATE INDEX consent_records_by_identifier ON consent_records (workspace_id, identifier_value)",
            """
            CREATE TABLE subject_suppressions (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              identifier_hash TEXT NOT NULL, identifier_kind TEXT NOT NULL, suppression_id TEXT NOT NULL,
              reason TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, identifier_hash))
            """,
            "CREATE INDEX subject_suppressions_by_id ON subject_suppressions (workspace_id, suppression_id)",
            """
            CREATE TABLE subject_suppression_versions (workspace_id TEXT NOT NULL PRIMARY KEY
              REFERENCES workspaces(id) ON DELETE CASCADE, version BIGINT NOT NULL)
            """,
            """
            CREATE TABLE privacy_erasures (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              erasure_id TEXT NOT NULL, subject_hash TEXT NOT NULL, suppression_id TEXT NOT NULL, state TEXT NOT NULL,
              requested_at BIGINT NOT NULL, finished_at BIGINT, report TEXT, error TEXT,
              PRIMARY KEY (workspace_id, erasure_id))
            """,
            """
            CREATE TABLE retention_rules (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              event_name TEXT NOT NULL, max_age_days BIGINT NOT NULL, updated_at BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, event_name))
            """,
        ]
    )
}
