import BeaconAnalytics
import BeaconCore
import Foundation

/// A revenue forecast from a fitted marketing-mix model (`MMMForecast`) with its rolling-origin
/// backtest (`MMMBacktest`), as plain numbers for `GET /api/forecast` and the optimiser page.
public struct MarketingMixForecast: Sendable, Equatable {
    /// One forecast period: revenue with its prediction interval, and the running total.
    public struct Period: Sendable, Equatable {
        public var date: String
        public var revenue: Double
        public var lower: Double
        public var upper: Double
        public var baseline: Double
        public var media: Double
        public var cumulative: Double
        public var cumulativeLower: Double
        public var cumulativeUpper: Double
    }

    /// One channel over the horizon.
    public struct Channel: Sendable, Equatable {
        public var name: String
        public var spend: Double
        public var revenue: Double
        public var lower: Double
        public var upper: Double
        /// Revenue over the horizon that spend before it brings.
        public var carryover: Double
    }

    /// The backtest's score for one horizon step.
    public struct Step: Sendable, Equatable {
        public var ahead: Int
        public var mape: Double
        public var coverage: Double
    }

    /// How forecasts like this one did on the past.
    public struct Backtest: Sendable, Equatable {
        public var origins: Int
        public var horizon: Int
        public var mape: Double
        public var coverage: Double
        public var totalMAPE: Double
        public var totalCoverage: Double
        public var steps: [Step]
    }

    public var horizon: Int
    /// 1 for days, 7 for weeks.
    public var stepDays: Int
    /// The intervals' coverage, e.g. 0.9.
    public var level: Double
    public var periods: [Period]
    public var channels: [Channel]
    public var total: Double
    public var totalLower: Double
    public var totalUpper: Double
    public var spend: Double
    public var backtest: Backtest?
}

/// A forecast request the model refuses, naming the field at fault (`horizon`, `spend.<channel>`).
public struct MarketingMixForecastError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var description: String { "\(field): \(message)" }
}

/// The backtests of the dashboard's fits, computed once per fit and horizon: each is several
/// refits of the model, too slow to repeat on every request.
public actor MarketingMixBacktests {
    public static let shared = MarketingMixBacktests()
    private var done: [String: MarketingMixForecast.Backtest] = [:]

    /// The backtest for `result`'s fit and `horizon`, computed on first use.
    func backtest(_ result: MMMFitCache.MMMResult, horizon: Int, origins: Int) async -> MarketingMixForecast.Backtest? {
        let fit = result.fit
        let key =
            "\(result.data.dates.last ?? "")|\(result.data.count)|\(fit.search.objective)|\(fit.statistics.nrmse)|\(result.data.target.reduce(0, +))|\(horizon)|\(origins)"
        if let hit = done[key] { return hit }
        var spec = fit.specification
        spec.bootstrapSamples = min(spec.bootstrapSamples, 50)
        let (data, specification) = (result.data, spec)
        guard
            let b = try? await ComputeExecutor.shared.run({
                try MMMBacktest(
                    data: data, specification: specification, horizon: horizon, origins: origins, refitSearch: false,
                    fit: fit, samples: 300, seed: fit.specification.seed)
            })
        else { return nil }
        let out = MarketingMixForecast.Backtest(
            origins: b.origins.count, horizon: b.horizon, mape: b.mape, coverage: b.coverage, totalMAPE: b.totalMAPE,
            totalCoverage: b.totalCoverage,
            steps: b.steps.map { .init(ahead: $0.ahead, mape: $0.mape, coverage: $0.coverage) })
        if done.count > 64 { done.removeAll() }
        done[key] = out
        return out
    }
}

extension MMMFitCache.MMMResult {
    /// The fitted table's revenue per period, what a forecast continues.
    public var actualRevenue: [Double] { data.target }

    /// Revenue over the next `horizon` periods with `spend` per period for the channels it names
    /// (the others at their current run rate), and, with `backtestOrigins` > 0, the rolling-origin
    /// backtest of forecasts as long (capped so each origin keeps half the data; nil when the data
    /// is too short). The backtest keeps the fit's adstock and saturation at every origin.
    /// - Throws: `MarketingMixForecastError` naming `horizon` or `spend.<channel>`.
    public func forecast(horizon: Int, spend: [String: Double] = [:], backtestOrigins: Int = 3) async throws
        -> MarketingMixForecast
    {
        let f: MMMForecast
        do {
            let (fit, data) = (fit, data)
            f = try await ComputeExecutor.shared.run {
                try MMMForecast(
                    fit: fit, data: data, spend: MMMForecast.plan(fit: fit, horizon: horizon, overrides: spend),
                    horizon: horizon, samples: 1000, seed: fit.specification.seed)
            }
        } catch let error as MMMError {
            throw MarketingMixForecastError(field: error.column ?? "horizon", message: error.message)
        }
        var backtest: MarketingMixForecast.Backtest?
        if backtestOrigins > 0 {
            let h = min(horizon, max(1, data.count / (2 * backtestOrigins)))
            backtest = await MarketingMixBacktests.shared.backtest(self, horizon: h, origins: backtestOrigins)
        }
        return MarketingMixForecast(
            horizon: f.horizon, stepDays: f.stepDays, level: f.level,
            periods: f.periods.map {
                .init(
                    date: $0.date, revenue: $0.revenue.estimate, lower: $0.revenue.lower, upper: $0.revenue.upper,
                    baseline: $0.baseline, media: $0.media, cumulative: $0.cumulative.estimate,
                    cumulativeLower: $0.cumulative.lower, cumulativeUpper: $0.cumulative.upper)
            },
            channels: f.channels.map {
                .init(
                    name: $0.name, spend: $0.spend, revenue: $0.revenue.estimate, lower: $0.revenue.lower,
                    upper: $0.revenue.upper, carryover: $0.carryover)
            },
            total: f.total.estimate, totalLower: f.total.lower, totalUpper: f.total.upper, spend: f.spend,
            backtest: backtest)
    }
}
