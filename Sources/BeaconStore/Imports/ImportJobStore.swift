import BeaconCore
import Foundation

/// Persistence of import jobs, one row per run keyed by workspace and job id. Implemented
/// by `SQLiteEventStore` and `PostgresEventStore`.
public protocol ImportJobStore: Sendable {
    /// Inserts the job or replaces the stored row with the same (workspace, id).
    func saveImportJob(_ job: ImportJob) async throws
    /// The workspace's jobs, newest start first.
    func importJobs(workspaceId: String, limit: Int) async throws -> [ImportJob]
    func importJob(workspaceId: String, id: String) async throws -> ImportJob?
}
