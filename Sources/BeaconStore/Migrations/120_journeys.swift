extension Migrations {
    /// Journeys, their immutable versions, each person's run through one (`journey_states`),
    /// the signals the profile projection leaves for the runner, and per-step funnel counters.
    ///
    /// `journey_guards` never holds a row: its check fails an insert of 0, which a runner's
    /// transition uses to abort itself whole when the state it claimed was changed meanwhile.
    static let m120Journeys = Migration(
        id: "120_journeys",
        sqlite: journeyTables(
            stateKey: "id INTEGER PRIMARY KEY AUTOINCREMENT", signalKey: "seq INTEGER PRIMARY KEY AUTOINCREMENT",
            integer: "INTEGER"),
        postgres: journeyTables(
            stateKey: "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
            signalKey: "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", integer: "BIGINT")
    )

    private static func journeyTables(stateKey: String, signalKey: String, integer: String) -> [String] {
        [
            """
            CREATE TABLE journeys (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              id TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, live_version \(integer),
              history TEXT NOT NULL, paused_at \(integer), created_at \(integer) NOT NULL, updated_at \(integer) NOT NULL,
              PRIMARY KEY (workspace_id, id), UNIQUE (workspace_id, name))
            """,
            """
            CREATE TABLE journey_versions (workspace_id TEXT NOT NULL, journey_id TEXT NOT NULL,
              version \(integer) NOT NULL, definition TEXT NOT NULL, created_at \(integer) NOT NULL,
              published_at \(integer), PRIMARY KEY (workspace_id, journey_id, version),
              FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys(workspace_id, id) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE journey_states (\(stateKey), workspace_id TEXT NOT NULL, journey_id TEXT NOT NULL,
              profile_id TEXT NOT NULL, entry \(integer) NOT NULL, version \(integer) NOT NULL, step TEXT NOT NULL,
              status TEXT NOT NULL, parked \(integer) NOT NULL, due_at \(integer) NOT NULL, variant TEXT,
              skip_sends \(integer) NOT NULL, moves \(integer) NOT NULL, last_commit TEXT, lease_owner TEXT,
              lease_until \(integer), entered_at \(integer) NOT NULL, updated_at \(integer) NOT NULL,
              UNIQUE (workspace_id, journey_id, profile_id, entry))
            """,
            "CREATE INDEX journey_states_due ON journey_states (status, due_at)",
            "CREATE INDEX journey_states_profile ON journey_states (workspace_id, profile_id, status)",
            "CREATE INDEX journey_states_step ON journey_states (workspace_id, journey_id, version, step, status)",
            """
            CREATE TABLE journey_signals (\(signalKey), workspace_id TEXT NOT NULL, profile_id TEXT NOT NULL,
              kind TEXT NOT NULL, name TEXT NOT NULL, properties TEXT, at \(integer) NOT NULL, lease_owner TEXT,
              lease_until \(integer))
            """,
            "CREATE INDEX journey_signals_profile ON journey_signals (workspace_id, profile_id, seq)",
            """
            CREATE TABLE journey_funnel (workspace_id TEXT NOT NULL, journey_id TEXT NOT NULL,
              version \(integer) NOT NULL, step TEXT NOT NULL, entered \(integer) NOT NULL, advanced \(integer) NOT NULL,
              migrated \(integer) NOT NULL, completed \(integer) NOT NULL, exited \(integer) NOT NULL,
              converted \(integer) NOT NULL, failed \(integer) NOT NULL, PRIMARY KEY (workspace_id, journey_id, version, step))
            """,
            "CREATE TABLE journey_guards (ok \(integer) NOT NULL CHECK (ok = 1))",
        ]
    }
}
