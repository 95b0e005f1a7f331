import BeaconCore
import BeaconStore
import Foundation

/// Read access to workspaces' event logs for the server and the command line: pages in log
/// order, the newest events, and counts. Analyses read the analytics query port
/// (`WorkspaceAnalytics`), never a whole log.
///
/// Appends go through `GroupCommitter`, never through this reader.
public struct EventLogReader: Sendable {
    let store: any EventStore

    public init(store: any EventStore) {
        self.store = store
    }

    /// Events of a workspace in log order after sequence `after`, at most `limit` of them.
    public func events(in workspaceId: String, after: Int64?, limit: Int) async throws -> [StoredEvent] {
        try await store.events(in: workspaceId, after: after, limit: limit)
    }

    /// The newest `limit` events of a workspace, newest first.
    public func newestEvents(in workspaceId: String, limit: Int) async throws -> [StoredEvent] {
        try await store.newestEvents(in: workspaceId, limit: limit)
    }

    /// The workspace's events before `to` that `keep` selects, in log order, read a page at a
    /// time so memory holds only what is kept (feedback answers among all events, say).
    public func events(
        in workspaceId: String, to: Date? = nil, pageSize: Int = 5_000, where keep: (Event) -> Bool
    ) async throws -> [Event] {
        var kept: [Event] = []
        var after: Int64? = nil
        while true {
            let page = try await store.events(in: workspaceId, from: nil, to: to, after: after, limit: pageSize)
            guard let last = page.last else { break }
            kept += page.lazy.map(\.event).filter(keep)
            after = last.sequence
        }
        return kept
    }

    /// The number of events stored for a workspace.
    public func eventCount(in workspaceId: String) async throws -> Int {
        try await store.eventCount(in: workspaceId)
    }
}
