/// Splits a media budget across channels to maximise the revenue the fitted response
/// curves predict, under per-channel lower and upper bounds.
///
/// The main method equalises marginal ROAS: at the optimum of `max Σ R_c(x_c)` subject to
/// `Σ x_c = B`, `l_c ≤ x_c ≤ u_c`, the Karush–Kuhn–Tucker conditions (Boyd & Vandenberghe
/// 2004, *Convex Optimization*, §5.5.3) give `R'_c(x_c) = μ` for every channel strictly inside
/// its bounds, `R'_c ≤ μ` at a lower bound and `≥ μ` at an upper bound. For a multiplier `μ`
/// each channel's best spend is `argmax_{x∈[l,u]} R_c(x) − μx` — on an S-shaped Hill curve
/// the candidates are the bounds and the point on the falling branch of `R'` where it equals
/// `μ` — and total spend falls as `μ` rises, so `μ` is found by bisection. A jump of an
/// S-curve channel between candidates can leave a small remainder, which is spent greedily
/// on the highest marginal ROAS.
///
/// `projectedGradient` is an independent check: projected gradient ascent with Armijo
/// backtracking (Bertsekas 1999, *Nonlinear Programming*, §2.3) onto the same feasible set
/// (projection by bisection on the shift `τ` in `clip(y − τ, l, u)`).
///
/// All amounts here are spend per period; `MMMBudgetPlan` converts from horizon totals.
public struct MMMBudgetOptimizer: Sendable {
    public var responses: [MMMChannelResponse]

    public init(responses: [MMMChannelResponse]) { self.responses = responses }

    /// Total steady-state revenue per period of an allocation.
    public func revenue(_ x: [Double]) -> Double {
        zip(responses, x).reduce(0) { $0 + $1.0.response($1.1) }
    }

    /// The allocation maximising revenue for `budget` per period by equalising marginal ROAS.
    /// - Precondition: `Σ lower ≤ budget ≤ Σ upper`.
    /// - Returns: spend per period per channel, summing to `budget`, and the common marginal ROAS.
    public func allocate(budget: Double, lower: [Double], upper: [Double]) -> (spend: [Double], marginalROAS: Double) {
        precondition(lower.count == responses.count && upper.count == responses.count, "one bound per channel")
        var hiMu = 1.0
        for (c, r) in responses.enumerated() {
            hiMu = max(hiMu, r.marginal(max(lower[c], r.peakMarginalSpend)) * 2, r.marginal(lower[c]) * 2)
        }
        var loMu = 0.0
        if !hiMu.isFinite { hiMu = 1e12 }
        for _ in 0..<200 {
            let mid = 0.5 * (loMu + hiMu)
            if total(at: mid, lower, upper) > budget { loMu = mid } else { hiMu = mid }
            if hiMu - loMu <= 1e-14 * max(1, hiMu) { break }
        }
        var x = best(at: hiMu, lower, upper)
        var remainder = budget - x.reduce(0, +)
        // Spend what a jump left over, a small slice at a time, where the margin is highest.
        let slices = 1000
        let slice = remainder / Double(slices)
        if remainder > 1e-9 * max(1, budget) {
            for _ in 0..<slices {
                let open = responses.indices.filter { x[$0] < upper[$0] }
                guard let c = open.max(by: { responses[$0].marginal(x[$0]) < responses[$1].marginal(x[$1]) }) else {
                    break
                }
                let step = min(slice, upper[c] - x[c], remainder)
                x[c] += step
                remainder -= step
            }
        }
        return (x, hiMu)
    }

    /// The allocation found by projected gradient ascent from `start` (the check on
    /// `allocate`; also correct, but slower, for concave curves).
    public func projectedGradient(
        budget: Double, lower: [Double], upper: [Double], start: [Double], iterations: Int = 5000
    ) -> [Double] {
        var x = Self.project(start, budget: budget, lower: lower, upper: upper)
        var f = revenue(x)
        // Concave curves with slope < 1 have an infinite derivative at 0: take it a hair above.
        let floor = 1e-6 * max(budget, 1)
        func gradient(_ x: [Double]) -> [Double] {
            responses.indices.map { c in
                let d = responses[c].marginal(max(x[c], floor))
                return d.isFinite ? d : 1e6
            }
        }
        var step = 0.1 * budget / max(gradient(x).map(abs).max() ?? 1, 1e-12)
        for _ in 0..<iterations {
            let g = gradient(x)
            var improved = false
            while step > 1e-12 * max(budget, 1) {
                let y = Self.project(zip(x, g).map { $0 + step * $1 }, budget: budget, lower: lower, upper: upper)
                let fy = revenue(y)
                var ascent = 0.0
                for c in x.indices { ascent += g[c] * (y[c] - x[c]) }
                if fy >= f + 1e-4 * ascent, fy > f {
                    x = y
                    f = fy
                    improved = true
                    step *= 2
                    break
                }
                step *= 0.5
            }
            if !improved { break }
        }
        return x
    }

    /// The Euclidean projection of `y` onto `{Σ x = budget, lower ≤ x ≤ upper}`.
    static func project(_ y: [Double], budget: Double, lower: [Double], upper: [Double]) -> [Double] {
        func clipped(_ tau: Double) -> [Double] { y.indices.map { min(max(y[$0] - tau, lower[$0]), upper[$0]) } }
        var lo = (y.indices.map { y[$0] - upper[$0] }.min() ?? 0) - 1
        var hi = (y.indices.map { y[$0] - lower[$0] }.max() ?? 0) + 1
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if clipped(mid).reduce(0, +) > budget { lo = mid } else { hi = mid }
        }
        return clipped(0.5 * (lo + hi))
    }

    private func total(at mu: Double, _ lower: [Double], _ upper: [Double]) -> Double {
        best(at: mu, lower, upper).reduce(0, +)
    }

    /// Each channel's `argmax_{x∈[l,u]} R(x) − μx`.
    private func best(at mu: Double, _ lower: [Double], _ upper: [Double]) -> [Double] {
        responses.indices.map { c in
            let r = responses[c]
            let (l, u) = (lower[c], upper[c])
            var candidates = [l, u]
            let from = max(l, r.peakMarginalSpend)
            if from < u, r.marginal(from) > mu, r.marginal(u) < mu {
                var a = from
                var b = u
                for _ in 0..<100 {
                    let m = 0.5 * (a + b)
                    if r.marginal(m) > mu { a = m } else { b = m }
                    if b - a <= 1e-12 * max(1, b) { break }
                }
                candidates.append(0.5 * (a + b))
            }
            return candidates.max { r.response($0) - mu * $0 < r.response($1) - mu * $1 }!
        }
    }
}
