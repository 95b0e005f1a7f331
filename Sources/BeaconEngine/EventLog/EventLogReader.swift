import BeaconCore
import BeaconStore
import Foundation

/// Read access to workspaces' event logs for the server and the command line: pages in log
/// order, counts, and (for the analyses that still need it) a whole workspace's log.
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

    /// Every event of a workspace whose event time is in `[from, to)`, in log order.
    public func allEvents(in workspaceId: String, from: Date? = nil, to: Date? = nil) async throws -> [StoredEvent] {
        try await store.allEvents(in: workspaceId, from: from, to: to)
    }

    /// The number of events stored for a workspace.
    public func eventCount(in workspaceId: String) async throws -> Int {
        try await store.eventCount(in: workspaceId)
    }
}
