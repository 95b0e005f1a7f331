import BeaconEngine
import Foundation

/// The overview's view model: KPI cards (customers, revenue, spend, ROAS, active customers,
/// churn risk) with period-over-period change, weekly revenue by channel as a stacked area,
/// and quick-insight sentences computed from the same numbers.
struct OverviewPage: Sendable {
    var empty: Bool
    var host: String
    var period: String = ""
    var customerKPIs: [KPICard] = []
    var spendKPIs: [KPICard] = []
    /// CAC, LTV:CAC, conversion rate and churn rate (`OverviewPage+KPIs`), with their definitions.
    var marketingKPIs: [KPICard] = []
    var marketingDefinitions: [String] = []
    var spendSource = ""
    var insights: [String] = []
    var chart: String = ""
    /// The "Download PDF" link: the executive report for the page's period.
    var reportLink: String = ""
    /// The currency of the page's amounts.
    var currency: DashboardCurrency

    /// The period's unusual days (`anomalyTable`), nil when there are none.
    var anomalies: DashboardTable?
    /// What the data checks found (`DataChecks`), a sentence each, and the ones that passed.
    var checks: [String] = [] {
        didSet { hasChecks = !checks.isEmpty }
    }
    /// Whether any check found something (templates read stored values only).
    var hasChecks = false
    var checksPassed = ""

    /// The page's tables (its CSV downloads), set by `withTables()` once the cards are complete:
    /// the KPI table (`kpis`, downloaded below the cards) and the unusual days.
    var tables: [DashboardTable] = []
    var kpis: DashboardTable?

    /// The page with its tables: every KPI card with its value and the previous period's, and
    /// the unusual days when there are any.
    func withTables() -> OverviewPage {
        var page = self
        page.kpis = empty ? nil : page.kpiTable
        page.tables = (page.kpis.map { [$0] } ?? []) + (empty ? [] : anomalies.map { [$0] } ?? [])
        return page
    }

    /// Every KPI card of the page in one table.
    var kpiTable: DashboardTable {
        KPICard.table(
                id: "kpis", title: "KPIs of the period with the previous period's values",
                sections: [
                    ("Customers and revenue", customerKPIs), ("Marketing spend", spendKPIs),
                    ("Acquisition, conversion and churn", marketingKPIs),
                ],
                previousLabel: "previous \(Int(Self.periodDays)) days", currency: currency)
    }

    /// The length of the compared periods.
    static let periodDays = 30.0
    /// A customer is active with an order in the last this many days.
    static let activeDays = 90.0
    /// Health bands counted as churn risk (`CustomerHealth`).
    static let riskBands: Set<CustomerHealth> = [.atRisk, .lost]

    /// The overview as of `asOf` (the page's date): orders after it are left out, the compared
    /// periods end at it, and the churn-risk card counts the customer health bands of
    /// `customerInsights` (the workspace's one RFM, as of the same date).
    init(
        snapshot: WorkspaceSnapshot, asOf: Date, customerInsights: CustomerInsights?, mmm: MMMFitCache.State,
        spend: (DailySpendTotals, MMMFitCache.Source), host: String
    ) {
        self.host = host
        currency = DashboardCurrency.of(snapshot.workspace)
        let orders = snapshot.orders.filter { $0.time <= asOf }
        guard !orders.isEmpty else {
            empty = true
            return
        }
        empty = false
        let p = Self.periodDays * 86_400
        let currentStart = asOf.addingTimeInterval(-p), previousStart = asOf.addingTimeInterval(-2 * p)
        period =
            "Last \(Int(Self.periodDays)) days to \(DashboardFormat.day(asOf)), compared with the \(Int(Self.periodDays)) days before."
        let label = "previous \(Int(Self.periodDays)) days"
        let figures = Self.customerFigures(
            orders: orders, previousStart: previousStart, currentStart: currentStart, end: asOf, label: label,
            customerInsights: customerInsights, currency: currency)
        customerKPIs = figures.cards
        let (revNow, revBefore, atRisk, rfmCount) = (figures.revenue, figures.previousRevenue, figures.atRisk, figures.scored)
        // Spend and revenue come straight from the modelled table, fitted or not.
        let (data, source) = spend
        spendKPIs = Self.spendCards(data: data, label: label, currency: currency)
        spendSource = (source.isDemo ? "" : "Last 30 days of spend. ") + source.note
        chart = Self.channelChart(orders, currency: currency)
        insights = Self.insights(
            orders: orders, currentStart: currentStart, asOf: asOf, revNow: revNow, revBefore: revBefore,
            atRisk: atRisk, rfmCount: rfmCount, mmm: mmm, currency: currency)
    }

    /// The customer cards of one period and the figures behind them.
    struct CustomerFigures: Sendable {
        var cards: [KPICard]
        var revenue: Double
        var previousRevenue: Double
        /// Customers whose health is in `riskBands`, and customers scored.
        var atRisk: Int
        var scored: Int
    }

