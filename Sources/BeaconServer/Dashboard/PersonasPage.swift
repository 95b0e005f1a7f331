import BeaconAnalytics
import Foundation

/// The personas page (seed 003): customers clustered by k-means on recency, frequency and
/// spend (log1p on the last two), each cluster explained as a persona with KPI cards and
/// its suggested action, the cluster scatter plot, revenue share per persona, and the RFM
/// segments beside it.
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
    var error: String?
    var k = 0
    var personas: [Persona] = []
    var scatter = ""
    var donut = ""
    var segments: [Segment] = []

    init(snapshot: WorkspaceSnapshot) {
        let records = snapshot.orderRecords
        let rfm: RFMAnalysis
        do {
            rfm = try RFMAnalysis(orders: records)
        } catch {
            empty = true
            return
        }
        customerCount = rfm.customers.count
        guard customerCount >= Self.minimumCustomers else {
            empty = true
            return
        }
        empty = false
        let customers = rfm.customers
        let recency = customers.map { Double($0.recency) }
        let frequency = customers.map { Double($0.frequency) }
        let monetary = customers.map(\.monetary)
        let features = Matrix((0..<customers.count).map { [recency[$0], frequency[$0], monetary[$0]] })
        let segmentation: CustomerSegmentation
        do {
            segmentation = try CustomerSegmentation(
                features: features, log1p: [false, true, true], recency: recency, frequency: frequency,
                monetary: monetary,
                k: nil, kMax: 6, rule: .elbow, kmeans: KMeans(clusterCount: 2, restarts: 4), seed: 42)
        } catch {
            self.error = "\(error)"
            return
        }
        let clusters = segmentation.personas.clusters
        k = clusters.count
        var names = [String](repeating: "", count: segmentation.fit.centroids.rows)
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
        let labels = segmentation.fit.labels
        scatter = ScatterChart(
            title: "Customers by recency and spend, coloured by cluster",
            points: customers.indices.map { ScatterChart.Point(x: recency[$0], y: monetary[$0], group: labels[$0]) },
            groupNames: names, xUnit: .days, yUnit: .money(symbol: "$"), xTitle: "Days since last order",
            yTitle: "Total spend ($)", logY: true,
            centroids: (0..<segmentation.centroidsInOriginalUnits.rows).map {
                (segmentation.centroidsInOriginalUnits[$0, 0], segmentation.centroidsInOriginalUnits[$0, 2])
            }
        ).svg()
        donut = DonutChart(
            title: "Revenue share by persona", slices: clusters.map { ($0.label, $0.revenue) },
            unit: .money(symbol: "$")
        ).svg()
        segments = RFMSegmentSummary.summarize(rfm).filter { $0.customers > 0 }.map {
            Segment(
                name: $0.segment.rawValue, customers: DashboardFormat.count($0.customers),
                revenueShare: DashboardFormat.percent($0.revenueShare, digits: 0), action: $0.segment.suggestedAction)
        }
    }
}
