import BeaconEngine
import Foundation

/// The paths page: the journeys' touchpoint sequences that lead to conversion, the most
/// converting first, with each path's Shapley and Markov credit per channel, and a Sankey
/// chart of how journeys move from touchpoint to touchpoint to their outcome
/// (`ConversionPaths`), as of the page's date.
struct PathsPage: Sendable {
    struct Row: Sendable {
        var path: String
        var journeys: String
        var conversions: String
        var rate: String
        var value: String
        var shapley: String
        var markov: String
    }

    /// Paths listed on the page (the API takes `limit`).
    static let shown = 20

    var empty: Bool
    var error: String?
    var asOf: String
    var summary = ""
    var sankey = ""
    var rows: [Row] = []
    var more = ""
    /// The converting paths shown (`paths`): the rows above show its cells, the CSV download
    /// writes them (the credit columns as the page words them, one channel and amount after another).
    var table: DashboardTable?
    var tables: [DashboardTable] = []

    init(paths: Result<ConversionPaths?, AttributionFailure>, asOf date: Date, currency: DashboardCurrency) {
        asOf = DashboardFormat.day(date)
        let p: ConversionPaths
        switch paths {
        case .failure(let f):
            empty = false
            error = f.message
            return
        case .success(nil):
            empty = true
            return
        case .success(let value?):
            p = value
        }
        empty = false
        summary =
            "\(DashboardFormat.count(p.journeys)) journeys along \(DashboardFormat.count(p.paths.count)) distinct paths: "
            + "\(DashboardFormat.count(Int(p.conversions.rounded()))) conversions worth \(currency.format(p.value)), as of \(asOf)."
        sankey = Self.chart(p).svg()
        let converting = p.paths.filter { $0.conversions > 0 }
        let table = DashboardTable(
            id: "paths", title: "Top paths to conversion, by conversions",
            columns: [
                .init("Path"), .init("Journeys", .count), .init("Conversions", .count), .init("Rate", .share),
                .init("Value", .money), .init("Shapley credit"), .init("Markov credit"),
            ],
            rows: converting.prefix(Self.shown).map { path -> [DashboardTable.Cell] in
                [
                    .text(path.label), .count(path.journeys), .count(Int(path.conversions.rounded())),
                    .share(path.conversionRate, digits: 0), .money(path.value),
                    .text(Self.credits(path.shapley, currency)), .text(Self.credits(path.markov, currency)),
                ]
            },
            currency: currency)
        rows = table.rows.map { c in
            let show = c.map { $0.display(currency) }
            return Row(
                path: show[0], journeys: show[1], conversions: show[2], rate: show[3], value: show[4], shapley: show[5],
                markov: show[6])
        }
        self.table = table
        tables = [table]
        if converting.count > Self.shown {
            more =
                "\(DashboardFormat.count(converting.count - Self.shown)) more converting paths are left out here; "
                + "GET /dashboard/api/paths?limit=200 lists up to 200."
        }
    }

    /// "Email $60 · Direct $40": a path's value credited to each of its channels.
    static func credits(_ credits: [ConversionPaths.Credit], _ currency: DashboardCurrency) -> String {
        credits.map { "\($0.channel) \(currency.format($0.value))" }.joined(separator: " · ")
    }

    /// The Sankey of the first `ConversionPaths.sankeySteps` touchpoints and the outcome.
    static func chart(_ p: ConversionPaths) -> SankeyChart {
        let steps = (p.flows.map(\.step).max() ?? 0) + 1
        var colors: [String: String] = [:]
        for (i, c) in p.channels.enumerated() { colors[c] = ChartPalette.color(i) }
        colors[ConversionPaths.conversionNode] = "#0a7a3d"
        colors[ConversionPaths.nullNode] = "#9aa5b1"
        let outcome = { (name: String) in name == ConversionPaths.conversionNode || name == ConversionPaths.nullNode }
        let links = p.flows.map { f in
            SankeyChart.Link(
                from: .init(column: f.step, label: f.from),
                // Outcomes share the last column, whatever step the journey ended at.
                to: .init(column: outcome(f.to) ? steps : f.step + 1, label: f.to), value: f.journeys)
        }
        return SankeyChart(
            title: "Journeys from touchpoint to touchpoint to their outcome",
            columnTitles: (0..<steps).map { $0 == 0 ? "1st touch" : $0 == 1 ? "2nd" : $0 == 2 ? "3rd" : "\($0 + 1)th" }
                + ["Outcome"],
            links: links, colors: colors)
    }
}