    /// Revenue, orders, customers, active customers and churn risk for the period
    /// (`currentStart`, `end`], each compared with (`previousStart`, `currentStart`]; the churn-risk
    /// card counts the health bands of `customerInsights`. The overview and the executive report
    /// both read their customer KPIs here.
    static func customerFigures(
        orders: [WorkspaceSnapshot.Order], previousStart: Date, currentStart: Date, end: Date, label: String,
        customerInsights: CustomerInsights?, currency: DashboardCurrency
    ) -> CustomerFigures {
        let day = 86_400.0
        func revenue(_ from: Date, _ to: Date) -> Double {
            orders.filter { $0.time > from && $0.time <= to }.reduce(0) { $0 + $1.revenue }
        }
        func orderCount(_ from: Date, _ to: Date) -> Int {
            orders.filter { $0.time > from && $0.time <= to && $0.revenue > 0 }.count
        }
        var firstOrder: [String: Date] = [:]
        var lastOrderAt: [String: [Date]] = [:]
        for o in orders where o.revenue > 0 {
            firstOrder[o.customer] = min(firstOrder[o.customer] ?? o.time, o.time)
            lastOrderAt[o.customer, default: []].append(o.time)
        }
        func customers(upTo t: Date) -> Int { firstOrder.values.filter { $0 <= t }.count }
        func active(at t: Date) -> Int {
            lastOrderAt.values.filter { times in
                times.contains { $0 <= t && $0 > t.addingTimeInterval(-Self.activeDays * day) }
            }.count
        }
        let revNow = revenue(currentStart, end), revBefore = revenue(previousStart, currentStart)
        let ordersNow = orderCount(currentStart, end), ordersBefore = orderCount(previousStart, currentStart)
        let atRisk = customerInsights?.customers.filter { Self.riskBands.contains($0.health) }.count ?? 0
        let rfmCount = customerInsights?.customers.count ?? 0
        let cards = [
            KPICard(
                label: "Revenue", figure: .money(revNow), previous: .money(revBefore), currency: currency, period: label),
            KPICard(
                label: "Orders", figure: .count(ordersNow), previous: .count(ordersBefore), currency: currency,
                period: label),
            KPICard(
                label: "Customers", figure: .count(customers(upTo: end)), previous: .count(customers(upTo: currentStart)),
                currency: currency, period: label, note: "people with at least one order"),
            KPICard(
                label: "Active customers", figure: .count(active(at: end)), previous: .count(active(at: currentStart)),
                currency: currency, period: label, note: "ordered in the last \(Int(Self.activeDays)) days"),
            KPICard(
                label: "Churn risk", figure: rfmCount > 0 ? .share(Double(atRisk) / Double(rfmCount), digits: 1) : .empty,
                currency: currency,
                note:
                    "\(DashboardFormat.count(atRisk)) customers whose health is At risk or Lost (RFM At Risk, Can't Lose Them, Hibernating, Lost)"
            ),
        ]
        return CustomerFigures(cards: cards, revenue: revNow, previousRevenue: revBefore, atRisk: atRisk, scored: rfmCount)
    }

    /// The executive report's URL for the overview's period: the same workspace, and `to` only
    /// when the page was asked for a date (otherwise both end at the workspace's today).
    static func reportLink(workspace: String, asOf: String?) -> String {
        "/dashboard/report.pdf?ws=" + DashboardQuery.encode(workspace)
            + (asOf.map { $0.isEmpty ? "" : "&to=" + DashboardQuery.encode($0) } ?? "")
    }

    /// Spend, revenue and blended ROAS over the last 30 days of the marketing-mix data.
    static func spendCards(data: DailySpendTotals, label: String, currency: DashboardCurrency) -> [KPICard] {
        let n = data.count, w = Int(periodDays)
        guard n >= 2 * w else { return [] }
        func total(_ values: [Double], _ range: Range<Int>) -> Double { values[range].reduce(0, +) }
        let now = (n - w)..<n, before = (n - 2 * w)..<(n - w)
        let spendNow = total(data.spend, now), spendBefore = total(data.spend, before)
        let revNow = total(data.revenue, now), revBefore = total(data.revenue, before)
        return [
            KPICard(
                label: "Total spend", figure: .money(spendNow), previous: .money(spendBefore), currency: currency,
                period: label),
            KPICard(
                label: "Revenue", figure: .money(revNow), previous: .money(revBefore), currency: currency, period: label),
            KPICard(
                label: "Blended ROAS", figure: .number(revNow / spendNow, digits: 2, suffix: "×"),
                previous: .number(revBefore / spendBefore, digits: 2, suffix: "×"), currency: currency, period: label,
                note: "all revenue ÷ all spend"),
        ]
    }

    /// Weekly revenue per channel (the six largest, the rest as "Other") as a stacked area.
    static func channelChart(_ orders: [WorkspaceSnapshot.Order], currency: DashboardCurrency) -> String {
        channelChartModel(orders, currency: currency)?.svg() ?? ""
    }

    /// The weekly revenue-by-channel chart (nil without orders): the overview's SVG and the report's PDF page.
    static func channelChartModel(_ orders: [WorkspaceSnapshot.Order], currency: DashboardCurrency) -> LineChart? {
        guard let first = orders.map(\.time).min(), let last = orders.map(\.time).max() else { return nil }
        let week = 7 * 86_400.0
        // Whole weeks only (a trailing partial week would look like a collapse), at least one.
        let weeks = max(Int((last.timeIntervalSince(first) / week).rounded(.down)), 1)
        var totals: [String: Double] = [:]
        for o in orders { totals[o.channel, default: 0] += o.revenue }
        let (shown, others) = ChannelRanking.split(totals)
        let names = shown + (others.isEmpty ? [] : ["Other"])
        var values = names.map { _ in [Double](repeating: 0, count: weeks) }
        for o in orders {
            let w = Int(o.time.timeIntervalSince(first) / week)
            guard w < weeks else { continue }
            let k = shown.firstIndex(of: o.channel) ?? names.count - 1
            values[k][w] += o.revenue
        }
        let categories = (0..<weeks).map { DashboardFormat.day(first.addingTimeInterval(Double($0) * week)) }
        return LineChart(
            title: "Weekly revenue by channel (last touch)", categories: categories,
            series: zip(names, values).map { ChartSeries(name: $0, values: $1) }, style: .stackedArea,
            unit: .money(symbol: currency.symbol), xTitle: "Week starting", yTitle: "Revenue"
        )
    }
}
