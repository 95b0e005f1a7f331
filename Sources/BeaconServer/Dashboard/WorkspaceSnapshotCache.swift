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
        // A renamed workspace or one in another currency is read afresh, so no page shows the old name or symbol.
        if let hit = entries[workspace.id], hit.snapshot.eventCount == span.events, hit.snapshot.workspace == workspace {
            return hit.snapshot
        }
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

    /// The workspace's daily spend totals (the overview's and the report's spend cards).
    func spend(of snapshot: WorkspaceSnapshot) async throws -> (DailySpendTotals, MMMFitCache.Source) {
        let analytics = self.analytics
        return try await derived("spend", of: snapshot) {
            try await MMMFitCache.dailyTotals($0.workspace.id, analytics: analytics)
        }
    }

    /// The anomaly scan as of `date` (the overview's panel, the report's anomalies and checks).
    func anomalies(of snapshot: WorkspaceSnapshot, asOf date: Date) async throws -> AnomalyScan {
        let analytics = self.analytics
        return try await derived("anomalies@\(date.timeIntervalSince1970)", of: snapshot) {
            try await analytics.anomalies(of: $0.workspace.id, asOf: date)
        }
    }

    /// Every attribution model over all the workspace's journeys (the Attribution page's and
    /// the report's); nil when there is nothing to attribute.
    func attribution(of snapshot: WorkspaceSnapshot) async throws -> Result<AttributionComparison, AttributionFailure>? {
        let analytics = self.analytics
        return try await derived("attribution", of: snapshot) { snapshot in
            // Attribution needs every journey: the visits' narrow rows, not the events.
            AttributionPage.report(for: try await analytics.touches(of: snapshot.workspace.id))
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
