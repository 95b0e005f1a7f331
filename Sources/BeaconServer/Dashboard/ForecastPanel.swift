import BeaconEngine
import Foundation

/// The optimiser page's forecast panel: revenue for the next days at the current run rate with
/// its prediction band after the last weeks of actual revenue, and beside it the rolling-origin
/// backtest of such forecasts (MAPE and interval coverage per day ahead).
struct ForecastPanel: Sendable {
    struct Row: Sendable {
        var ahead: String
        var mape: String
        var coverage: String
    }

    var chart: String
    var summary: String
    var backtestNote: String
    var rows: [Row]
    /// Stored, not computed: templates read stored properties.
    var hasBacktest: Bool

    /// Days of actual revenue drawn before the forecast.
    static let historyDays = 60

    init(result: MMMFitCache.MMMResult, forecast f: MarketingMixForecast) {
        let percent = Int((f.level * 100).rounded())
        let unit = f.stepDays == 1 ? "days" : "weeks"
        let n = result.dates.count
        let shown = max(0, n - Self.historyDays)..<n
        chart = ForecastChart(
            title: "Revenue: the last \(shown.count) \(unit) and the next \(f.horizon) at the current spend",
            history: shown.map { (date: result.dates[$0], value: result.actualRevenue[$0]) },
            forecast: f.periods.map { (date: $0.date, estimate: $0.revenue, lower: $0.lower, upper: $0.upper) },
            level: f.level,
            unit: .money(symbol: "$")
        ).svg()
        let carry = f.channels.reduce(0) { $0 + $1.carryover }
        summary =
            "At the current run rate (\(DashboardFormat.money(f.spend)) of spend) the model expects \(DashboardFormat.money(f.total)) of revenue over the next \(f.horizon) \(unit) "
            + "(\(percent)% prediction interval \(DashboardFormat.money(f.totalLower)) … \(DashboardFormat.money(f.totalUpper))), "
            + "\(DashboardFormat.money(carry)) of it still from spend already made."
        if let b = f.backtest {
            backtestNote = String(
                format:
                    "Backtest: the model refitted at %d earlier dates forecast the following %d %@ from the spend actually made: MAPE %.1f%% per period, %.0f%% of actual values inside the %d%% interval (totals: MAPE %.1f%%, %.0f%% inside).",
                b.origins, b.horizon, unit, b.mape * 100, b.coverage * 100, percent, b.totalMAPE * 100,
                b.totalCoverage * 100)
            let picked = b.steps.filter { [1, 2, 3, 7, 14, 21, 28, 30, b.horizon].contains($0.ahead) }
            rows = picked.map {
                Row(
                    ahead: "\($0.ahead)", mape: String(format: "%.1f%%", $0.mape * 100),
                    coverage: String(format: "%.0f%%", $0.coverage * 100))
            }
            hasBacktest = !rows.isEmpty
        } else {
            backtestNote = "Too little history for a backtest of forecasts this long."
            rows = []
            hasBacktest = false
        }
    }
}
