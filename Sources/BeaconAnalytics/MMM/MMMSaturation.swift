import RealModule

/// A saturation (shape) curve mapping scaled, carried-over media pressure `x ≥ 0` to a
/// response in [0, 1); the channel's regression coefficient turns it into revenue.
///
/// - `hill`: `x^s / (x^s + k^s)` — the Hill function (Jin et al. 2017, "Bayesian Methods for
///   Media Mix Modeling with Carryover and Shape Effects", eq. 3), as in Robyn's
///   `saturation_hill` with `alpha = s`; `k` is the half-saturation point, given directly in
///   scaled units rather than through Robyn's `gamma` (`k = γ`-quantile of the adstocked
///   range). `s > 1` gives an S-curve.
/// - `logistic`: `(1 − e^(−λx)) / (1 + e^(−λx))` — pymc-marketing's `logistic_saturation`.
/// - `michaelisMenten`: `x / (k + x)` — pymc-marketing's `michaelis_menten` with its
///   asymptote `α` absorbed into the channel coefficient (a Hill curve with `s = 1`).
///
/// Negative inputs are treated as 0 (spend cannot be negative); NaN propagates.
public enum MMMSaturation: Codable, Sendable, Equatable {
    case hill(halfSaturation: Double, slope: Double)
    case logistic(lambda: Double)
    case michaelisMenten(halfSaturation: Double)

    /// The curve at `x`.
    public func value(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let x = max(x, 0)
        switch self {
        case .hill(let k, let s):
            guard x > 0 else { return 0 }
            // x^s / (x^s + k^s) written as 1 / (1 + (k/x)^s) to stay finite for large x.
            return 1 / (1 + Double.pow(k / x, s))
        case .logistic(let lambda):
            let e = Double.exp(-lambda * x)
            return (1 - e) / (1 + e)
        case .michaelisMenten(let k):
            return x / (k + x)
        }
    }

    /// The slope `d value / dx` at `x` (for marginal returns).
    public func derivative(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let x = max(x, 0)
        switch self {
        case .hill(let k, let s):
            if x == 0 { return s < 1 ? .infinity : (s == 1 ? 1 / k : 0) }
            let r = Double.pow(k / x, s)
            return s * r / (x * (1 + r) * (1 + r))
        case .logistic(let lambda):
            let e = Double.exp(-lambda * x)
            return 2 * lambda * e / ((1 + e) * (1 + e))
        case .michaelisMenten(let k):
            return k / ((k + x) * (k + x))
        }
    }

    /// The curve applied to each element.
    public func apply(_ xs: [Double]) -> [Double] { xs.map(value) }

    /// Where the marginal response peaks: 0 for concave curves, `k·((s−1)/(s+1))^(1/s)` for
    /// an S-shaped Hill curve (`s > 1`).
    public var inflection: Double {
        switch self {
        case .hill(let k, let s) where s > 1:
            return k * Double.pow((s - 1) / (s + 1), 1 / s)
        default:
            return 0
        }
    }
}
