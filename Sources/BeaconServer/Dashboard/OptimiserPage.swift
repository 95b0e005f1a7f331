import BeaconCore
import BeaconEngine
import Foundation

/// The budget optimiser and what-if simulator: the current daily allocation against the
/// one that maximises modelled revenue for the same total (`MarketingMixPlan`), with the
/// projected lift, and one slider per channel whose changes the page sends to
/// `POST /dashboard/api/whatif` for a live projection (`MarketingMixWhatIf`).
struct OptimiserPage: Sendable {
    struct Line: Sendable {
        var name: String
        var index: Int
        var current: String
        var optimised: String
        var change: String
        var currentRevenue: String
        var optimisedRevenue: String
        var marginalROAS: String
        /// Said beside a channel the plan may not raise: its effect is not distinguishable from zero.
        var caution: String
        /// Slider settings: whole units of the workspace's currency per day.
        var sliderValue: Int
        var sliderMax: Int
        var sliderStep: Int
        /// The slider's value as the page first shows it (`€120`).
        var sliderText: String
    }

    /// Plans cover this many days.
    static let horizon = 30

    var lines: [Line]
    /// The plan per channel (`plan`): the lines above show its cells, the CSV download writes them.
    var table: DashboardTable
    /// Every table of the page: the plan, then the forecast's backtest when there is one.
    var tables: [DashboardTable] { [table] + (forecast.flatMap { $0.hasBacktest ? $0.table : nil }.map { [$0] } ?? []) }
    var budget: String
    var currentRevenue: String
    var optimisedRevenue: String
    var lift: String
    var roas: String
    var sourceNote: String = ""
    var isDemo: Bool = false
    /// Revenue forecast at the current run rate with its backtest (nil when it could not be made).
    var forecast: ForecastPanel?

    /// The plan for the fit's current total daily spend over `horizon` days, optimised on
    /// `ComputeExecutor.requests` (a second or more of CPU in a debug build).
    static func plan(_ result: MMMFitCache.MMMResult) async throws -> MarketingMixPlan {
        try await ComputeExecutor.requests.run { try result.plan(horizon: horizon) }
    }

    /// The workspace's currency, for the forecast panel added later (`withForecast`).
    var currency: DashboardCurrency

    init(result: MMMFitCache.MMMResult, plan: MarketingMixPlan, currency: DashboardCurrency) {
        self.currency = currency
        let h = Double(plan.horizon)
        table = DashboardTable(
            id: "plan", title: "\(plan.horizon)-day plan (spend and modelled revenue from media)",
            columns: [
                .init("Channel"), .init("Current spend", .money), .init("Optimised spend", .money),
                .init("Change", .share), .init("Revenue now", .money), .init("Revenue optimised", .money),
                .init("Marginal ROAS", .number),
            ],
            rows: plan.lines.map { l in
                [
                    .text(l.name), .money(l.currentSpend), .money(l.optimizedSpend),
                    l.currentSpend > 0 ? .share(l.optimizedSpend / l.currentSpend - 1, digits: 0, signed: true) : .text("new"),
                    .money(l.currentRevenue), .money(l.optimizedRevenue), .number(l.marginalROAS, digits: 2, suffix: "×"),
                ]
            },
            currency: currency)
        lines = zip(plan.lines.enumerated(), table.rows).map { line, cells in
            let (k, l) = line
            let show = cells.map { $0.display(currency) }
            let daily = l.currentSpend / h
            let top = max(daily * 3, l.optimizedSpend / h * 1.5, 100)
            return Line(
                name: l.name, index: k, current: show[1], optimised: show[2], change: show[3], currentRevenue: show[4],
                optimisedRevenue: show[5], marginalROAS: show[6],
                caution: l.held
                    ? "Held at current spend: the data cannot identify its effect (see the channels page)."
                    : l.effectIdentified ? "" : "No effect distinguishable from zero: not raised above current spend.",
                sliderValue: Int(daily.rounded()),
                sliderMax: Int(ChartScale.niceStep(top / 5) * 5),
                sliderStep: max(1, Int(ChartScale.niceStep(top / 200))),
                sliderText: currency.format(daily.rounded()))
        }
        budget = currency.format(plan.budget)
        currentRevenue = currency.format(plan.currentRevenue)
        optimisedRevenue = currency.format(plan.optimizedRevenue)
        lift = String(
            format: "%@ (%+.1f%%, 90%% interval %@ … %@)", currency.format(plan.lift), plan.liftPercent,
            currency.format(plan.liftLower), currency.format(plan.liftUpper))
        roas = DashboardFormat.ratio(plan.optimizedROAS)
    }
}

/// Shown while the marketing-mix model is fitting.
struct FittingPage: Sendable {
    var seconds: Int
    var workspace: String
}
