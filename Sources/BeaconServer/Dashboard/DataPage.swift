import BeaconCore
import Foundation

/// The data page: workspaces with their event counts, how write keys are handled, and the
/// live event debugger (the newest events, then polling for more).
struct DataPage: Sendable {
    struct WorkspaceRow: Sendable {
        var name: String
        var created: String
        var events: String
        var current: Bool
    }

    struct EventRow: Sendable {
        var sequence: String
        var time: String
        var type: String
        var name: String
        var who: String
        var json: String
    }

    var workspaces: [WorkspaceRow]
    var events: [EventRow]
    var empty: Bool
    var lastSequence: String
    var workspaceName: String
    /// One write key as the page lists it.
    struct KeyRow: Sendable {
        var label: String
        var fingerprint: String
        var created: String
    }

    /// The workspace's write keys and whether the viewer may add or revoke them (set by the controller).
    var keys: [KeyRow] = []
    var canManageKeys = false
    /// Whether the viewer may upload a file to import (members and above; set by the controller).
    var canImport = false
    /// Recent `beacon import` runs (set by the controller).
    var imports = ImportStatusView(jobs: [])
    /// Suppressed subjects and their dropped events (set by the controller).
    var suppression = SuppressionPanel()

    /// One webhook source (Shopify, Stripe) with its latest deliveries.
    struct SourceRow: Sendable {
        struct Delivery: Sendable {
            var time: String
            var topic: String
            var outcome: String
            var stored: String
            var detail: String
        }

        var name: String
        var kind: String
        var path: String
        var deliveries: [Delivery]
        var hasDeliveries: Bool { !deliveries.isEmpty }
    }

    /// The workspace's webhook sources (set by the controller).
    var sources: [SourceRow] = []
    /// Deliveries listed per source.
    static let deliveriesShown = 10

    /// A source's row with its latest deliveries, newest first.
    static func row(_ source: WebhookSource, deliveries: [WebhookDelivery]) -> SourceRow {
        SourceRow(
            name: source.name, kind: source.kind.rawValue, path: "/v1/sources/\(source.id)",
            deliveries: deliveries.map {
                SourceRow.Delivery(
                    time: Timestamp.format($0.receivedAt), topic: $0.topic, outcome: $0.outcome.rawValue,
                    stored: DashboardFormat.count($0.eventsStored), detail: $0.detail)
            })
    }

    /// Rows shown before polling takes over.
    static let recentCount = 50

    /// - Parameter newest: the workspace's newest events, newest first (at most `recentCount`).
    init(snapshot: WorkspaceSnapshot, newest: [StoredEvent], workspaces: [Workspace], eventCounts: [String: Int]) {
        self.workspaces = workspaces.map {
            WorkspaceRow(
                name: $0.name, created: DashboardFormat.day($0.createdAt),
                events: DashboardFormat.count(eventCounts[$0.id] ?? 0),
                current: $0.id == snapshot.workspace.id)
        }
        events = newest.prefix(Self.recentCount).map(Self.row)
        empty = newest.isEmpty
        lastSequence = String(newest.first?.sequence ?? 0)
        workspaceName = snapshot.workspace.name
    }

    /// One debugger row: what a person scans for (type, name, who) and the full JSON.
    static func row(_ stored: StoredEvent) -> EventRow {
        let e = stored.event
        let name = e.event ?? e.name ?? e.groupId ?? e.previousId ?? ""
        return EventRow(
            sequence: String(stored.sequence), time: Timestamp.format(e.timestamp), type: e.type.rawValue, name: name,
            who: e.userId ?? e.anonymousId ?? "", json: e.json.serialized())
    }
}
