import RealModule

/// A revenue forecast for the periods after a fitted model's data: the baseline (trend,
/// seasonality, controls) carried forward plus each channel's media effect of a planned spend,
/// including the carry-over of the spend before the forecast starts, with prediction intervals
/// that widen with the horizon.
///
/// The point forecast is the fitted model itself run forward: trend terms extrapolate, Fourier
/// seasonality repeats, controls are held at their mean over the fit's current-spend window
/// (unless future values are given), events are 0 (unless given), and each channel's spend
/// series — history then plan — goes through its adstock and saturation, so spend of the last
/// weeks keeps paying into the horizon. A channel whose effectiveness varies over time keeps its
/// last fitted effectiveness (as the holdout does).
///
/// Intervals are simulated (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*,
/// 3rd ed., §5.5 "prediction intervals from bootstrapped residuals"; Thombs & Schucany 1990,
/// "Bootstrap prediction intervals for autoregression", *J. Amer. Statist. Assoc.* 85(410)).
/// Every replicate combines three sources of error:
/// 1. the media coefficients of one replicate of the whole-fit bootstrap (`coefficientDraws`,
///    which repeats the hyper-parameter choice);
/// 2. the baseline's estimation error: moving blocks of the fit's residuals (Künsch 1989) are
///    regressed on the baseline design, `δ* = (XᵀX)⁻¹Xᵀe*` — the residual bootstrap of a linear
///    model (Efron & Tibshirani, *An Introduction to the Bootstrap*, 1993, §9.5) — so an
///    uncertain trend fans out as it is extrapolated;
/// 3. the noise of the forecast periods themselves: one moving-block path of residuals.
/// Per-period intervals widen as the trend fans out; intervals of the cumulative revenue widen
/// with every period added. Percentiles are type 7 (`MMMInterval`).
public struct MMMForecast: Codable, Sendable, Equatable {
    /// One forecast period.
    public struct Period: Codable, Sendable, Equatable {
        public var date: String
        /// Total revenue: estimate and prediction interval.
        public var revenue: MMMInterval
        /// The parts of the estimate: baseline and media.
        public var baseline: Double
        public var media: Double
        /// Revenue summed from the first forecast period to this one, with its interval.
        public var cumulative: MMMInterval
    }

    /// One channel over the horizon.
    public struct Channel: Codable, Sendable, Equatable {
        public var name: String
        /// Planned spend over the horizon.
        public var spend: Double
        /// Media revenue over the horizon, with the interval of the coefficient draws.
        public var revenue: MMMInterval
        /// The part of `revenue` that spend before the forecast brings (the channel's revenue
        /// over the horizon with no new spend at all).
        public var carryover: Double
    }

    /// 1 for days, 7 for weeks.
    public var stepDays: Int
    public var horizon: Int
    public var level: Double
    public var periods: [Period]
    public var channels: [Channel]
    /// Revenue over the whole horizon.
    public var total: MMMInterval
    public var spend: Double
    /// Simulated replicates behind the intervals.
    public var samples: Int

    /// The planned spend per period of every channel: its current run rate (the fit's
    /// `currentSpend`) unless `overrides` names it.
    /// - Throws: `MMMError` naming a channel the fit does not have, or a negative amount.
    public static func plan(fit: MMMFit, horizon: Int, overrides: [String: Double] = [:]) throws -> [[Double]] {
        let names = Set(fit.channels.map(\.name))
        if let unknown = overrides.keys.sorted().first(where: { !names.contains($0) }) {
            throw MMMError(
                .unknownChannel, column: "spend.\(unknown)",
                "no channel '\(unknown)' in the model (it has \(fit.channels.map(\.name).joined(separator: ", ")))")
        }
        return try fit.channels.map { c in
            let amount = overrides[c.name] ?? c.currentSpend
            guard amount.isFinite, amount >= 0 else {
                throw MMMError(.negativeSpend, column: "spend.\(c.name)", "spend must be a non-negative number")
            }
            return [Double](repeating: amount, count: max(horizon, 0))
        }
    }

