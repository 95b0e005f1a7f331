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
    }
}

/// A secret shown once (a new webhook destination's, or a rotated one).
struct DestinationSecretPage: Sendable {
    var name: String
    var secret: String
    var backHref: String
}
