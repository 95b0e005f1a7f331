import BeaconEngine
import Foundation

/// The personas page (seed 003): the workspace's persona clusters (`CustomerInsights`, the
/// same clustering the prediction refresh assigns) explained with KPI cards and their
/// suggested action, the cluster scatter plot, revenue share per persona, and the RFM
/// segments beside it — all as of the page's date.
struct PersonasPage: Sendable {
    struct Persona: Sendable {
        var label: String
        var color: String
        var kpis: [KPICard]
        var action: String
    }

    /// Fewer customers than this is too few to cluster meaningfully.
    static let minimumCustomers = 20

    var empty: Bool
    var customerCount = 0
    /// `customerCount` as shown (thousands separated).
    var customers = "0"
    var asOf: String
    var error: String?
    var k = 0
    var personas: [Persona] = []
    var scatter = ""
    var donut = ""
    /// The RFM segments (`segments`) and the personas' figures (`personas`): shown on the page
    /// (the persona cards read their row) and downloaded as CSV.
    var segments: DashboardTable?
    var personaTable: DashboardTable?
    var tables: [DashboardTable] = []

    /// The page of `insights`; nil (a store that keeps no profiles) gives the empty page.
    init(insights: CustomerInsights?, asOf date: Date, currency: DashboardCurrency) {
        asOf = DashboardFormat.day(date)
        guard let insights else {
            empty = true
            return
        }
        let customers = insights.customers
        customerCount = customers.count
        self.customers = DashboardFormat.count(customers.count)
        guard customerCount >= Self.minimumCustomers else {
            empty = true
            return
        }
        empty = false
        segments = DashboardTable(
            id: "segments", title: "Customers by RFM segment",
            columns: [.init("Segment"), .init("Customers", .count), .init("Revenue share", .share), .init("Suggested action")],
            rows: insights.segments.filter { $0.customers > 0 }.map {
                [.text($0.name), .count($0.customers), .share($0.revenueShare, digits: 0), .text($0.action)]
            },
            currency: currency)
        tables = [segments].compactMap { $0 }
        let clusters = insights.personas
        guard !clusters.isEmpty else {
            error = "the customers could not be clustered (too few distinct values)"
            return
        }
        let table = DashboardTable(
            id: "personas", title: "Personas: size, revenue share and the mean customer",
            columns: [
                .init("Persona"), .init("Customers", .count), .init("Customer share", .share),
                .init("Revenue share", .share), .init("Days since last order", .number), .init("Orders", .number),
                .init("Spend", .money),
            ],
            rows: clusters.map { c -> [DashboardTable.Cell] in
                [
                    .text(c.label), .count(c.size), .share(c.customerShare, digits: 0), .share(c.revenueShare, digits: 0),
                    .number(c.meanRecency, digits: 0), .number(c.meanFrequency, digits: 1), .money(c.meanMonetary),
                ]
            },
            currency: currency)
        personaTable = table
        tables.append(table)
        k = clusters.count
        let slots = (clusters.map(\.index).max() ?? 0) + 1
        var names = [String](repeating: "", count: slots)
        for c in clusters { names[c.index] = c.label }
        personas = zip(clusters, table.rows).map { c, row in
            let show = { (i: Int) in row[i].display(currency) }
            return Persona(
                label: c.label, color: ChartPalette.color(c.index),
                kpis: [
                    KPICard(label: "Customers", value: "\(show(1)) (\(show(2)))"),
                    KPICard(label: "Revenue share", value: show(3)),
                    KPICard(label: "Days since last order", value: show(4)),
                    KPICard(label: "Orders", value: show(5)),
                    KPICard(label: "Spend", value: show(6)),
                ],
                action: c.action)
        }
        let byIndex = Dictionary(uniqueKeysWithValues: clusters.map { ($0.index, $0) })
        scatter = ScatterChart(
            title: "Customers by recency and spend, coloured by cluster",
            points: customers.map {
                ScatterChart.Point(x: Double($0.recencyDays), y: max(0, $0.monetary), group: $0.cluster ?? 0)
            },
            groupNames: names, xUnit: .days, yUnit: .money(symbol: currency.symbol), xTitle: "Days since last order",
            yTitle: "Total spend (\(currency.symbol))", logY: true,
            centroids: (0..<slots).map { (byIndex[$0]?.centroidRecency ?? 0, byIndex[$0]?.centroidSpend ?? 0) }
        ).svg()
        donut = DonutChart(
            title: "Revenue share by persona", slices: clusters.map { ($0.label, $0.revenue) },
            unit: .money(symbol: currency.symbol)
        ).svg()
    }
}
