import BeaconEngine
import Foundation

/// The channel deep dive: a table of every channel's ROAS and marginal ROAS from the
/// marketing-mix model, and for the chosen channel its weekly spend against the revenue
/// the model credits it, and its response curve with the current, optimal and
/// diminishing-returns spend marked.
struct ChannelPage: Sendable {
    struct Row: Sendable {
        var name: String
        var href: String
        var selected: Bool
        var spend: String
        var revenue: String
        var roas: String
        var marginalROAS: String
        var current: String
        var optimal: String
        var diminishing: String
    }

    var rows: [Row]
    /// Every channel's figures (`channels`): the rows above show its cells, the CSV download writes them.
    var table: DashboardTable
    /// Every table of the page: the channels, then the chosen channel's seasonality.
    var tables: [DashboardTable] { [table] + (seasonality?.tables.map(\.table) ?? []) }
    var channel: String
    var timeChart: String
    var curveChart: String
    var fitSummary: String
    var advice: String
    /// The chosen channel's effectiveness over time (empty when constant) and what it says.
    var effectivenessChart: String
    var effectivenessNote: String
    /// When the chosen channel performs best: sentences and its day-of-week and month multipliers.
    var seasonality: ChannelSeasonalityPanel?
    /// What the data cannot tell (identification warnings), said above the numbers.
    var warnings: [String]
    var hasWarnings: Bool { !warnings.isEmpty }
    /// Where the fitted spend came from (the workspace, or the demo until it has enough).
    var sourceNote: String
    var isDemo: Bool

    /// The page for `channel` (nil: the first), or nil when the fit has no such channel.
    init?(
        result: MMMFitCache.MMMResult, plan: MarketingMixPlan?, channel requested: String?, query: String,
        currency: DashboardCurrency
    ) {
        let channels = result.channels
        let found: Int? = requested.map { r in channels.firstIndex { $0.name == r } } ?? 0
        guard let index = found, index < channels.count else { return nil }
        let optimal = plan.map { p in p.lines.map { $0.optimizedSpend / Double(p.horizon) } }
        let ratio = { (v: Double) in DashboardTable.Cell.number(v, digits: 2, suffix: "×") }
        table = DashboardTable(
            id: "channels", title: "Marketing-mix model by channel (amounts per day unless stated)",
            columns: [
                .init("Channel"), .init("Spend (modelled period)", .money), .init("Revenue (modelled period)", .money),
                .init("ROAS", .number), .init("ROAS 90% lower", .number), .init("ROAS 90% upper", .number),
                .init("Marginal ROAS", .number), .init("Current /day", .money), .init("Optimal /day", .money),
                .init("Marginal ROAS 1 at /day", .money),
            ],
            rows: channels.enumerated().map { k, c -> [DashboardTable.Cell] in
                [
                    .text(c.name), .money(c.totalSpend), .money(c.totalContribution), ratio(c.roas),
                    .number(c.roasLower, digits: 2), .number(c.roasUpper, digits: 2), ratio(c.marginalROAS),
                    .money(c.currentSpend), optimal.map { DashboardTable.Cell.money($0[k]) } ?? .empty,
                    c.diminishingReturns.map { DashboardTable.Cell.money($0.spend) } ?? .empty,
                ]
            },
            currency: currency)
        rows = zip(channels.indices, table.rows).map { k, cells in
            let show = cells.map { $0.display(currency) }
            return Row(
                name: show[0],
                href: "/dashboard/channels\(query)\(query.isEmpty ? "?" : "&")channel=\(DashboardQuery.encode(show[0]))",
                selected: k == index, spend: show[1], revenue: show[2], roas: "\(show[3]) [\(show[4]), \(show[5])]",
                marginalROAS: show[6], current: show[7], optimal: show[8], diminishing: show[9])
        }
        let c = channels[index]
        channel = c.name
        sourceNote = result.source.note
        isDemo = result.source.isDemo
        let s = result.statistics
        fitSummary = String(
            format: "Fitted on %d days × %d channels in %.1f s: R² %.3f, NRMSE %.3f, MAPE %.1f%%.", s.observations,
            channels.count, result.seconds, s.rSquared, s.nrmse, s.mape * 100)
        timeChart = Self.weekly(c, dates: result.dates, currency: currency)
        let effectiveness = Self.effectiveness(c, dates: result.dates)
        effectivenessChart = effectiveness.chart
        effectivenessNote = effectiveness.note
        seasonality = result.seasonality(of: c.name).map(ChannelSeasonalityPanel.init)
        var seen: Set<String> = []
        warnings = (result.fitWarnings + channels.flatMap(\.warnings)).filter { seen.insert($0).inserted }
        var markers = [
            ResponseCurveChart.Marker(name: "Current spend", spend: c.current.spend, response: c.current.response)
        ]
        if let o = optimal?[index] {
            markers.append(.init(name: "Optimal spend", spend: o, response: c.revenue(atDailySpend: o)))
        }
        if let d = c.diminishingReturns {
            markers.append(.init(name: "Marginal ROAS 1", spend: d.spend, response: d.response))
        }
        curveChart = ResponseCurveChart(
            title: "\(c.name): response curve", curve: c.curve.map { ($0.spend, $0.response, $0.lower, $0.upper) },
            markers: markers, unit: .money(symbol: currency.symbol)
        ).svg()
        let m = c.marginalROAS
        advice =
            m < 1
            ? "At the current \(currency.format(c.currentSpend))/day each extra \(currency.symbol)1 returns \(currency.cents(m)): \(c.name) is past its diminishing-returns point; move budget to channels with a higher marginal ROAS."
            : "At the current \(currency.format(c.currentSpend))/day each extra \(currency.symbol)1 still returns \(currency.cents(m)): there is room to grow \(c.name)."
    }

