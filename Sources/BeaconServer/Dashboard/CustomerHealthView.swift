import BeaconCore
import Foundation

/// The customers page's health section: a donut of profiles per `CustomerHealth` band and a
/// table with each band's count, share and meaning.
struct CustomerHealthView: Sendable {
    struct Row: Sendable {
        var band: String
        var count: String
        var share: String
        var meaning: String
    }

    var donut: String
    var rows: [Row]
    var scored: String

    init(predictions: [ProfilePredictions?]) {
        let counts = CustomerHealth.counts(predictions)
        let total = max(predictions.count, 1)
        donut = DonutChart(
            title: "Customer health: profiles by band", slices: counts.map { ($0.band.rawValue, Double($0.count)) },
            unit: .count
        ).svg()
        rows = counts.map {
            Row(
                band: $0.band.rawValue, count: DashboardFormat.count($0.count),
                share: DashboardFormat.percent(Double($0.count) / Double(total)), meaning: $0.band.meaning)
        }
        let unscored = counts.first { $0.band == .unscored }?.count ?? 0
        scored = DashboardFormat.count(predictions.count - unscored)
    }
}
