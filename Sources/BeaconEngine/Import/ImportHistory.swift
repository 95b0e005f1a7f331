import BeaconCore
import BeaconStore
import Foundation

/// The record of a workspace's `beacon import` runs, for the dashboard's data page and the
/// import status API; `ImportJobRecorder` writes them.
public struct ImportHistory: Sendable {
    let store: any ImportJobStore

    public init(store: any ImportJobStore) {
        self.store = store
    }

    /// The workspace's jobs, newest start first, at most `limit`.
    public func jobs(workspaceId: String, limit: Int) async throws -> [ImportJob] {
        try await store.importJobs(workspaceId: workspaceId, limit: limit)
    }

    /// One job of the workspace, or nil.
    public func job(workspaceId: String, id: String) async throws -> ImportJob? {
        try await store.importJob(workspaceId: workspaceId, id: id)
    }
}
