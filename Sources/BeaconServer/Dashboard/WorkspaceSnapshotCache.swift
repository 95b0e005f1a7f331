import BeaconCore
import BeaconEngine
import Foundation

/// Keeps each workspace's latest `WorkspaceSnapshot` and the analyses derived from it in
/// memory, rebuilt only when the workspace's event count changes (the log is append-only,
/// so a new count means new events). A rebuild asks the analytics query port for the orders;
/// it never loads the event log.
actor WorkspaceSnapshotCache {
    private struct Entry {
        var snapshot: WorkspaceSnapshot
        var derived: [String: any Sendable] = [:]
    }

    private let analytics: WorkspaceAnalytics
    private var entries: [String: Entry] = [:]

    init(analytics: WorkspaceAnalytics) {
        self.analytics = analytics
    }

    /// The snapshot of `workspace` as of now.
    func snapshot(of workspace: Workspace) async throws -> WorkspaceSnapshot {
        let span = try await analytics.span(of: workspace.id)
        if let hit = entries[workspace.id], hit.snapshot.eventCount == span.events { return hit.snapshot }
        let orders = try await analytics.channelOrders(of: workspace.id)
        let snapshot = WorkspaceSnapshot(workspace: workspace, span: span, orders: orders)
        entries[workspace.id] = Entry(snapshot: snapshot)
        return snapshot
    }

    /// The snapshot's acquisition cohorts as of `date` (the Cohorts page's and the report's),
    /// computed once per snapshot and date.
    func cohorts(of snapshot: WorkspaceSnapshot, asOf date: Date) async throws -> WorkspaceCohorts? {
        let analytics = self.analytics
        return try await derived("cohorts@\(date.timeIntervalSince1970)", of: snapshot) {
            try await WorkspaceCohorts.of(analytics: analytics, workspaceId: $0.workspace.id, asOf: date)
        }
    }

    /// An analysis of the snapshot (attribution, spend totals), computed once per snapshot.
    func derived<T: Sendable>(
        _ key: String, of snapshot: WorkspaceSnapshot, compute: @Sendable (WorkspaceSnapshot) async throws -> T
    ) async rethrows -> T {
        if let entry = entries[snapshot.workspace.id], entry.snapshot.eventCount == snapshot.eventCount,
            let stored = entry.derived[key], let hit = stored as? T
        {
            return hit
        }
        let value = try await compute(snapshot)
        if entries[snapshot.workspace.id]?.snapshot.eventCount == snapshot.eventCount {
            entries[snapshot.workspace.id]?.derived[key] = value
        }
        return value
    }
}
