import BeaconEngine
import Foundation

/// The customers page's health section as of the page's date: a donut of profiles per
/// `CustomerHealth` band (the workspace's `CustomerInsights`) and a table with each band's
/// count, share and meaning.
struct CustomerHealthView: Sendable {
    var donut: String
    /// Profiles per band (`health`): shown as the page's table and downloaded as CSV.
    var table: DashboardTable
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
        table = DashboardTable(
            id: "health", title: "Profiles by health band",
            columns: [.init("Band"), .init("Profiles", .count), .init("Share", .share), .init("Meaning")],
            rows: counts.map {
                [.text($0.band.rawValue), .count($0.count), .share(Double($0.count) / Double(total), digits: 1), .text($0.band.meaning)]
            },
            currency: .usDollar)
        let unscored = counts.first { $0.band == .unscored }?.count ?? 0
        scored = DashboardFormat.count(profiles - unscored)
    }
}
