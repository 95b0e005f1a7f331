import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// A workspace's acquisition-month cohorts as of a date: the one cohort computation behind
/// `beacon cohorts --workspace` and the dashboard's Cohorts page, so both show the same numbers.
///
/// The input is the analytics port's orders and refunds up to and including `asOf` (no event
/// log is loaded), each turned into an order line (`lines(of:)`) for `AcquisitionCohorts`,
/// the same table `beacon cohorts --input` builds from a file: a customer is the stitched
/// person of an order, their cohort the month of their first purchase (an order with a positive
/// net amount); an `Order Completed` adds its revenue and an `Order Refunded` takes its amount
/// back (`Refund.revenue`), in the month it happened. Lines group by `order_id` within orders
/// and within refunds, so a refund lowers revenue but never turns its order into a non-purchase
/// (as `CustomerRFM` reads them). Months are UTC calendar months; each cohort's row runs to the
/// month of the last order by `asOf`.
public struct WorkspaceCohorts: Sendable, Equatable {
    /// One acquisition month (`AcquisitionCohorts.Cohort`).
    public struct Cohort: Sendable, Equatable {
        /// `YYYY-MM`.
        public var month: String
        public var customers: Int
        /// Customers with a purchase in months 0, 1, … after acquisition.
        public var active: [Int]
        /// `active[k] / customers`.
        public var retention: [Double]
        /// Net revenue of the cohort in months 0, 1, …
        public var revenue: [Double]
        public var totalRevenue: Double
        /// Cumulative revenue per acquired customer after months 0, 1, …
        public var cumulativeRevenuePerCustomer: [Double]
    }

    public var cohorts: [Cohort]
    /// People with orders or refunds but no purchase, left out.
    public var customersWithoutPurchase: Int

    public init(_ table: AcquisitionCohorts) {
        cohorts = table.cohorts.map {
            Cohort(
                month: $0.month.monthLabel, customers: $0.size, active: $0.active, retention: $0.retention,
                revenue: $0.revenue, totalRevenue: $0.totalRevenue,
                cumulativeRevenuePerCustomer: $0.cumulativeRevenuePerCustomer)
        }
        customersWithoutPurchase = table.customersWithoutPurchase
    }

    /// The order lines of the port's orders and refunds; facts of no one are left out.
    public static func lines(of orders: [OrderFact]) -> [OrderRecord] {
        orders.compactMap { o in
            let f = o.fact
            guard let person = f.person ?? f.userId ?? f.anonymousId, f.kind == .order || f.kind == .refund else {
                return nil
            }
            let prefix = f.kind == .order ? "o:" : "r:"
            return OrderRecord(
                customerID: person, orderID: f.orderId.map { prefix + $0 }, day: CommerceFact.day(of: f.time),
                amount: f.revenue ?? 0)
        }
    }

    /// The cohort table of the workspace's orders up to and including `asOf`; nil when no
    /// customer has made a purchase by then.
    public static func table(analytics: WorkspaceAnalytics, workspaceId: String, asOf: Date) async throws
        -> AcquisitionCohorts?
    {
        let orders = try await analytics.queries.orders(in: workspaceId, from: nil, to: asOf.addingTimeInterval(0.001))
        let records = Self.lines(of: orders)
        guard !records.isEmpty else { return nil }
        return try? AcquisitionCohorts(orders: records)
    }

    /// The workspace's cohorts as of `asOf` (`table`), nil when no customer has made a purchase.
    public static func of(analytics: WorkspaceAnalytics, workspaceId: String, asOf: Date) async throws
        -> WorkspaceCohorts?
    {
        try await table(analytics: analytics, workspaceId: workspaceId, asOf: asOf).map(WorkspaceCohorts.init)
    }
}
