extension Migrations {
    /// Scheduled email reports (one row per user, workspace and schedule) and each of their runs,
    /// keyed by the time the run was due so that a run is recorded, and sent, once.
    static let m140ReportSchedules = Migration(
        id: "140_report_schedules",
        sqlite: reportScheduleTables(integer: "INTEGER"),
        postgres: reportScheduleTables(integer: "BIGINT")
    )

    private static func reportScheduleTables(integer: String) -> [String] {
        [
            """
            CREATE TABLE report_schedules (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              id TEXT NOT NULL, user_id TEXT NOT NULL REFERENCES dashboard_users(id) ON DELETE CASCADE,
              name TEXT NOT NULL, cron TEXT NOT NULL, time_zone TEXT NOT NULL, destination_id TEXT NOT NULL,
              active \(integer) NOT NULL, next_run_at \(integer), created_at \(integer) NOT NULL,
              PRIMARY KEY (workspace_id, id))
            """,
            "CREATE INDEX report_schedules_due ON report_schedules (active, next_run_at)",
            """
            CREATE TABLE report_schedule_runs (workspace_id TEXT NOT NULL, schedule_id TEXT NOT NULL,
              scheduled_at \(integer) NOT NULL, run_trigger TEXT NOT NULL, owner TEXT NOT NULL,
              started_at \(integer) NOT NULL, sent_at \(integer), status TEXT NOT NULL, error TEXT, message_id TEXT,
              PRIMARY KEY (workspace_id, schedule_id, scheduled_at),
              FOREIGN KEY (workspace_id, schedule_id) REFERENCES report_schedules(workspace_id, id) ON DELETE CASCADE)
            """,
        ]
    }
}
