import BeaconEngine
import Foundation

/// The cohorts page: the retention matrix by first-order month as a heat-map table (share of
/// each month's new customers who buy again k months later) and each cohort's net revenue per
/// month, from `WorkspaceCohorts` as of the page's date — the numbers `beacon cohorts
/// --workspace` prints.
struct CohortsPage: Sendable {
    /// One shaded cell: its text and its shade class (`h0`…`h9`, `na` for a month not yet observed).
    struct Cell: Sendable {
        var text: String
        var shade: String
    }

    struct Row: Sendable {
        var month: String
        var customers: String
        var revenue: String
        var perCustomer: String
        var cells: [Cell]
    }

    var empty: Bool
    var asOf: String
    var summary = ""
    var note = ""
    var offsets: [String] = []
    var retention: [Row] = []
    var revenue: [Row] = []

    init(cohorts: WorkspaceCohorts?, asOf date: Date) {
        asOf = DashboardFormat.day(date)
        guard let cohorts, !cohorts.cohorts.isEmpty else {
            empty = true
            return
        }
        empty = false
        let width = cohorts.cohorts.map(\.active.count).max() ?? 0
        offsets = (0..<width).map { "M\($0)" }
        let customers = cohorts.cohorts.reduce(0) { $0 + $1.customers }
        let total = cohorts.cohorts.reduce(0) { $0 + $1.totalRevenue }
        summary =
            "\(DashboardFormat.count(customers)) customers in \(cohorts.cohorts.count) monthly cohorts, "
            + "\(DashboardFormat.money(total)) net revenue, as of \(asOf)."
        if cohorts.customersWithoutPurchase > 0 {
            note =
                "\(DashboardFormat.count(cohorts.customersWithoutPurchase)) people with only refunds or zero-value orders are left out."
        }
        // Month 0 is 100 % by definition: shade the later months against their own largest value.
        let maxRetention = cohorts.cohorts.flatMap { $0.retention.dropFirst() }.max() ?? 0
        let maxRevenue = cohorts.cohorts.flatMap(\.revenue).max() ?? 0
        for c in cohorts.cohorts {
            let customers = DashboardFormat.count(c.customers), revenue = DashboardFormat.money(c.totalRevenue)
            let perCustomer = DashboardFormat.money(c.cumulativeRevenuePerCustomer.last ?? 0)
            let pad = Array(repeating: Cell(text: "", shade: "na"), count: width - c.active.count)
            retention.append(
                Row(
                    month: c.month, customers: customers, revenue: revenue, perCustomer: perCustomer,
                    cells: c.retention.enumerated().map { k, r in
                        Cell(
                            text: DashboardFormat.percent(r, digits: 0),
                            shade: k == 0 ? "h0" : Self.shade(r, max: maxRetention))
                    } + pad))
            self.revenue.append(
                Row(
                    month: c.month, customers: customers, revenue: revenue, perCustomer: perCustomer,
                    cells: c.revenue.map {
                        Cell(text: DashboardFormat.money($0), shade: Self.shade($0, max: maxRevenue))
                    }
                        + pad))
        }
    }

    /// The shade class of `value` on a 0…`max` ramp in ten steps (`h0` for zero or less).
    static func shade(_ value: Double, max: Double) -> String {
        guard value.isFinite, max > 0, value > 0 else { return "h0" }
        return "h\(Swift.min(9, Swift.max(1, Int((value / max * 9).rounded(.up)))))"
    }
}