    /// The chart and sentence for channel `c`'s effectiveness over time.
    static func effectiveness(_ c: MarketingMixChannel, dates: [String]) -> (chart: String, note: String) {
        guard c.effectivenessVaries, !c.effectiveness.isEmpty else {
            return ("", "\(c.name)'s effectiveness was constant over the modelled period (a changing effect did not forecast better).")
        }
        let changes = c.effectivenessChanges.map {
            String(format: "%@ (%.2f× → %.2f×)", $0.date, $0.from, $0.to)
        }
        let note =
            "\(c.name)'s effectiveness changed over time"
            + (changes.isEmpty ? ", gradually." : ": " + changes.joined(separator: "; ") + ".")
            + " Its marginal ROAS and response curve use the latest level."
        let n = min(c.effectiveness.count, dates.count)
        let chart = LineChart(
            title: "\(c.name): effectiveness over time (1 = its average)", categories: Array(dates[0..<n]),
            series: [ChartSeries(name: "Effectiveness", values: Array(c.effectiveness[0..<n]))], style: .line,
            unit: .ratio, xTitle: "Date", yTitle: "Effect per unit of media"
        ).svg()
        return (chart, note)
    }

    /// Weekly spend and model-credited revenue of channel `c`, weeks labelled from `dates`.
    static func weekly(_ c: MarketingMixChannel, dates: [String], currency: DashboardCurrency) -> String {
        let name = c.name
        let spend = c.spend
        let contribution = c.contribution
        let n = min(spend.count, dates.count)
        // Whole weeks only: a trailing partial week would look like a collapse.
        let weeks = max(n / 7, 1)
        var s = [Double](repeating: 0, count: weeks), r = s
        for i in 0..<min(n, weeks * 7) {
            s[i / 7] += spend[i]
            if i < contribution.count { r[i / 7] += contribution[i] }
        }
        return LineChart(
            title: "\(name): weekly spend and the revenue the model credits it",
            categories: (0..<weeks).map { dates[$0 * 7] },
            series: [ChartSeries(name: "Spend", values: s), ChartSeries(name: "Revenue from \(name)", values: r)],
            style: .line, unit: .money(symbol: currency.symbol), xTitle: "Week starting", yTitle: "Amount per week"
        ).svg()
    }
}
