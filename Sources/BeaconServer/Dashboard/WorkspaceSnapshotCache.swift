import BeaconCore
import BeaconEngine
import Foundation

/// Keeps each workspace's latest `WorkspaceSnapshot` and the analyses derived from it in
/// memory, rebuilt only when the workspace's event count changes (the log is append-only,
/// so a new count means new events).
actor WorkspaceSnapshotCache {
    private struct Entry {
        var snapshot: WorkspaceSnapshot
        var derived: [String: any Sendable] = [:]
    }

    private let store: EventLogReader
    private var entries: [String: Entry] = [:]

    init(store: EventLogReader) {
        self.store = store
    }

    /// The snapshot of `workspace` as of now.
    func snapshot(of workspace: Workspace) async throws -> WorkspaceSnapshot {
        let count = try await store.eventCount(in: workspace.id)
        if let hit = entries[workspace.id], hit.snapshot.eventCount == count { return hit.snapshot }
        let events = try await store.allEvents(in: workspace.id)
        let snapshot = WorkspaceSnapshot(workspace: workspace, events: events)
        entries[workspace.id] = Entry(snapshot: snapshot)
        return snapshot
    }

    /// An analysis of the snapshot (attribution, personas), computed once per snapshot.
    func derived<T: Sendable>(
        _ key: String, of snapshot: WorkspaceSnapshot, compute: @Sendable (WorkspaceSnapshot) throws -> T
    ) rethrows -> T {
        if let entry = entries[snapshot.workspace.id], entry.snapshot.eventCount == snapshot.eventCount,
            let stored = entry.derived[key], let hit = stored as? T
        {
            return hit
        }
        let value = try compute(snapshot)
        if entries[snapshot.workspace.id]?.snapshot.eventCount == snapshot.eventCount {
            entries[snapshot.workspace.id]?.derived[key] = value
        }
        return value
    }
}