    /// Forecasts `horizon` periods after the end of `data`.
    /// - Parameters:
    ///   - fit: the model fitted on `data` (or on its first `fit.fitCount` rows).
    ///   - data: the history: its spend feeds the carry-over, its last date starts the forecast.
    ///   - spend: per channel (fit order), the spend of each forecast period (`horizon` values).
    ///   - futureControls: per control, its values over the horizon (default: held at the mean of
    ///     the current-spend window).
    ///   - futureEvents: per event, its values over the horizon (default: 0).
    ///   - samples: simulated replicates (at least 20).
    ///   - seed: the simulation's seed; the same inputs and seed give the same forecast.
    /// - Throws: `MMMError` naming `horizon`, `spend` (or `spend.<channel>`), `samples` or the
    ///   data's column at fault.
    public init(
        fit: MMMFit, data: MMMDataset, spend: [[Double]], horizon: Int, futureControls: [[Double]]? = nil,
        futureEvents: [[Double]]? = nil, samples: Int = 1000, seed: UInt64 = 1
    ) throws {
        guard horizon >= 1 else { throw MMMError(.badSetting, column: "horizon", "horizon must be at least 1 period") }
        guard samples >= 20 else { throw MMMError(.badSetting, column: "samples", "need at least 20 replicates") }
        guard spend.count == fit.channels.count else {
            throw MMMError(
                .badSetting, column: "spend", "need spend for \(fit.channels.count) channels, got \(spend.count)")
        }
        for (c, series) in spend.enumerated() {
            let name = fit.channels[c].name
            guard series.count == horizon else {
                throw MMMError(
                    .lengthMismatch, column: "spend.\(name)", "has \(series.count) values for \(horizon) periods")
            }
            if let bad = series.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
                throw MMMError(
                    .negativeSpend, column: "spend.\(name)", row: bad, "spend must be a non-negative number")
            }
        }
        let calendar = try data.validated()
        guard data.channels.map(\.name) == fit.channels.map(\.name) else {
            throw MMMError(
                .unknownChannel, column: "channels",
                "the data's channels (\(data.channels.map(\.name).joined(separator: ", "))) are not the model's (\(fit.channels.map(\.name).joined(separator: ", ")))"
            )
        }
        guard calendar.stepDays == fit.stepDays, fit.fitCount <= data.count else {
            throw MMMError(.badSetting, column: "date", "the data is not the table the model was fitted on")
        }
        let n = data.count
        let total = n + horizon
        let nFit = fit.fitCount

        // The baseline over history and horizon, from the same design the fit used.
        let last = calendar.dates[n - 1]
        let future = (1...horizon).map { last.adding(days: $0 * calendar.stepDays) }
        let extended = MMMDataset.Calendar(dates: calendar.dates + future, stepDays: calendar.stepDays)
        let recent = max(0, nFit - fit.currentPeriods)..<nFit
        func extend(_ columns: [MMMDataset.Column], _ given: [[Double]]?, name: String, hold: Bool) throws
            -> [MMMDataset.Column]
        {
            if let given {
                guard given.count == columns.count, given.allSatisfy({ $0.count == horizon }) else {
                    throw MMMError(
                        .lengthMismatch, column: name, "need \(columns.count) series of \(horizon) future values")
                }
            }
            return columns.enumerated().map { k, column in
                let held = hold ? recent.reduce(0) { $0 + column.values[$1] } / Double(max(recent.count, 1)) : 0
                return MMMDataset.Column(
                    name: column.name, values: column.values + (given?[k] ?? [Double](repeating: held, count: horizon)))
            }
        }
        let events = try extend(data.events, futureEvents, name: "events", hold: false)
        let controls = try extend(data.controls, futureControls, name: "controls", hold: true)
        let terms = fit.specification.baseline.terms(
            calendar: extended, fitCount: nFit, events: events, controls: controls)
        guard terms.map(\.name) == fit.baselineTerms.map(\.name) else {
            throw MMMError(.badSetting, column: "model", "the model's baseline terms do not match the data's columns")
        }
        var baseline = [Double](repeating: fit.intercept, count: total)
        for (j, term) in terms.enumerated() {
            let b = fit.baselineTerms[j].coefficient
            guard b != 0 else { continue }
            for t in 0..<total { baseline[t] += b * term.values[t] }
        }

