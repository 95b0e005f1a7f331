import BeaconCore
import BeaconEngine
import Foundation

/// The Destinations page's view: every destination with its state and message counts and
/// the actions on it, the forms to create a webhook or email destination and to activate a
/// segment, the activations, and the email suppression list.
struct DestinationsPage: Sendable {
    struct Row: Sendable {
        var id: String
        var name: String
        var type: String
        var address: String
        var state: String
        var reason: String
        var hasReason: Bool
        var pending: Int
        var delivered: Int
        var dead: Int
        var href: String
        var isActive: Bool
        var isWebhook: Bool
    }

    struct Option: Sendable {
        var id: String
        var name: String
        var selected: Bool
    }

    struct ActivationRow: Sendable {
        var id: String
        var trigger: String
        var destination: String
    }

    struct SuppressionRow: Sendable {
        var address: String
        var reason: String
        var created: String
        var detail: String
    }

    var destinations: [Row]
    var hasDestinations: Bool
    var segments: [Option]
    var destinationOptions: [Option]
    var activations: [ActivationRow]
    var suppressions: [SuppressionRow]
    /// The segment the page was opened for (from a segment's "Activate" link), if any.
    var activateSegment: String
    var hasActivateSegment: Bool
    var canManage: Bool
    /// The destinations (`destinations`), activations (`activations`) and suppressions
    /// (`suppressions`) as tables: the page shows the activations through the table and the
    /// other two with their buttons; all three download as CSV.
    var destinationsTable: DashboardTable
    var activationsTable: DashboardTable
    var suppressionsTable: DashboardTable
    /// The tables the page shows (those with rows), for the CSV download.
    var tables: [DashboardTable] { [destinationsTable, activationsTable, suppressionsTable].filter { !$0.rows.isEmpty } }

    init(
        destinations: [(Destination, [OutboxMessage.State: Int])], segments: [SegmentDefinition],
        activations: [Activation], suppressions: [EmailSuppression], selectedSegment: String?, query: String,
        canManage: Bool
    ) {
        self.destinations = destinations.map { d, counts in
            Row(
                id: d.id, name: d.name, type: d.kind.rawValue, address: d.url, state: d.state.rawValue,
                reason: d.stateReason ?? "", hasReason: d.stateReason != nil, pending: counts[.pending] ?? 0,
                delivered: counts[.delivered] ?? 0,
                dead: counts[.dead] ?? 0, href: "/dashboard/destinations/" + DashboardQuery.encode(d.id) + query,
                isActive: d.state == .active, isWebhook: d.kind == .webhook)
        }
        hasDestinations = !destinations.isEmpty
        self.segments = segments.map { Option(id: $0.id, name: $0.name, selected: $0.id == selectedSegment) }
        destinationOptions = destinations.map { Option(id: $0.0.id, name: $0.0.name, selected: false) }
        let names = Dictionary(destinations.map { ($0.0.id, $0.0.name) }, uniquingKeysWith: { a, _ in a })
        let segmentNames = Dictionary(segments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.activations = activations.map { a in
            let trigger: String
            switch a.trigger {
            case .segment(let id, let on):
                trigger = "segment \(segmentNames[id] ?? id) " + on.sorted().map(\.rawValue).joined(separator: ", ")
            case .event(let name, let properties):
                trigger =
                    "event \(name)" + (properties.isEmpty ? "" : " where \(JSONValue.object(properties).serialized())")
            case .schedule(let id, let everyHours):
                trigger = "segment \(segmentNames[id] ?? id) reconciled every \(ChartUnit.compact(everyHours)) h"
            case .alert(let series, let email):
                trigger =
                    "alerts on " + (series.isEmpty ? "every series and check" : series.joined(separator: ", "))
                    + (email.map { " to \($0)" } ?? "")
            }
            return ActivationRow(id: a.id, trigger: trigger, destination: names[a.destinationId] ?? a.destinationId)
        }
        self.suppressions = suppressions.map {
            SuppressionRow(
                address: $0.address, reason: $0.reason.rawValue, created: DashboardFormat.day($0.createdAt),
                detail: $0.detail)
        }
        activateSegment = selectedSegment.flatMap { segmentNames[$0] } ?? ""
        hasActivateSegment = !activateSegment.isEmpty
        self.canManage = canManage
        typealias Column = DashboardTable.Column
        destinationsTable = DashboardTable(
            id: "destinations", title: "Destinations of this workspace with their messages",
            columns: [Column("Name"), Column("Type"), Column("Address"), Column("State"), Column("Reason"),
                      Column("Pending", .count), Column("Delivered", .count), Column("Dead", .count)],
            rows: self.destinations.map {
                [.text($0.name), .text($0.type), .text($0.address), .text($0.state), .text($0.reason), .count($0.pending),
                 .count($0.delivered), .count($0.dead)]
            },
            currency: .usDollar)
        activationsTable = DashboardTable(
            id: "activations", title: "What sends to which destination",
            columns: [Column("Id"), Column("When"), Column("Destination")],
            rows: self.activations.map { [.text($0.id), .text($0.trigger), .text($0.destination)] }, currency: .usDollar,
            empty: "No activations yet.")
        suppressionsTable = DashboardTable(
            id: "suppressions", title: "Suppressed addresses, newest first",
            columns: [Column("Address"), Column("Reason"), Column("Since", .date), Column("Detail")],
            rows: suppressions.map { [.text($0.address), .text($0.reason.rawValue), .date($0.createdAt), .text($0.detail)] },
            currency: .usDollar)
    }
}

/// One destination's delivery log and dead letters.
struct DestinationDetailPage: Sendable {
    struct Message: Sendable {
        var id: String
        var cause: String
        var state: String
        var attempts: Int
        var status: String
        var response: String
        var time: String
        var isDead: Bool
    }

