/// A budget recommendation over a planning horizon: current against optimised spend per
/// channel, the revenue each is predicted to bring and the projected lift — the numbers
/// behind seed 001's optimiser screen.
///
/// Amounts are totals over `horizon` periods; the optimiser works on spend per period with
/// steady-state response curves (see `MMMChannelResponse`). Intervals come from the fit's
/// bootstrap draws with the allocation held fixed.
///
/// A channel whose effect is not distinguishable from zero — the lower end of its coefficient's
/// bootstrap interval at the plan's level is zero, as it is when the non-negative fit sets the
/// effect to nothing in enough replicates — is never given more than its current spend, whatever
/// its point estimate says, and its line says why (`effectIdentified`).
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
        /// False when the channel's effect is not distinguishable from zero: its spend was
        /// not allowed to rise.
        public var effectIdentified: Bool
        /// True when an identification warning held the channel at its current spend.
        public var held: Bool = false
    }

    /// True when `response`'s coefficient is above zero across the central `level` of its
    /// bootstrap draws (no draws: taken at its point estimate).
    public static func effectIdentified(_ response: MMMChannelResponse, level: Double) -> Bool {
        guard response.coefficient > 0 else { return false }
        guard !response.coefficientDraws.isEmpty else { return true }
        let interval = MMMInterval(estimate: response.coefficient, draws: response.coefficientDraws, level: level)
        return interval.lower > 1e-12 * response.coefficient
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
    /// The best revenue the projected-gradient check reached from the current plan and from an
    /// even split; equal to `optimizedRevenue` up to rounding when both methods agree (the plan
    /// takes the check's allocation if it is better, which only S-shaped curves can cause).
    public var checkRevenue: Double

    /// Optimises `budget` (total over `horizon` periods) starting from `current` spend per
    /// period; `bounds` are per-channel totals over the horizon (nil = 0.5–2 × the current
    /// spend over the horizon, Robyn's `robyn_allocator` defaults).
    /// - Throws: `MMMError.badSetting` when the bounds cannot meet the budget.
    public init(
        responses: [MMMChannelResponse], current: [Double], budget: Double, horizon: Int,
        bounds: [ClosedRange<Double>?]? = nil, level: Double = 0.9, hold: Set<String> = []
    ) throws {
        guard horizon > 0 else { throw MMMError(.badSetting, column: "horizon", "horizon must be positive") }
        guard budget > 0, budget.isFinite else {
            throw MMMError(.badSetting, column: "budget", "budget must be positive")
        }
        let h = Double(horizon)
        let perPeriod = budget / h
        // Unbounded channels get Robyn's allocator defaults: 0.5–2 × current spend, which keeps
        // the plan near the spend levels the model has seen (0 … budget for a channel not
        // currently spent on).
        // A held channel (see `MMMIdentificationCheck`) keeps its current spend, within its bounds.
        let held = responses.map { hold.contains($0.name) }
        let lower = responses.indices.map { c in
            let bound = bounds?[c].map { $0.lowerBound / h } ?? 0.5 * current[c]
            return held[c] ? max(bound, min(current[c], bounds?[c].map { $0.upperBound / h } ?? current[c])) : bound
        }
        let identified = responses.map { Self.effectIdentified($0, level: level) }
        let upper = responses.indices.map { c in
            let bound = bounds?[c].map { $0.upperBound / h } ?? (current[c] > 0 ? 2 * current[c] : perPeriod)
            if held[c] { return lower[c] }
            // No more money where no effect can be shown.
            return identified[c] ? bound : max(lower[c], min(bound, current[c]))
        }
        guard lower.reduce(0, +) <= perPeriod * (1 + 1e-12), upper.reduce(0, +) >= perPeriod * (1 - 1e-12) else {
            let frozen = responses.indices.filter { !identified[$0] }.map { responses[$0].name }
            throw MMMError(
                .badSetting, column: "bounds",
                "bounds allow \(lower.reduce(0, +) * h) … \(upper.reduce(0, +) * h) in total, not the budget \(budget)"
                    + " (channels without bounds may move 0.5–2 × their current spend; give wider bounds)"
                    + (frozen.isEmpty
                        ? ""
                        : "; \(frozen.joined(separator: ", ")) cannot rise above current spend: no effect distinguishable from zero"))
        }
        let optimizer = MMMBudgetOptimizer(responses: responses)
        let marginal = optimizer.allocate(budget: perPeriod, lower: lower, upper: upper).spend
        // The check: projected gradient from the current plan and from an even split. On
        // S-shaped curves either method can stop at a local optimum, so the plan keeps the best.
        let checks = [current, lower.indices.map { _ in perPeriod / Double(lower.count) }].map {
            optimizer.projectedGradient(budget: perPeriod, lower: lower, upper: upper, start: $0)
        }
        let check = checks.max { optimizer.revenue($0) < optimizer.revenue($1) }!
        let x = optimizer.revenue(check) > optimizer.revenue(marginal) * (1 + 1e-9) ? check : marginal
        self.horizon = horizon
        self.budget = budget
        lines = responses.indices.map { c in
            let r = responses[c]
            return Line(
                name: r.name, currentSpend: current[c] * h, optimizedSpend: x[c] * h, lowerBound: lower[c] * h,
                upperBound: upper[c] * h, currentRevenue: r.response(current[c]) * h,
                optimizedRevenue: r.response(x[c]) * h, marginalROAS: r.marginal(x[c]), effectIdentified: identified[c],
                held: held[c])
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
