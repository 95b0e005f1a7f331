/// A rolling-origin evaluation of `MMMForecast`: the model is refitted on the data up to each of
/// several forecast origins and forecasts the periods after it from the spend actually made,
/// and the forecasts are scored against what happened — MAPE and interval coverage per horizon.
///
/// This is the "evaluation on a rolling forecasting origin" of Tashman (2000), "Out-of-sample
/// tests of forecasting accuracy: an analysis and review", *Int. J. Forecasting* 16(4), §3, and
/// of Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §5.10. The
/// forecasts are *ex post* (FPP3 §7.6): the spend, controls and events of the forecast periods
/// are the ones recorded, so the score measures the model, not the planning. Origins are spaced
/// `horizon` periods apart and the last one leaves exactly `horizon` periods to forecast.
///
/// With `refitSearch` each origin repeats the whole fit, hyper-parameter search included (what a
/// user doing this by hand would get); without it, the adstock and saturation of `fit` are kept
/// and only the regression, effectiveness paths and bootstrap are refitted — much cheaper, at the
/// price of hyper-parameters that have seen the later data. Deterministic for a seed.
public struct MMMBacktest: Codable, Sendable, Equatable {
    /// One horizon step's score over the origins.
    public struct Step: Codable, Sendable, Equatable {
        /// Periods ahead, 1…horizon.
        public var ahead: Int
        /// Mean absolute percentage error of the point forecast (actuals of 0 left out).
        public var mape: Double
        /// The share of origins whose actual revenue lay inside the prediction interval.
        public var coverage: Double
    }

    /// One origin's forecast against the actuals.
    public struct Origin: Codable, Sendable, Equatable {
        /// The first forecast date.
        public var start: String
        public var actual: [Double]
        public var predicted: [Double]
        public var lower: [Double]
        public var upper: [Double]
        /// Absolute percentage error of the horizon's total revenue.
        public var totalError: Double
        /// Whether the horizon's total lay inside its interval.
        public var totalCovered: Bool
    }

    public var horizon: Int
    public var level: Double
    public var refitSearch: Bool
    public var steps: [Step]
    public var origins: [Origin]
    /// Over every origin and step.
    public var mape: Double
    public var coverage: Double
    /// MAPE and coverage of the horizon totals.
    public var totalMAPE: Double
    public var totalCoverage: Double

    /// Backtests forecasts of `horizon` periods from `origins` origins.
    /// - Parameters:
    ///   - data: the whole history.
    ///   - specification: the model fitted at each origin (its holdout is ignored).
    ///   - fit: with `refitSearch` false, the fit whose transforms every origin keeps.
    ///   - samples: simulated replicates per forecast.
    /// - Throws: `MMMError` naming `horizon` or `origins` when the data is too short for them, or
    ///   what a fit at an origin throws.
    public init(
        data: MMMDataset, specification: MMMSpecification, horizon: Int, origins: Int = 4, refitSearch: Bool = true,
        fit: MMMFit? = nil, samples: Int = 500, seed: UInt64 = 1
    ) throws {
        guard horizon >= 1 else { throw MMMError(.badSetting, column: "horizon", "horizon must be at least 1 period") }
        guard origins >= 1 else { throw MMMError(.badSetting, column: "origins", "need at least 1 origin") }
        _ = try data.validated()
        let n = data.count
        let firstOrigin = n - origins * horizon
        // Each origin's fit needs at least half the data (and the model's own minimum).
        guard firstOrigin >= max(10, n / 2) else {
            throw MMMError(
                .badSetting, column: horizon * origins > n / 2 ? "horizon" : "origins",
                "\(origins) origins of \(horizon) periods leave \(firstOrigin) of \(n) periods to fit the first; use fewer or shorter"
            )
        }
        guard refitSearch || fit != nil else {
            throw MMMError(
                .badSetting, column: "fit", "a backtest without a search needs the fit whose transforms it keeps")
        }
        var spec = specification
        spec.holdoutPeriods = 0
        func slice(_ column: MMMDataset.Column, _ rows: Range<Int>) -> MMMDataset.Column {
            .init(name: column.name, values: Array(column.values[rows]))
        }
        var scored: [Origin] = []
        for k in 0..<origins {
            let o = firstOrigin + k * horizon
            let head = 0..<o
            let next = o..<(o + horizon)
            let train = MMMDataset(
                dates: Array(data.dates[head]), targetName: data.targetName, target: Array(data.target[head]),
                channels: data.channels.map { slice($0, head) }, controls: data.controls.map { slice($0, head) },
                events: data.events.map { slice($0, head) })
            let model = MarketingMixModel(spec)
            let originFit =
                refitSearch
                ? try model.fit(train)
                : try model.fit(train, transforms: fit!.responses, lambda: fit!.ridgeLambda)
            let forecast = try MMMForecast(
                fit: originFit, data: train, spend: data.channels.map { Array($0.values[next]) }, horizon: horizon,
                futureControls: data.controls.map { Array($0.values[next]) },
                futureEvents: data.events.map { Array($0.values[next]) }, samples: samples,
                seed: seed &+ UInt64(k))
            let actual = Array(data.target[next])
            let sum = actual.reduce(0, +)
            scored.append(
                Origin(
                    start: data.dates[o], actual: actual, predicted: forecast.periods.map(\.revenue.estimate),
                    lower: forecast.periods.map(\.revenue.lower), upper: forecast.periods.map(\.revenue.upper),
                    totalError: sum != 0 ? abs(forecast.total.estimate - sum) / abs(sum) : .nan,
                    totalCovered: forecast.total.lower <= sum && sum <= forecast.total.upper))
        }
        func ape(_ a: Double, _ p: Double) -> Double? { a != 0 ? abs(p - a) / abs(a) : nil }
        func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }
        steps = (0..<horizon).map { h in
            Step(
                ahead: h + 1, mape: mean(scored.compactMap { ape($0.actual[h], $0.predicted[h]) }),
                coverage: mean(scored.map { $0.lower[h] <= $0.actual[h] && $0.actual[h] <= $0.upper[h] ? 1 : 0 }))
        }
        let all = scored.flatMap { o in
            o.actual.indices.map { (o.actual[$0], o.predicted[$0], o.lower[$0], o.upper[$0]) }
        }
        mape = mean(all.compactMap { ape($0.0, $0.1) })
        coverage = mean(all.map { $0.2 <= $0.0 && $0.0 <= $0.3 ? 1 : 0 })
        totalMAPE = mean(scored.map(\.totalError).filter { $0.isFinite })
        totalCoverage = mean(scored.map { $0.totalCovered ? 1 : 0 })
        self.horizon = horizon
        self.level = spec.intervalLevel
        self.refitSearch = refitSearch
        self.origins = scored
    }
}
