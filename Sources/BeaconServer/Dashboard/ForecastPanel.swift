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
    /// The backtest by period ahead, as the page shows it and downloads it (`backtest`).
    var table: DashboardTable

    /// Days of actual revenue drawn before the forecast.
    static let historyDays = 60

    init(result: MMMFitCache.MMMResult, forecast f: MarketingMixForecast, currency: DashboardCurrency) {
        let percent = Int((f.level * 100).rounded())
        let unit = f.stepDays == 1 ? "days" : "weeks"
        let n = result.dates.count
        let shown = max(0, n - Self.historyDays)..<n
        chart = ForecastChart(
            title: "Revenue: the last \(shown.count) \(unit) and the next \(f.horizon) at the current spend",
            history: shown.map { (date: result.dates[$0], value: result.actualRevenue[$0]) },
            forecast: f.periods.map { (date: $0.date, estimate: $0.revenue, lower: $0.lower, upper: $0.upper) },
            level: f.level,
            unit: .money(symbol: currency.symbol)
        ).svg()
        let carry = f.channels.reduce(0) { $0 + $1.carryover }
        summary =
            "At the current run rate (\(currency.format(f.spend)) of spend) the model expects \(currency.format(f.total)) of revenue over the next \(f.horizon) \(unit) "
            + "(\(percent)% prediction interval \(currency.format(f.totalLower)) … \(currency.format(f.totalUpper))), "
            + "\(currency.format(carry)) of it still from spend already made."
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
            table = Self.backtestTable(picked.map { ($0.ahead, $0.mape, $0.coverage) }, unit: unit)
        } else {
            backtestNote = "Too little history for a backtest of forecasts this long."
            rows = []
            hasBacktest = false
            table = Self.backtestTable([], unit: unit)
        }
    }

    static func backtestTable(_ steps: [(ahead: Int, mape: Double, coverage: Double)], unit: String) -> DashboardTable {
        DashboardTable(
            id: "backtest", title: "Backtest of forecasts by period ahead (\(unit))",
            columns: [.init("Periods ahead", .count), .init("MAPE", .share), .init("Actual inside the interval", .share)],
            rows: steps.map { [.count($0.ahead), .share($0.mape, digits: 1), .share($0.coverage, digits: 0)] },
            currency: .usDollar)
    }
}
