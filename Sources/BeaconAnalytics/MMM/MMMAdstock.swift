import RealModule

/// An adstock (carry-over) transform: today's effective media pressure as a weighted sum of
/// today's and past spend, `a_t = Σ_{l=0}^{L−1} w_l · x_{t−l}` (spend before the series
/// starts counts as 0).
///
/// The weight families follow the two reference implementations:
/// - `geometric`: `w_l = θ^l` (Jin et al. 2017, "Bayesian Methods for Media Mix Modeling with
///   Carryover and Shape Effects", Google, eq. 1; pymc-marketing `geometric_adstock`), divided
///   by `Σ w` when `normalized` so that a constant spend maps to itself.
/// - `delayed`: `w_l = θ^((l − peak)²)` (Jin et al. 2017, eq. 2; pymc-marketing
///   `delayed_adstock`), the effect peaking `peak` periods after the spend.
/// - `weibullCDF` / `weibullPDF`: Robyn's `adstock_weibull` (facebookexperimental/Robyn,
///   `R/transformation.R`). With `L = maxLag` and `λ' = round(quantile(1…L, scale))`
///   (R's type-7 quantile, `1 + scale·(L−1)`, rounded half to even): CDF weights are
///   `w_0 = 1, w_l = Π_{j=1}^{l} (1 − F(j; shape, λ'))` with `F` the Weibull CDF; PDF weights
///   are the Weibull density `f(l+1; shape, λ')` min–max normalised to [0, 1]. `shape = 0` or
///   `scale = 0` means no carry-over (`w = 1, 0, 0, …`) as in Robyn. `scale` is a fraction of
///   the window, so it depends on `maxLag` (Robyn uses the whole series as the window).
///
/// Non-finite spend propagates to the affected outputs; weights are always finite.
public enum MMMAdstock: Codable, Sendable, Equatable {
    case geometric(rate: Double, maxLag: Int, normalized: Bool)
    case delayed(rate: Double, peak: Double, maxLag: Int, normalized: Bool)
    case weibullCDF(shape: Double, scale: Double, maxLag: Int)
    case weibullPDF(shape: Double, scale: Double, maxLag: Int)

    /// The lag weights `w_0 … w_{L−1}`.
    public var weights: [Double] {
        switch self {
        case .geometric(let rate, let maxLag, let normalized):
            var w = [Double](repeating: 0, count: max(1, maxLag))
            var p = 1.0
            for l in w.indices {
                w[l] = p
                p *= rate
            }
            return normalized ? Self.normalizedToSum(w) : w
        case .delayed(let rate, let peak, let maxLag, let normalized):
            let w = (0..<max(1, maxLag)).map { l in Double.pow(rate, (Double(l) - peak) * (Double(l) - peak)) }
            return normalized ? Self.normalizedToSum(w) : w
        case .weibullCDF(let shape, let scale, let maxLag):
            let n = max(1, maxLag)
            guard shape > 0, scale > 0 else { return Self.impulse(n) }
            let lambda = Self.robynScale(scale, window: n)
            var w = [Double](repeating: 0, count: n)
            var cumulative = 1.0
            w[0] = 1
            for l in 1..<max(n, 1) {
                let cdf = 1 - Double.exp(-Double.pow(Double(l) / lambda, shape))
                cumulative *= 1 - cdf
                w[l] = cumulative
            }
            return w
        case .weibullPDF(let shape, let scale, let maxLag):
            let n = max(1, maxLag)
            guard shape > 0, scale > 0 else { return Self.impulse(n) }
            let lambda = Self.robynScale(scale, window: n)
            let density = (1...n).map { i -> Double in
                let z = Double(i) / lambda
                return shape / lambda * Double.pow(z, shape - 1) * Double.exp(-Double.pow(z, shape))
            }
            guard let lo = density.min(), let hi = density.max(), hi > lo else {
                return [Double](repeating: 1, count: n)
            }
            return density.map { ($0 - lo) / (hi - lo) }
        }
    }

    /// The longest lag considered.
    public var maxLag: Int {
        switch self {
        case .geometric(_, let l, _), .delayed(_, _, let l, _), .weibullCDF(_, _, let l), .weibullPDF(_, _, let l):
            return max(1, l)
        }
    }

    /// The steady-state gain `Σ w_l`: a spend held at `x` every period settles at `x · Σ w_l`.
    public var steadyStateGain: Double { weights.reduce(0, +) }

    /// The carried-over series `a_t = Σ_l w_l x_{t−l}`, same length as `spend`.
    public func apply(_ spend: [Double]) -> [Double] {
        let w = weights
        var out = [Double](repeating: 0, count: spend.count)
        for t in spend.indices {
            var s = 0.0
            for l in 0..<min(w.count, t + 1) { s += w[l] * spend[t - l] }
            out[t] = s
        }
        return out
    }

    /// A one-number summary of the carry-over: the share of the total effect that arrives
    /// after the period of spend, `1 − w_0 / Σ w` (0 = none). For normalised geometric adstock
    /// with a long window this is the rate θ itself.
    public var carryoverShare: Double {
        let w = weights
        let total = w.reduce(0, +)
        return total > 0 ? 1 - w[0] / total : 0
    }

    private static func normalizedToSum(_ w: [Double]) -> [Double] {
        let s = w.reduce(0, +)
        return s > 0 ? w.map { $0 / s } : w
    }

    private static func impulse(_ n: Int) -> [Double] {
        var w = [Double](repeating: 0, count: n)
        w[0] = 1
        return w
    }

    /// Robyn's `round(quantile(1:windlen, scale), 0)`, floored at a tiny positive value.
    private static func robynScale(_ scale: Double, window: Int) -> Double {
        let q = 1 + min(max(scale, 0), 1) * Double(window - 1)
        return max(q.rounded(.toNearestOrEven), 1e-12)
    }
}
