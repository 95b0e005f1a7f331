import BeaconEngine
import Foundation

/// The attribution comparison: every model's credited revenue per channel side by side
/// (grouped bars and a table), the Markov chain's removal effects and its transition
/// probabilities as a heat-map, on the workspace's stored events (`AttributionComparison`).
struct AttributionPage: Sendable {
    var empty: Bool
    var error: String?
    var summary = ""
    /// Said above the numbers when they cannot tell channels apart (every conversion on one channel).
    var caution = ""
    /// The data check that every model's credits add up to the conversions' value
    /// (`DataChecks.creditsFinding`): what it found, or that it passed.
    var creditsCheck = ""
    /// Whether `creditsCheck` found something (shown as a caution).
    var creditsOff = false
    var chart = ""
    var heatmap = ""
    /// The Markov chain as a node-and-edge graph (`MarkovGraphChart`).
    var graph = ""
    /// Each model's credited revenue per channel (`credit`) and the Markov chain's removal
    /// effects (`removal_effects`, when it ran): shown on the page and downloaded as CSV.
    var credit: DashboardTable?
    var effects: DashboardTable?
    var tables: [DashboardTable] = []

    /// Runs the models on the workspace's visits; nil when there is nothing to attribute.
    static func report(for touches: LiveTouches) -> Result<AttributionComparison, AttributionFailure>? {
        do {
            return try AttributionComparison.run(on: touches).map { .success($0) }
        } catch {
            return .failure(AttributionFailure(message: "\(error)"))
        }
    }

    /// The models' credit per channel as grouped bars: the page's SVG and the report's PDF page.
    static func chartModel(_ r: AttributionComparison) -> BarChart {
        BarChart(
            title: "Revenue credited to each channel by model", categories: r.channels,
            series: r.credits.map { ChartSeries(name: $0.label, values: $0.values) },
            unit: .money(symbol: "$"), xTitle: "Channel", yTitle: "Credited revenue")
    }

    init(report: Result<AttributionComparison, AttributionFailure>?, currency: DashboardCurrency) {
        guard let report else {
            empty = true
            return
        }
        empty = false
        let r: AttributionComparison
        switch report {
        case .failure(let f):
            error = f.message
            return
        case .success(let value): r = value
        }
        summary =
            "\(DashboardFormat.count(r.journeys)) journeys, \(DashboardFormat.count(Int(r.conversions.rounded()))) conversions worth \(currency.format(r.value)); \(DashboardFormat.count(Int(r.nulls.rounded()))) journeys without a conversion."
        caution = Self.channelCaution(r.channels)
        if let finding = DataChecks.creditsFinding(r) {
            creditsCheck = finding.sentence(currency: currency)
            creditsOff = true
        } else {
            creditsCheck =
                "Check passed: each of the \(r.credits.count) models credits exactly the value of the conversions (\(currency.format(r.value)))."
        }
        chart = Self.chartModel(r).svg()
        credit = DashboardTable(
            id: "credit", title: "Revenue credited to each channel",
            columns: [DashboardTable.Column("Channel")] + r.credits.map { DashboardTable.Column($0.label, .money) },
            rows: r.channels.indices.map { c -> [DashboardTable.Cell] in
                [DashboardTable.Cell.text(r.channels[c])] + r.credits.map { DashboardTable.Cell.money($0.values[c]) }
            },
            currency: currency)
        if let markov = r.markov {
            effects = DashboardTable(
                id: "removal_effects", title: "Markov removal effect: the share of conversions lost without the channel",
                columns: [.init("Channel"), .init("Removal effect", .share)],
                rows: zip(r.channels, markov.removalEffects).map { [.text($0), .share($1, digits: 1)] },
                currency: currency)
        }
        tables = [credit, effects].compactMap { $0 }
        if let markov = r.markov {
            let from = markov.states
            let to = markov.states.filter { $0 != "(start)" } + ["(conversion)", "(null)"]
            var matrix = from.map { _ in [Double?](repeating: nil, count: to.count) }
            for t in markov.transitions {
                if let i = from.firstIndex(of: t.from), let j = to.firstIndex(of: t.to) { matrix[i][j] = t.probability }
            }
            graph = MarkovGraphChart(
                title: "Markov transition graph: where journeys go next",
                channels: markov.states.filter { $0 != MarkovGraphChart.start },
                edges: markov.transitions.map { .init(from: $0.from, to: $0.to, probability: $0.probability) }
            ).svg()
            heatmap = HeatMap(
                title: "Markov transition probabilities between channels", rowLabels: from, columnLabels: to,
                values: matrix, unit: .percent
            ).svg()
        }
    }
}

/// Attribution that could not run, with the reason.
struct AttributionFailure: Error, Sendable {
    var message: String
}

extension AttributionPage {
    /// What to say when the journeys carry no channel to compare: every model then gives
    /// everything to the one channel there is, which says nothing about marketing.
    static func channelCaution(_ channels: [String]) -> String {
        guard channels.count == 1, let only = channels.first else { return "" }
        if only == "Direct" {
            return "Every conversion is credited to Direct: no visit before an order carried a campaign (UTM), a referrer "
                + "or a channel, so these models cannot tell channels apart. Send context.campaign or a channel property "
                + "with page views to see where customers come from."
        }
        return "Every conversion comes through one channel (\(only)): the models cannot disagree, so there is nothing to compare."
    }
}
