import RealModule

/// Special functions of probability models, evaluated in log space so that large arguments
/// neither overflow nor lose precision.
///
/// `logGamma` is swift-numerics' `Double.logGamma` (C `lgamma`); the others are built on it.
/// Domain: the functions are defined for positive arguments where the doc comment says so and
/// return NaN outside (never trap). The Gaussian hypergeometric function is in
/// `SpecialFunctions+Hypergeometric.swift`.
public enum SpecialFunctions {
    /// log Γ(x) for x > 0 (NaN for x ≤ 0 at the poles is not guaranteed; callers pass x > 0).
    @inlinable
    public static func logGamma(_ x: Double) -> Double { Double.logGamma(x) }

    /// ψ(x) = d/dx log Γ(x), the digamma function, for x > 0 (NaN for x ≤ 0): the recurrence
    /// ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series of Abramowitz & Stegun 6.3.18
    /// (absolute error below 1e-14).
    public static func digamma(_ x: Double) -> Double {
        guard x > 0 else { return .nan }
        var v = x
        var shift = 0.0
        while v < 10 {
            shift -= 1 / v
            v += 1
        }
        let f = 1 / (v * v)
        let series =
            f
            * (-1.0 / 12 + f * (1.0 / 120 + f * (-1.0 / 252 + f * (1.0 / 240 + f * (-1.0 / 132 + f * 691.0 / 32760)))))
        return shift + Double.log(v) - 0.5 / v + series
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0; NaN otherwise.
    @inlinable
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        guard a > 0, b > 0 else { return .nan }
        return Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b)
    }

    /// log C(n, k) = log Γ(n + 1) − log Γ(k + 1) − log Γ(n − k + 1), for 0 ≤ k ≤ n (real n, k);
    /// −∞ outside that range (the binomial coefficient is zero there).
    @inlinable
    public static func logBinomial(_ n: Double, _ k: Double) -> Double {
        guard k >= 0, k <= n else { return -.infinity }
        return Double.logGamma(n + 1) - Double.logGamma(k + 1) - Double.logGamma(n - k + 1)
    }

    /// log(eᵃ + eᵇ) without overflow; −∞ when both are −∞, NaN when either is NaN.
    @inlinable
    public static func logAddExp(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return .nan }
        let m = max(a, b)
        if m == -.infinity { return -.infinity }
        if m == .infinity { return .infinity }
        return m + Double.log(onePlus: Double.exp(-abs(a - b)))
    }

    /// log(Σ eˣⁱ) without overflow; −∞ for an empty array.
    public static func logSumExp(_ xs: [Double]) -> Double {
        guard let m = xs.max(), m.isFinite else { return xs.max() ?? -.infinity }
        var s = 0.0
        for x in xs { s += Double.exp(x - m) }
        return m + Double.log(s)
    }

    /// log(eᵃ − eᵇ) for a ≥ b; NaN when a < b, −∞ when a == b.
    @inlinable
    public static func logSubExp(_ a: Double, _ b: Double) -> Double {
        guard a >= b else { return .nan }
        if b == -.infinity { return a }
        return a + Double.log(onePlus: -Double.exp(b - a))
    }
}
