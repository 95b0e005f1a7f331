extension Migrations {
    /// The hash-chained audit log, one chain per workspace numbered from 1, and the per-workspace
    /// keys that turn a profile id into the pseudonym entries carry.
    ///
    /// The entries have no foreign key to `workspaces`: deleting a workspace is itself an audited
    /// action, and its trail outlives it. The subject keys live outside the chain, so the
    /// pseudonyms stay unlinkable to anyone without the database.
    static let m100AuditLog = Migration(
        id: "100_audit_log",
        sqlite: [
            """
            CREATE TABLE audit_entries (workspace_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
              actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL,
              hash TEXT NOT NULL, PRIMARY KEY (workspace_id, seq))
            """,
            "CREATE INDEX audit_entries_by_subject ON audit_entries (workspace_id, subject, at)",
            "CREATE TABLE audit_subject_keys (workspace_id TEXT PRIMARY KEY, subject_key TEXT NOT NULL)",
        ],
        postgres: [
            """
            CREATE TABLE audit_entries (workspace_id TEXT NOT NULL, seq BIGINT NOT NULL, at BIGINT NOT NULL,
              actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL,
              hash TEXT NOT NULL, PRIMARY KEY (workspace_id, seq))
            """,
            "CREATE INDEX audit_entries_by_subject ON audit_entries (workspace_id, subject, at)",
            "CREATE TABLE audit_subject_keys (workspace_id TEXT PRIMARY KEY, subject_key TEXT NOT NULL)",
        ]
    )
}