        // Media: each channel's regressor over history then plan; the carry-over alone runs
        // the history into a horizon without spend.
        let level = fit.specification.intervalLevel
        var regressors: [[Double]] = []
        var channels: [Channel] = []
        for (c, summary) in fit.channels.enumerated() {
            let response = summary.response
            let history = data.channels[c].values
            let reg = Array(response.regressor(history + spend[c])[n...])
            let carry = response.regressor(history + [Double](repeating: 0, count: horizon))[n...]
            regressors.append(reg)
            let s = reg.reduce(0, +)
            channels.append(
                Channel(
                    name: summary.name, spend: spend[c].reduce(0, +),
                    revenue: MMMInterval(
                        estimate: response.coefficient * s, draws: response.coefficientDraws.map { $0 * s },
                        level: level),
                    carryover: response.coefficient * carry.reduce(0, +)))
        }
        let media = (0..<horizon).map { h in
            fit.channels.indices.reduce(0.0) { $0 + fit.channels[$1].response.coefficient * regressors[$1][h] }
        }
        let estimate = (0..<horizon).map { baseline[n + $0] + media[$0] }

        // Simulation: coefficient draw + baseline refit on resampled residuals + future noise.
        let residuals = (0..<nFit).map { fit.decomposition.actual[$0] - fit.decomposition.fitted[$0] }
        let design = [[Double](repeating: 1, count: total)] + terms.map(\.values)
        let q = design.count
        var gram = Matrix(rows: q, columns: q)
        for a in 0..<q {
            for b in a..<q {
                var s = 0.0
                for t in 0..<nFit { s += design[a][t] * design[b][t] }
                gram[a, b] = s
                gram[b, a] = s
            }
        }
        // A tiny ridge keeps collinear designs (a trend and its changepoints) solvable.
        for a in 0..<q { gram[a, a] += 1e-9 * max(gram[a, a], 1) }
        let block = max(1, min(calendar.stepDays == 1 ? 14 : 4, nFit))
        let drawCount = fit.channels.map(\.response.coefficientDraws.count).min() ?? 0
        var generator = Xoshiro256StarStar(seed: seed)
        var paths = [[Double]](repeating: [Double](repeating: 0, count: horizon), count: samples)
        var resampled = [Double](repeating: 0, count: nFit)
        let zeros = [Double](repeating: 0, count: nFit)
        for r in 0..<samples {
            MMMBootstrap.resample(
                into: &resampled, fitted: zeros, residuals: residuals, rows: 0..<nFit, block: block,
                generator: &generator)
            var xe = [Double](repeating: 0, count: q)
            for a in 0..<q {
                var s = 0.0
                for t in 0..<nFit { s += design[a][t] * resampled[t] }
                xe[a] = s
            }
            let delta = gram.choleskySolve(xe) ?? [Double](repeating: 0, count: q)
            let noise = Self.blockPath(length: horizon, residuals: residuals, block: block, generator: &generator)
            for h in 0..<horizon {
                let t = n + h
                var value = baseline[t] + noise[h]
                for a in 0..<q where delta[a] != 0 { value += delta[a] * design[a][t] }
                for c in fit.channels.indices {
                    let response = fit.channels[c].response
                    let beta = drawCount > 0 ? response.coefficientDraws[r % drawCount] : response.coefficient
                    value += beta * regressors[c][h]
                }
                paths[r][h] = value
            }
        }
        var periods: [Period] = []
        var running = [Double](repeating: 0, count: samples)
        var runningEstimate = 0.0
        for h in 0..<horizon {
            for r in 0..<samples { running[r] += paths[r][h] }
            runningEstimate += estimate[h]
            periods.append(
                Period(
                    date: future[h].description,
                    revenue: MMMInterval(estimate: estimate[h], draws: paths.map { $0[h] }, level: level),
                    baseline: baseline[n + h], media: media[h],
                    cumulative: MMMInterval(estimate: runningEstimate, draws: running, level: level)))
        }
        self.stepDays = calendar.stepDays
        self.horizon = horizon
        self.level = level
        self.periods = periods
        self.channels = channels
        self.total = periods[horizon - 1].cumulative
        self.spend = spend.reduce(0) { $0 + $1.reduce(0, +) }
        self.samples = samples
    }

    /// `length` values made of blocks of `block` consecutive residuals whose starts are drawn
    /// uniformly with replacement (Künsch 1989, §2), the last block cut at `length`.
    static func blockPath(length: Int, residuals: [Double], block: Int, generator: inout Xoshiro256StarStar)
        -> [Double]
    {
        let b = max(1, min(block, residuals.count))
        var out: [Double] = []
        out.reserveCapacity(length + b)
        while out.count < length {
            let start = generator.nextInt(below: residuals.count - b + 1)
            out += residuals[start..<(start + b)]
        }
        return Array(out.prefix(length))
    }
}