    var id: String
    var name: String
    var type: String
    var address: String
    var state: String
    var reason: String
    var hasReason: Bool
    var settings: String
    var hasSettings: Bool
    var log: [Message]
    var dead: [Message]
    var hasDead: Bool
    var canManage: Bool
    /// The dead letters (`dead_letters`, shown with their replay buttons) and the delivery log
    /// (`log`, shown through the table), both downloadable as CSV.
    var deadTable: DashboardTable
    var logTable: DashboardTable
    /// The tables the page shows (those with rows), for the CSV download.
    var tables: [DashboardTable] { [deadTable, logTable].filter { !$0.rows.isEmpty } }

    init(destination d: Destination, log: [OutboxMessage], dead: [OutboxMessage], canManage: Bool) {
        id = d.id
        name = d.name
        type = d.kind.rawValue
        address = d.url
        state = d.state.rawValue
        reason = d.stateReason ?? ""
        hasReason = d.stateReason != nil
        settings = d.settings.filter { !["text", "html"].contains($0.key) }.sorted { $0.key < $1.key }
            .map { "\($0.key): \($0.value)" }.joined(separator: " · ")
        hasSettings = !settings.isEmpty
        func row(_ m: OutboxMessage) -> Message {
            Message(
                id: m.id, cause: m.cause, state: m.state.rawValue, attempts: m.attempts,
                status: m.lastStatus.map(String.init) ?? "—", response: m.lastError ?? "",
                time: Timestamp.format(m.deliveredAt ?? m.createdAt), isDead: m.state == .dead)
        }
        self.log = log.map(row)
        self.dead = dead.map(row)
        hasDead = !dead.isEmpty
        self.canManage = canManage
        typealias Column = DashboardTable.Column
        func table(_ id: String, _ title: String, _ messages: [Message], empty: String? = nil) -> DashboardTable {
            DashboardTable(
                id: id, title: title,
                columns: [Column("Message"), Column("Cause"), Column("State"), Column("Attempts", .count), Column("Status"),
                          Column("Response"), Column("Time (UTC)")],
                rows: messages.map {
                    [.text($0.id), .text($0.cause), .text($0.state), .count($0.attempts), .text($0.status), .text($0.response),
                     .text($0.time)]
                },
                currency: .usDollar, empty: empty)
        }
        deadTable = table("dead_letters", "Messages out of attempts or refused for good, newest first", self.dead)
        logTable = table(
            "log", "The newest messages with their last answer", self.log,
            empty: "No messages yet. Send a test from the destinations list.")
    }
}

/// A secret shown once (a new webhook destination's, or a rotated one).
struct DestinationSecretPage: Sendable {
    var name: String
    var secret: String
    var backHref: String
}
