import BeaconAnalytics
import BeaconCore
import Foundation

/// The one RFM computation of a workspace: every caller (`beacon rfm --workspace`, the
/// prediction refresh behind the RFM system segments, the dashboard's Overview, Personas and
/// customer health) goes through `analysis(of:asOf:)`.
///
/// The input is each profile's own order history as the profile projection keeps it in
/// memory — one line per `Order Completed` at its real amount (`Order`), one
/// negative line per `Order Refunded` (`Refund`: negative whatever its sign, as in the profile
/// fold) — up to and including `asOf`. No event log is read. A customer is a
/// profile with a purchase (an order with a positive net amount) by then, named by its
/// `userId` (the smallest, when a merge left several), else its profile id; lines group by
/// `order_id` within the order and refund kinds, so a refund never nets against its order
/// (a return is money back, not a cancelled purchase). Recency is counted in whole UTC days
/// from the last purchase's day to the as-of day; scores and segments are `RFMAnalysis`'s.
public enum CustomerRFM {
    /// One scored customer and the profile it belongs to.
    struct Scored {
        var node: Int
        var customer: RFMAnalysis.Customer
    }

    /// The order lines of one profile up to `asOf`, as RFM input.
    static func orderLines(customerID: String, history: [String: [Activity]], asOf: Date) -> [OrderRecord] {
        var lines: [OrderRecord] = []
        for (name, prefix) in [(Activity.orderCompleted, "o:"), (Activity.orderRefunded, "r:")] {
            for a in Activity.through(asOf, in: history[name] ?? []) {
                // What the line adds to revenue, read as every reader reads it (`Order`, `Refund`).
                let revenue =
                    Order(name: name, properties: a.properties, at: a.timestamp)?.revenue
                    ?? Refund(name: name, properties: a.properties, at: a.timestamp)?.revenue ?? 0
                let orderID = a.properties["order_id"].map { prefix + ($0.stringValue ?? $0.serialized()) }
                lines.append(
                    OrderRecord(
                        customerID: customerID, orderID: orderID, day: WorkspaceToday.dayNumber(a.timestamp),
                        amount: revenue))
            }
        }
        return lines
    }

    /// The customer id RFM reports a profile under.
    static func customerID(_ p: Profile) -> String {
        p.identifier(Identifier.userId) ?? p.id
    }

    /// RFM of every profile as of `asOf`, nil when fewer than two customers have a purchase by then.
    static func analysis(of profiles: WorkspaceProfiles, asOf: Date) -> (analysis: RFMAnalysis, scored: [Scored])? {
        var lines: [OrderRecord] = []
        var nodeOf: [String: Int] = [:]
        for (node, p) in profiles.profiles where p.orders.count > 0 || p.orders.refunded != 0 {
            let id = customerID(p)
            let own = orderLines(customerID: id, history: profiles.activities[node] ?? [:], asOf: asOf)
            guard !own.isEmpty else { continue }
            nodeOf[id] = node
            lines += own
        }
        guard !lines.isEmpty,
            let rfm = try? RFMAnalysis(orders: lines, asOfDay: WorkspaceToday.dayNumber(asOf))
        else { return nil }
        return (rfm, rfm.customers.map { Scored(node: nodeOf[$0.customerID]!, customer: $0) })
    }
}
