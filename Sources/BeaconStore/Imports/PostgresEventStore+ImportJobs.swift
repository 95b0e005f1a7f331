import BeaconCore
import Foundation
import PostgresNIO

extension PostgresEventStore: ImportJobStore {
    public func saveImportJob(_ job: ImportJob) async throws {
        let started = Timestamp.milliseconds(job.startedAt), finished = job.finishedAt.map(Timestamp.milliseconds)
        let (read, skipped, stored) = (Int64(job.rowsRead), Int64(job.rowsSkipped), Int64(job.eventsStored))
        let (done, total) = (Int64(job.progressDone), Int64(job.progressTotal))
        try await client.query(
            """
            INSERT INTO import_jobs (workspace_id, job_id, kind, file_name, started_at, rows_read, rows_skipped,
              events_stored, progress_done, progress_total, state, finished_at, error)
            VALUES (\(job.workspaceId), \(job.id), \(job.kind.rawValue), \(job.fileName), \(started), \(read), \(skipped),
              \(stored), \(done), \(total), \(job.state.rawValue), \(finished), \(job.error))
            ON CONFLICT (workspace_id, job_id) DO UPDATE SET kind = excluded.kind, file_name = excluded.file_name,
              started_at = excluded.started_at, rows_read = excluded.rows_read, rows_skipped = excluded.rows_skipped,
              events_stored = excluded.events_stored, progress_done = excluded.progress_done,
              progress_total = excluded.progress_total, state = excluded.state, finished_at = excluded.finished_at,
              error = excluded.error
            """, logger: logger)
    }

    public func importJobs(workspaceId: String, limit: Int) async throws -> [ImportJob] {
        let limit = Int64(limit)
        return try await importJobRows(
            """
            SELECT workspace_id, job_id, kind, file_name, started_at, rows_read, rows_skipped, events_stored,
              progress_done, progress_total, state, finished_at, error FROM import_jobs
            WHERE workspace_id = \(workspaceId) ORDER BY started_at DESC, job_id DESC LIMIT \(limit)
            """)
    }

    public func importJob(workspaceId: String, id: String) async throws -> ImportJob? {
        try await importJobRows(
            """
            SELECT workspace_id, job_id, kind, file_name, started_at, rows_read, rows_skipped, events_stored,
              progress_done, progress_total, state, finished_at, error FROM import_jobs
            WHERE workspace_id = \(workspaceId) AND job_id = \(id)
            """
        ).first
    }

    private func importJobRows(_ query: PostgresQuery) async throws -> [ImportJob] {
        var out: [ImportJob] = []
        let rows = try await client.query(query, logger: logger).decode(
            (String, String, String, String, Int64, Int64, Int64, Int64, Int64, Int64, String, Int64?, String?).self)
        for try await (ws, id, kind, file, started, read, skipped, stored, done, total, state, finished, error) in rows {
            out.append(
                ImportJob(
                    workspaceId: ws, id: id, kind: ImportJob.Kind(rawValue: kind) ?? .events, fileName: file,
                    startedAt: Timestamp.date(milliseconds: started), rowsRead: Int(read), rowsSkipped: Int(skipped),
                    eventsStored: Int(stored), progressDone: Int(done), progressTotal: Int(total),
                    state: ImportJob.State(rawValue: state) ?? .failed,
                    finishedAt: finished.map(Timestamp.date(milliseconds:)), error: error))
        }
        return out
    }
}
