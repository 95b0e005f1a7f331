/// A budget recommendation over a planning horizon: current against optimised spend per
/// channel, the revenue each is predicted to bring and the projected lift — the numbers
/// behind seed 001's optimiser screen.
///
/// Amounts are totals over `horizon` periods; the optimiser works on spend per period with
/// steady-state response curves (see `MMMChannelResponse`). Intervals come from the fit's
/// bootstrap draws with the allocation held fixed.
public struct MMMBudgetPlan: Codable, Sendable {
    /// One channel's line of the plan.
    public struct Line: Codable, Sendable, Equatable {
        public var name: String
        public var currentSpend: Double
        public var optimizedSpend: Double
        public var lowerBound: Double
        public var upperBound: Double
        public var currentRevenue: Double
        public var optimizedRevenue: Double
        /// Marginal ROAS at the optimised spend (equal across channels not at a bound).
        public var marginalROAS: Double
    }

    public var horizon: Int
    public var budget: Double
    public var lines: [Line]
    public var currentRevenue: Double
    public var optimizedRevenue: Double
    /// Optimised minus current media revenue over the horizon, with an interval.
    public var lift: MMMInterval
    public var liftPercent: Double
    /// Media revenue / spend of the optimised plan.
    public var optimizedROAS: Double
    /// The revenue the projected-gradient check reached; equal to `optimizedRevenue` up to
    /// rounding when both methods agree.
    public var checkRevenue: Double

    /// Optimises `budget` (total over `horizon` periods) starting from `current` spend per
    /// period; `bounds` are per-channel totals over the horizon (nil = 0 … budget).
    /// - Throws: `MMMError.badSetting` when the bounds cannot meet the budget.
    public init(
        responses: [MMMChannelResponse], current: [Double], budget: Double, horizon: Int,
        bounds: [ClosedRange<Double>?]? = nil, level: Double = 0.9
    ) throws {
        guard horizon > 0 else { throw MMMError(.badSetting, column: "horizon", "horizon must be positive") }
        guard budget > 0, budget.isFinite else {
            throw MMMError(.badSetting, column: "budget", "budget must be positive")
        }
        let h = Double(horizon)
        let perPeriod = budget / h
        let lower = responses.indices.map { (bounds?[$0]?.lowerBound ?? 0) / h }
        let upper = responses.indices.map { (bounds?[$0]?.upperBound ?? budget) / h }
        guard lower.reduce(0, +) <= perPeriod * (1 + 1e-12), upper.reduce(0, +) >= perPeriod * (1 - 1e-12) else {
            throw MMMError(
                .badSetting, column: "bounds",
                "bounds allow \(lower.reduce(0, +) * h) … \(upper.reduce(0, +) * h) in total, not the budget \(budget)")
        }
        let optimizer = MMMBudgetOptimizer(responses: responses)
        let (x, _) = optimizer.allocate(budget: perPeriod, lower: lower, upper: upper)
        let check = optimizer.projectedGradient(budget: perPeriod, lower: lower, upper: upper, start: current)
        self.horizon = horizon
        self.budget = budget
        lines = responses.indices.map { c in
            let r = responses[c]
            return Line(
                name: r.name, currentSpend: current[c] * h, optimizedSpend: x[c] * h, lowerBound: lower[c] * h,
                upperBound: upper[c] * h, currentRevenue: r.response(current[c]) * h,
                optimizedRevenue: r.response(x[c]) * h, marginalROAS: r.marginal(x[c]))
        }
        currentRevenue = optimizer.revenue(current) * h
        optimizedRevenue = optimizer.revenue(x) * h
        checkRevenue = optimizer.revenue(check) * h
        let drawCount = responses.map(\.coefficientDraws.count).min() ?? 0
        let liftDraws = (0..<drawCount).map { d in
            responses.indices.reduce(0.0) { sum, c in
                let r = responses[c]
                guard r.coefficient > 0 else { return sum }
                return sum + (r.response(x[c]) - r.response(current[c])) * h * r.coefficientDraws[d] / r.coefficient
            }
        }
        lift = MMMInterval(estimate: optimizedRevenue - currentRevenue, draws: liftDraws, level: level)
        liftPercent = currentRevenue > 0 ? (optimizedRevenue - currentRevenue) / currentRevenue * 100 : 0
        optimizedROAS = optimizedRevenue / budget
    }
}
