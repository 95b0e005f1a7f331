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

    struct Segment: Sendable {
        var name: String
        var customers: String
        var revenueShare: String
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
    var segments: [Segment] = []

    /// The page of `insights`; nil (a store that keeps no profiles) gives the empty page.
    init(insights: CustomerInsights?, asOf date: Date) {
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
        segments = insights.segments.filter { $0.customers > 0 }.map {
            Segment(
                name: $0.name, customers: DashboardFormat.count($0.customers),
                revenueShare: DashboardFormat.percent($0.revenueShare, digits: 0), action: $0.action)
        }
        let clusters = insights.personas
        guard !clusters.isEmpty else {
            error = "the customers could not be clustered (too few distinct values)"
            return
        }
        k = clusters.count
        let slots = (clusters.map(\.index).max() ?? 0) + 1
        var names = [String](repeating: "", count: slots)
        for c in clusters { names[c.index] = c.label }
        personas = clusters.map { c in
            Persona(
                label: c.label, color: ChartPalette.color(c.index),
                kpis: [
                    KPICard(
                        label: "Customers",
                        value:
                            "\(DashboardFormat.count(c.size)) (\(DashboardFormat.percent(c.customerShare, digits: 0)))"),
                    KPICard(label: "Revenue share", value: DashboardFormat.percent(c.revenueShare, digits: 0)),
                    KPICard(label: "Days since last order", value: String(format: "%.0f", c.meanRecency)),
                    KPICard(label: "Orders", value: String(format: "%.1f", c.meanFrequency)),
                    KPICard(label: "Spend", value: DashboardFormat.money(c.meanMonetary)),
                ],
                action: c.action)
        }
        let byIndex = Dictionary(uniqueKeysWithValues: clusters.map { ($0.index, $0) })
        scatter = ScatterChart(
            title: "Customers by recency and spend, coloured by cluster",
            points: customers.map {
                ScatterChart.Point(x: Double($0.recencyDays), y: max(0, $0.monetary), group: $0.cluster ?? 0)
            },
            groupNames: names, xUnit: .days, yUnit: .money(symbol: "$"), xTitle: "Days since last order",
            yTitle: "Total spend ($)", logY: true,
            centroids: (0..<slots).map { (byIndex[$0]?.centroidRecency ?? 0, byIndex[$0]?.centroidSpend ?? 0) }
        ).svg()
        donut = DonutChart(
            title: "Revenue share by persona", slices: clusters.map { ($0.label, $0.revenue) },
            unit: .money(symbol: "$")
        ).svg()
    }
}
