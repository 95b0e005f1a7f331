/// One schema change, written for both backends, identified by an id that never changes.
///
/// Migrations are applied in the order of `Migrations.all`; a landed migration is never
/// edited, a change is a new migration appended to the list.
public struct Migration: Sendable {
    public var id: String
    public var sqlite: [String]
    public var postgres: [String]
}

/// The ordered list of Beacon's schema migrations.
public enum Migrations {
    public static let all: [Migration] = [
        Migration(
            id: "001_workspaces",
            sqlite: ["CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL)"],
            postgres: ["CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL)"]
        ),
        Migration(
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
        ),
        Migration(
            id: "003_events",
            sqlite: [
                """
                CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT,
                  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                  message_id TEXT NOT NULL, type TEXT NOT NULL, user_id TEXT, anonymous_id TEXT, event TEXT,
                  timestamp INTEGER NOT NULL, received_at INTEGER NOT NULL, payload TEXT NOT NULL,
                  UNIQUE (workspace_id, message_id))
                """,
                "CREATE INDEX events_by_time ON events (workspace_id, timestamp)",
                "CREATE INDEX events_by_user ON events (workspace_id, user_id)",
                "CREATE INDEX events_by_anonymous ON events (workspace_id, anonymous_id)",
            ],
            postgres: [
                """
                CREATE TABLE events (seq BIGSERIAL NOT NULL,
                  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                  message_id TEXT NOT NULL, type TEXT NOT NULL, user_id TEXT, anonymous_id TEXT, event TEXT,
                  timestamp BIGINT NOT NULL, received_at BIGINT NOT NULL, payload JSONB NOT NULL,
                  PRIMARY KEY (workspace_id, message_id))
                """,
                "CREATE INDEX events_by_seq ON events (workspace_id, seq)",
                "CREATE INDEX events_by_time ON events (workspace_id, timestamp)",
                "CREATE INDEX events_by_user ON events (workspace_id, user_id)",
                "CREATE INDEX events_by_anonymous ON events (workspace_id, anonymous_id)",
            ]
        ),
    ] + ProfileMigrations.all + UserMigrations.all + ImportJobMigrations.all
}
