import BeaconCore
import BeaconStore
import Foundation

/// A workspace's data written back out, page by page (never the whole log in memory):
///
/// - `events`: the event log as Segment-shaped JSON lines, in log order — what
///   `beacon import events` reads, so a workspace can be moved or replayed elsewhere;
/// - `orders`: one CSV row per order and refund (`customer_id,order_id,timestamp,amount,currency`,
///   refunds negative) read through `Order` and `Refund` as every reader counts them — what
///   `beacon import orders` reads with its default column map;
/// - `profiles`: one CSV row per unified profile with its identifiers, order totals and the
///   predictions of the last refresh (and the date they were computed as of), after the
///   profiles have folded every event in the log.
public struct WorkspaceExport: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case events, orders, profiles
    }

    let events: any EventStore
    let engine: ProfileEngine
    /// Events or profiles read per page.
    public var pageSize = 5_000

    public init(runtime: BeaconRuntime) {
        events = runtime.stores.events
        engine = runtime.profiles
    }

    static let orderHeader = ["customer_id", "order_id", "timestamp", "amount", "currency"]
    static let profileHeader = [
        "profile_id", "user_id", "email", "name", "first_seen", "last_seen", "events", "orders", "revenue", "refunded",
        "lifetime_value", "last_order_at", "p_alive", "predicted_clv", "churn_risk", "rfm_segment", "persona",
        "predictions_as_of",
    ]

    /// Writes `kind` of the workspace to `write`, one chunk of lines per page (each line ends
    /// with `\n`); `progress` gets the rows written so far. Returns the rows written.
    public func write(
        _ kind: Kind, workspaceId: String, to write: (String) throws -> Void,
        progress: (Int) -> Void = { _ in }
    ) async throws -> Int {
        var rows = 0
        switch kind {
        case .events:
            var after: Int64? = nil
            while true {
                let page = try await events.events(in: workspaceId, after: after, limit: pageSize)
                guard let last = page.last else { break }
                try write(page.map { $0.event.json.serialized() + "\n" }.joined())
                rows += page.count
                after = last.sequence
                progress(rows)
            }
        case .orders:
            try write(CSVRecord.line(Self.orderHeader) + "\n")
            var after: Int64? = nil
            while true {
                let page = try await events.events(in: workspaceId, after: after, limit: pageSize)
                guard let last = page.last else { break }
                let lines = page.compactMap { Self.orderLine($0.event) }
                try write(lines.map { $0 + "\n" }.joined())
                rows += lines.count
                after = last.sequence
                progress(rows)
            }
        case .profiles:
            _ = try await engine.catchUp(workspaceId: workspaceId)
            try write(CSVRecord.line(Self.profileHeader) + "\n")
            var after: String? = nil
            while true {
                let page = try await engine.profileStore.listProfiles(workspaceId: workspaceId, after: after, limit: pageSize)
                guard let last = page.last else { break }
                try write(page.map { CSVRecord.line(Self.profileFields($0), protectingFormulas: true) + "\n" }.joined())
                rows += page.count
                after = last.id
                progress(rows)
            }
        }
        return rows
    }

    /// An order or refund as an order-file row; nil for other events.
    static func orderLine(_ event: Event) -> String? {
        let customer = event.userId ?? event.anonymousId ?? ""
        let fields: [String]
        if let order = Order(event) {
            fields = [customer, order.orderId ?? event.messageId, Timestamp.format(order.time), number(order.revenue), order.currency ?? ""]
        } else if let refund = Refund(event) {
            fields = [
                customer, refund.orderId ?? event.messageId, Timestamp.format(refund.time), number(refund.revenue),
                refund.currency ?? "",
            ]
        } else {
            return nil
        }
        return CSVRecord.line(fields, protectingFormulas: true)
    }

    static func profileFields(_ p: Profile) -> [String] {
        let predictions = p.predictions
        return [
            p.id, p.identifier(Identifier.userId) ?? "", p.email ?? "", p.name ?? "", Timestamp.format(p.firstSeen),
            Timestamp.format(p.lastSeen), String(p.eventCount), String(p.orders.count), number(p.orders.revenue),
            number(p.orders.refunded), number(p.orders.lifetimeValue), p.orders.lastAt.map(Timestamp.format) ?? "",
            predictions?.pAlive.map(number) ?? "", predictions?.predictedCLV.map(number) ?? "",
            predictions?.churnRisk.map(number) ?? "", predictions?.rfmSegment ?? "", predictions?.clusterPersona ?? "",
            predictions?.asOf.map(Timestamp.format) ?? "",
        ]
    }

    /// Money and scores as the shortest decimal that reads back the same, whole numbers without `.0`.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }
}
