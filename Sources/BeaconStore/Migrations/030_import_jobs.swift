extension Migrations {
    /// Runs of `beacon import`, one row per run keyed by workspace and job id.
    static let m030ImportJobs = Migration(
        id: "030_import_jobs",
        sqlite: [
            """
            CREATE TABLE import_jobs (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              job_id TEXT NOT NULL, kind TEXT NOT NULL, file_name TEXT NOT NULL, started_at INTEGER NOT NULL,
              rows_read INTEGER NOT NULL, rows_skipped INTEGER NOT NULL, events_stored INTEGER NOT NULL,
              progress_done INTEGER NOT NULL, progress_total INTEGER NOT NULL, state TEXT NOT NULL,
              finished_at INTEGER, error TEXT, PRIMARY KEY (workspace_id, job_id))
            """,
            "CREATE INDEX import_jobs_by_start ON import_jobs (workspace_id, started_at)",
        ],
        postgres: [
            """
            CREATE TABLE import_jobs (workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
              job_id TEXT NOT NULL, kind TEXT NOT NULL, file_name TEXT NOT NULL, started_at BIGINT NOT NULL,
              rows_read BIGINT NOT NULL, rows_skipped BIGINT NOT NULL, events_stored BIGINT NOT NULL,
              progress_done BIGINT NOT NULL, progress_total BIGINT NOT NULL, state TEXT NOT NULL,
              finished_at BIGINT, error TEXT, PRIMARY KEY (workspace_id, job_id))
            """,
            "CREATE INDEX import_jobs_by_start ON import_jobs (workspace_id, started_at)",
        ]
    )
}
