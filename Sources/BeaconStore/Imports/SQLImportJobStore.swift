import BeaconCore
import Foundation

/// Import jobs in SQL written once for both backends: one row per run, replaced as it progresses.
struct SQLImportJobStore: ImportJobStore {
    let driver: any SQLDriver

    func saveImportJob(_ job: ImportJob) async throws {
        try await driver.execute(
            """
            INSERT INTO import_jobs (workspace_id, job_id, kind, file_name, started_at, rows_read, rows_skipped,
              events_stored, progress_done, progress_total, state, finished_at, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (workspace_id, job_id) DO UPDATE SET kind = excluded.kind, file_name = excluded.file_name,
              started_at = excluded.started_at, rows_read = excluded.rows_read, rows_skipped = excluded.rows_skipped,
              events_stored = excluded.events_stored, progress_done = excluded.progress_done,
              progress_total = excluded.progress_total, state = excluded.state, finished_at = excluded.finished_at,
              error = excluded.error
            """,
            [
                .text(job.workspaceId), .text(job.id), .text(job.kind.rawValue), .text(job.fileName),
                SQLValue(job.startedAt), SQLValue(job.rowsRead), SQLValue(job.rowsSkipped), SQLValue(job.eventsStored),
                SQLValue(job.progressDone), SQLValue(job.progressTotal), .text(job.state.rawValue),
                SQLValue(job.finishedAt), SQLValue(job.error),
            ])
    }

    func importJobs(workspaceId: String, limit: Int) async throws -> [ImportJob] {
        try await jobs(
            "\(Self.columns) WHERE workspace_id = ? ORDER BY started_at DESC, job_id DESC LIMIT ?",
            [.text(workspaceId), SQLValue(limit)])
    }

    func importJob(workspaceId: String, id: String) async throws -> ImportJob? {
        try await jobs("\(Self.columns) WHERE workspace_id = ? AND job_id = ?", [.text(workspaceId), .text(id)]).first
    }

    static let columns = """
        SELECT workspace_id, job_id, kind, file_name, started_at, rows_read, rows_skipped, events_stored,
          progress_done, progress_total, state, finished_at, error FROM import_jobs
        """

    private func jobs(_ sql: String, _ arguments: [SQLValue]) async throws -> [ImportJob] {
        try await driver.query(sql, arguments).map { row in
            ImportJob(
                workspaceId: try row.string("workspace_id"), id: try row.string("job_id"),
                kind: ImportJob.Kind(rawValue: try row.string("kind")) ?? .events, fileName: try row.string("file_name"),
                startedAt: try row.date("started_at"), rowsRead: try row.int("rows_read"),
                rowsSkipped: try row.int("rows_skipped"), eventsStored: try row.int("events_stored"),
                progressDone: try row.int("progress_done"), progressTotal: try row.int("progress_total"),
                state: ImportJob.State(rawValue: try row.string("state")) ?? .failed,
                finishedAt: try row.optionalDate("finished_at"), error: try row.optionalString("error"))
        }
    }
}
