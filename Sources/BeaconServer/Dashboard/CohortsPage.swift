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
    /// The retention matrix (`retention`) and the revenue matrix (`revenue`): the heat-map rows
    /// show their cells, the CSV downloads write them (months a cohort has not reached are empty).
    var retentionTable: DashboardTable?
    var revenueTable: DashboardTable?
    var tables: [DashboardTable] = []

    init(cohorts: WorkspaceCohorts?, asOf date: Date, currency: DashboardCurrency) {
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
            + "\(currency.format(total)) net revenue, as of \(asOf)."
        if cohorts.customersWithoutPurchase > 0 {
            note =
                "\(DashboardFormat.count(cohorts.customersWithoutPurchase)) people with only refunds or zero-value orders are left out."
        }
        // Month 0 is 100 % by definition: shade the later months against their own largest value.
        let maxRetention = cohorts.cohorts.flatMap { $0.retention.dropFirst() }.max() ?? 0
        let maxRevenue = cohorts.cohorts.flatMap(\.revenue).max() ?? 0
        let pad = { (c: WorkspaceCohorts.Cohort) in [DashboardTable.Cell](repeating: .empty, count: width - c.active.count) }
        let retentionTable = DashboardTable(
            id: "retention", title: "Share of each cohort buying in month Mk after its first purchase",
            columns: [
                DashboardTable.Column("Cohort"), .init("Customers", .count), .init("Revenue", .money),
                .init("Per customer", .money),
            ] + offsets.map { DashboardTable.Column($0, .share) },
            rows: cohorts.cohorts.map { c -> [DashboardTable.Cell] in
                var row: [DashboardTable.Cell] = [
                    .text(c.month), .count(c.customers), .money(c.totalRevenue),
                    .money(c.cumulativeRevenuePerCustomer.last ?? 0),
                ]
                row += c.retention.map { DashboardTable.Cell.share($0, digits: 0) }
                return row + pad(c)
            },
            currency: currency)
        let revenueTable = DashboardTable(
            id: "revenue", title: "Net revenue of each cohort's customers in month Mk",
            columns: [DashboardTable.Column("Cohort"), .init("Customers", .count)]
                + offsets.map { DashboardTable.Column($0, .money) },
            rows: cohorts.cohorts.map { c -> [DashboardTable.Cell] in
                var row: [DashboardTable.Cell] = [.text(c.month), .count(c.customers)]
                row += c.revenue.map { DashboardTable.Cell.money($0) }
                return row + pad(c)
            },
            currency: currency)
        func cells(_ row: [DashboardTable.Cell], shade: (Int, Double) -> String) -> [Cell] {
            row.enumerated().map { k, cell in
                guard let v = cell.numericValue else { return Cell(text: "", shade: "na") }
                return Cell(text: cell.display(currency), shade: shade(k, v))
            }
        }
        for (r, v) in zip(retentionTable.rows, revenueTable.rows) {
            let show = r.prefix(4).map { $0.display(currency) }
            retention.append(
                Row(
                    month: show[0], customers: show[1], revenue: show[2], perCustomer: show[3],
                    cells: cells(Array(r.dropFirst(4))) { k, x in k == 0 ? "h0" : Self.shade(x, max: maxRetention) }))
            self.revenue.append(
                Row(
                    month: show[0], customers: show[1], revenue: show[2], perCustomer: show[3],
                    cells: cells(Array(v.dropFirst(2))) { _, x in Self.shade(x, max: maxRevenue) }))
        }
        self.retentionTable = retentionTable
        self.revenueTable = revenueTable
        tables = [retentionTable, revenueTable]
    }

    /// The shade class of `value` on a 0…`max` ramp in ten steps (`h0` for zero or less).
    static func shade(_ value: Double, max: Double) -> String {
        guard value.isFinite, max > 0, value > 0 else { return "h0" }
        return "h\(Swift.min(9, Swift.max(1, Int((value / max * 9).rounded(.up)))))"
    }
}
