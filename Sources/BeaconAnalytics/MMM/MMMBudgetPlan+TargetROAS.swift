extension MMMBudgetPlan {
    /// The plan with the largest budget whose optimised media ROAS still reaches `target` —
    /// the optimiser's "reach a target ROAS" mode.
    ///
    /// With the budget optimally allocated, media revenue `R*(B)` is concave in the budget
    /// for concave response curves, so the plan's ROAS `R*(B)/B` falls as `B` grows and the
    /// budget is found by bisection between the sum of the lower bounds and `maxBudget`.
    /// - Parameters:
    ///   - target: the media ROAS to reach (revenue per unit of spend).
    ///   - maxBudget: the largest total budget over the horizon to consider.
    ///   - bounds: per-channel totals over the horizon (nil = 0 … `maxBudget`).
    /// - Throws: `MMMError.badSetting` when even the smallest feasible budget misses the target.
    public static func forTargetROAS(
        _ target: Double, responses: [MMMChannelResponse], current: [Double], horizon: Int, maxBudget: Double,
        bounds: [ClosedRange<Double>?]? = nil, level: Double = 0.9, hold: Set<String> = []
    ) throws -> MMMBudgetPlan {
        guard target > 0, target.isFinite else {
            throw MMMError(.badSetting, column: "target-roas", "target ROAS must be positive")
        }
        guard horizon > 0, maxBudget > 0 else {
            throw MMMError(.badSetting, column: "max-budget", "the horizon and maximum budget must be positive")
        }
        let h = Double(horizon)
        // A held channel keeps its current spend (see `MMMIdentificationCheck`).
        let held = responses.map { hold.contains($0.name) }
        let lower = responses.indices.map { held[$0] ? current[$0] : (bounds?[$0]?.lowerBound ?? 0) / h }
        let upper = responses.indices.map {
            held[$0] ? current[$0] : min(bounds?[$0]?.upperBound ?? maxBudget, maxBudget) / h
        }
        let optimizer = MMMBudgetOptimizer(responses: responses)
        func roas(_ perPeriod: Double) -> Double {
            optimizer.revenue(optimizer.allocate(budget: perPeriod, lower: lower, upper: upper).spend) / perPeriod
        }
        var lo = max(lower.reduce(0, +), 1e-9 * maxBudget / h)
        var hi = min(upper.reduce(0, +), maxBudget / h)
        guard lo <= hi else {
            throw MMMError(.badSetting, column: "bounds", "the lower bounds exceed the maximum budget")
        }
        guard roas(lo) >= target else {
            throw MMMError(
                .badSetting, column: "target-roas",
                "a ROAS of \(target) is out of reach: the smallest feasible budget returns \(roas(lo))")
        }
        if roas(hi) < target {
            for _ in 0..<100 {
                let mid = 0.5 * (lo + hi)
                if roas(mid) >= target { lo = mid } else { hi = mid }
                if hi - lo <= 1e-9 * hi { break }
            }
            hi = lo
        }
        return try MMMBudgetPlan(
            responses: responses, current: current, budget: hi * h, horizon: horizon,
            bounds: responses.indices.map { c in (lower[c] * h)...(upper[c] * h) }, level: level, hold: hold)
    }
}
