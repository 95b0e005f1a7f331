import Foundation

/// One run of `beacon import`: which file went into which workspace, how far it got and how
/// it ended, updated as it runs so the dashboard's data page can show progress.
public struct ImportJob: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case events, orders, spend }
    public enum State: String, Sendable, Codable { case running, finished, failed }

    public var workspaceId: String
    public var id: String
    public var kind: Kind
    /// The file's name as given (its last path component).
    public var fileName: String
    public var startedAt: Date
    public var rowsRead: Int
    public var rowsSkipped: Int
    public var eventsStored: Int
    /// Progress as reported by the importer: `progressDone` of `progressTotal` units
    /// (lines, rows or orders, depending on the phase); total 0 when not known yet.
    public var progressDone: Int
    public var progressTotal: Int
    public var state: State
    public var finishedAt: Date?
    /// Why a failed import stopped.
    public var error: String?

    public init(
        workspaceId: String, id: String, kind: Kind, fileName: String, startedAt: Date, rowsRead: Int = 0,
        rowsSkipped: Int = 0, eventsStored: Int = 0, progressDone: Int = 0, progressTotal: Int = 0,
        state: State = .running, finishedAt: Date? = nil, error: String? = nil
    ) {
        self.workspaceId = workspaceId
        self.id = id
        self.kind = kind
        self.fileName = fileName
        self.startedAt = startedAt
        self.rowsRead = rowsRead
        self.rowsSkipped = rowsSkipped
        self.eventsStored = eventsStored
        self.progressDone = progressDone
        self.progressTotal = progressTotal
        self.state = state
        self.finishedAt = finishedAt
        self.error = error
    }

    /// Done share in 0…1 (1 once finished; nil while the total is unknown).
    public var fraction: Double? {
        if state == .finished { return 1 }
        guard progressTotal > 0 else { return nil }
        return min(1, max(0, Double(progressDone) / Double(progressTotal)))
    }
}

/// Persistence of import jobs, one row per run keyed by workspace and job id. Implemented
/// by `SQLiteEventStore` and `PostgresEventStore`.
public protocol ImportJobStore: Sendable {
    /// Inserts the job or replaces the stored row with the same (workspace, id).
    func saveImportJob(_ job: ImportJob) async throws
    /// The workspace's jobs, newest start first.
    func importJobs(workspaceId: String, limit: Int) async throws -> [ImportJob]
    func importJob(workspaceId: String, id: String) async throws -> ImportJob?
}

/// Schema for import jobs (appended to `Migrations.all`).
enum ImportJobMigrations {
    static let all: [Migration] = [
        Migration(
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
    ]
}
