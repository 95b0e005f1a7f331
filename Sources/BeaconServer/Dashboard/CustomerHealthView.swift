import BeaconEngine
import Foundation

/// The customers page's health section as of the page's date: a donut of profiles per
/// `CustomerHealth` band (the workspace's `CustomerInsights`) and a table with each band's
/// count, share and meaning.
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
    var asOf: String

    /// Colours that read as good → bad and stay apart for the common colour-vision
    /// deficiencies (from Okabe & Ito's palette), with grey for "not scored".
    static func color(_ band: CustomerHealth) -> String {
        switch band {
        case .healthy: "#009E73"
        case .attention: "#E69F00"
        case .atRisk: "#D55E00"
        case .lost: "#8B2E2E"
        case .unscored: "#B5B5B5"
        }
    }

    init(insights: CustomerInsights) {
        let counts = insights.health
        let profiles = counts.reduce(0) { $0 + $1.count }
        let total = max(profiles, 1)
        asOf = DashboardFormat.day(insights.asOf)
        donut = DonutChart(
            title: "Customer health: profiles by band", slices: counts.map { ($0.band.rawValue, Double($0.count)) },
            unit: .count, colors: counts.map { Self.color($0.band) }
        ).svg()
        rows = counts.map {
            Row(
                band: $0.band.rawValue, count: DashboardFormat.count($0.count),
                share: DashboardFormat.percent(Double($0.count) / Double(total)), meaning: $0.band.meaning)
        }
        let unscored = counts.first { $0.band == .unscored }?.count ?? 0
        scored = DashboardFormat.count(profiles - unscored)
    }
}
