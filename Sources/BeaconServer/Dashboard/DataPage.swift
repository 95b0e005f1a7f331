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
    /// The workspaces and the newest events as tables for the CSV download.
    var workspacesTable: DashboardTable
    var eventsTable: DashboardTable
    /// One write key as the page lists it.
    struct KeyRow: Sendable {
        var label: String
        var fingerprint: String
        var created: String
    }

    /// The workspace's write keys and whether the viewer may add or revoke them (set by the controller).
    var keys: [KeyRow] = [] {
        didSet { keysTable = keys.isEmpty ? nil : Self.table(of: keys, workspaceName: workspaceName) }
    }
    /// `keys` as a table, nil when there are none (kept with them: templates see stored properties only).
    var keysTable: DashboardTable?
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
        /// The deliveries as a table for the CSV download (`deliveries-<source id>`).
        var table: DashboardTable
    }

    /// The workspace's webhook sources (set by the controller).
    var sources: [SourceRow] = []

    /// The write keys as a table for the CSV download (`write_keys`; the page shows them with
    /// their buttons).
    static func table(of keys: [KeyRow], workspaceName: String) -> DashboardTable {
        DashboardTable(
            id: "write_keys", title: "Write keys of \(workspaceName)",
            columns: [.init("Source"), .init("Fingerprint"), .init("Created")],
            rows: keys.map { [.text($0.label), .text($0.fingerprint), .text($0.created)] }, currency: .usDollar)
    }

    /// The tables the page shows (those with rows), for the CSV download.
    var tables: [DashboardTable] {
        ([workspacesTable, imports.table] + [keysTable].compactMap { $0 } + sources.map(\.table) + [eventsTable])
            .filter { !$0.rows.isEmpty }
    }
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
            },
            table: DashboardTable(
                id: "deliveries-" + source.id, title: "Latest deliveries of \(source.name), newest first",
                columns: [.init("Received (UTC)"), .init("Topic"), .init("Outcome"), .init("Events stored", .count), .init("Detail")],
                rows: deliveries.map {
                    [.text(Timestamp.format($0.receivedAt)), .text($0.topic), .text($0.outcome.rawValue), .count($0.eventsStored),
                     .text($0.detail)]
                },
                currency: .usDollar))
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
        let events = newest.prefix(Self.recentCount).map(Self.row)
        self.events = events
        empty = newest.isEmpty
        workspacesTable = DashboardTable(
            id: "workspaces", title: "Workspaces on this server",
            columns: [.init("Workspace"), .init("Created", .date), .init("Events", .count)],
            rows: workspaces.map { [.text($0.name), .date($0.createdAt), .count(eventCounts[$0.id] ?? 0)] },
            currency: .usDollar)
        eventsTable = DashboardTable(
            id: "events", title: "Newest events, newest first",
            columns: [.init("#", .count), .init("Time (UTC)"), .init("Type"), .init("Event / name"), .init("User"), .init("Payload")],
            rows: events.map { r in
                [.count(Int(r.sequence) ?? 0), .text(r.time), .text(r.type), .text(r.name), .text(r.who), .text(r.json)]
            },
            currency: .usDollar)
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
