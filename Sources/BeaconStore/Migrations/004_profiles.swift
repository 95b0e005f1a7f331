extension Migrations {
    /// Profiles, identifiers, the identity merge log, the projection checkpoint, segments with their members, changes
    /// and sizes, and hashed API tokens. Profile search columns use the "C" collation in PostgreSQL so a prefix range
    /// is exact and uses the index.
    static let m004Profiles = Migration(
        id: "004_profiles",
        sqlite: [
            """
            CREATE TABLE profiles (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              profile_id TEXT NOT NULL, email TEXT, name_key TEXT, last_seen INTEGER NOT NULL, document TEXT NOT NULL,
              PRIMARY KEY (workspace_id, profile_id))
            """,
            "CREATE INDEX profiles_by_email ON profiles (workspace_id, email)",
            "CREATE INDEX profiles_by_name ON profiles (workspace_id, name_key)",
            """
            CREATE TABLE profile_identifiers (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              kind TEXT NOT NULL, value TEXT NOT NULL, profile_id TEXT NOT NULL, PRIMARY KEY (workspace_id, kind, value))
            """,
            "CREATE INDEX profile_identifiers_by_value ON profile_identifiers (workspace_id, value)",
            "CREATE INDEX profile_identifiers_by_profile ON profile_identifiers (workspace_id, profile_id)",
            """
            CREATE TABLE identity_merges (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              merge_no INTEGER NOT NULL, into_profile TEXT NOT NULL, from_profile TEXT NOT NULL, document TEXT NOT NULL,
              PRIMARY KEY (workspace_id, merge_no))
            """,
            "CREATE INDEX identity_merges_into ON identity_merges (workspace_id, into_profile)",
            "CREATE INDEX identity_merges_from ON identity_merges (workspace_id, from_profile)",
            """
            CREATE TABLE profile_checkpoints (workspace_id TEXT NOT NULL PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
              last_seq INTEGER NOT NULL, merge_count INTEGER NOT NULL)
            """,
            """
            CREATE TABLE segments (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              segment_id TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (workspace_id, segment_id))
            """,
            """
            CREATE TABLE segment_members (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              segment_id TEXT NOT NULL, profile_id TEXT NOT NULL, entered_at INTEGER NOT NULL,
              PRIMARY KEY (workspace_id, segment_id, profile_id))
            """,
            """
            CREATE TABLE segment_changes (change_no INTEGER PRIMARY KEY AUTOINCREMENT,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              segment_id TEXT NOT NULL, profile_id TEXT NOT NULL, kind TEXT NOT NULL, at INTEGER NOT NULL)
            """,
            "CREATE INDEX segment_changes_by_segment ON segment_changes (workspace_id, segment_id, change_no)",
            """
            CREATE TABLE segment_sizes (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              segment_id TEXT NOT NULL, at INTEGER NOT NULL, size INTEGER NOT NULL, PRIMARY KEY (workspace_id, segment_id, at))
            """,
            """
            CREATE TABLE api_tokens (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              token_hash TEXT NOT NULL, label TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (workspace_id, token_hash))
            """,
            "CREATE UNIQUE INDEX api_tokens_by_hash ON api_tokens (token_hash)",
        ],
        postgres: [
            """
            CREATE TABLE profiles (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              profile_id TEXT NOT NULL, email TEXT COLLATE "C", name_key TEXT COLLATE "C", last_seen BIGINT NOT NULL,
              document TEXT NOT NULL, PRIMARY KEY (workspace_id, profile_id))
            """,
            "CREATE INDEX profiles_by_email ON profiles (workspace_id, email)",
            "CREATE INDEX profiles_by_name ON profiles (workspace_id, name_key)",
            """
            CREATE TABLE profile_identifiers (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              kind TEXT NOT NULL, value TEXT COLLATE "C" NOT NULL, profile_id TEXT NOT NULL, PRIMARY KEY (workspace_id, kind, value))
            """,
            "CREATE INDEX profile_identifiers_by_value ON profile_identifiers (workspace_id, value)",
            "CREATE INDEX profile_identifiers_by_profile ON profile_identifiers (workspace_id, profile_id)",
            """
            CREATE TABLE identity_merges (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              merge_no BIGINT NOT NULL, into_profile TEXT NOT NULL, from_profile TEXT NOT NULL, document TEXT NOT NULL,
              PRIMARY KEY (workspace_id, merge_no))
            """,
            "CREATE INDEX identity_merges_into ON identity_merges (workspace_id, into_profile)",
            "CREATE INDEX identity_merges_from ON identity_merges (workspace_id, from_profile)",
            """
            CREATE TABLE profile_checkpoints (workspace_id TEXT NOT NULL PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
              last_seq BIGINT NOT NULL, merge_count BIGINT NOT NULL)
            """,
            """
            CREATE TABLE segments (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              segment_id TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (workspace_id, segment_id))
            """,
            """
            CREATE TABLE segment_members (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              segment_id TEXT NOT NULL, profile_id TEXT NOT NULL, entered_at BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, segment_id, profile_id))
            """,
            """
            CREATE TABLE segment_changes (change_no BIGSERIAL PRIMARY KEY,
              workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              segment_id TEXT NOT NULL, profile_id TEXT NOT NULL, kind TEXT NOT NULL, at BIGINT NOT NULL)
            """,
            "CREATE INDEX segment_changes_by_segment ON segment_changes (workspace_id, segment_id, change_no)",
            """
            CREATE TABLE segment_sizes (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              segment_id TEXT NOT NULL, at BIGINT NOT NULL, size BIGINT NOT NULL, PRIMARY KEY (workspace_id, segment_id, at))
            """,
            """
            CREATE TABLE api_tokens (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              token_hash TEXT NOT NULL, label TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, token_hash))
            """,
            "CREATE UNIQUE INDEX api_tokens_by_hash ON api_tokens (token_hash)",
        ]
    )
}
