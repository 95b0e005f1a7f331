import BeaconCore
import Foundation
import GRDB

extension SQLiteEventStore: ImportJobStore {
    public func saveImportJob(_ job: ImportJob) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_jobs (workspace_id, job_id, kind, file_name, started_at, rows_read, rows_skipped,
                      events_stored, progress_done, progress_total, state, finished_at, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (workspace_id, job_id) DO UPDATE SET kind = excluded.kind, file_name = excluded.file_name,
                      started_at = excluded.started_at, rows_read = excluded.rows_read, rows_skipped = excluded.rows_skipped,
                      events_stored = excluded.events_stored, progress_done = excluded.progress_done,
                      progress_total = excluded.progress_total, state = excluded.state, finished_at = excluded.finished_at,
                      error = excluded.error
                    """,
                arguments: [
                    job.workspaceId, job.id, job.kind.rawValue, job.fileName, Timestamp.milliseconds(job.startedAt),
                    job.rowsRead, job.rowsSkipped, job.eventsStored, job.progressDone, job.progressTotal,
                    job.state.rawValue, job.finishedAt.map(Timestamp.milliseconds), job.error,
                ])
        }
    }

    public func importJobs(workspaceId: String, limit: Int) async throws -> [ImportJob] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "\(Self.importJobColumns) WHERE workspace_id = ? ORDER BY started_at DESC, job_id DESC LIMIT ?",
                arguments: [workspaceId, limit]
            ).map(Self.importJob)
        }
    }

    public func importJob(workspaceId: String, id: String) async throws -> ImportJob? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "\(Self.importJobColumns) WHERE workspace_id = ? AND job_id = ?", arguments: [workspaceId, id]
            ).map(Self.importJob)
        }
    }

    static let importJobColumns = """
        SELECT workspace_id, job_id, kind, file_name, started_at, rows_read, rows_skipped, events_stored,
          progress_done, progress_total, state, finished_at, error FROM import_jobs
        """

    static func importJob(_ row: Row) -> ImportJob {
        let finished: Int64? = row[11]
        return ImportJob(
            workspaceId: row[0], id: row[1], kind: ImportJob.Kind(rawValue: row[2]) ?? .events, fileName: row[3],
            startedAt: Timestamp.date(milliseconds: row[4]), rowsRead: row[5], rowsSkipped: row[6], eventsStored: row[7],
            progressDone: row[8], progressTotal: row[9], state: ImportJob.State(rawValue: row[10]) ?? .failed,
            finishedAt: finished.map(Timestamp.date(milliseconds:)), error: row[12])
    }
}
