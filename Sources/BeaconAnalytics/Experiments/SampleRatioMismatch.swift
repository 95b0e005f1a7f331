import Foundation

/// The sample-ratio-mismatch check: Pearson's χ² goodness-of-fit test of the people assigned to
/// each variant against the split's weights. A tiny p-value (below 0.001 by convention, Fabijan et
/// al., "Diagnosing Sample Ratio Mismatch in Online Controlled Experiments", KDD 2019) means the
/// assignment or the logging is broken and the experiment's results cannot be trusted.
public enum SampleRatioMismatch {
    /// The χ² statistic and its p-value with (variants − 1) degrees of freedom. Weights are
    /// relative; variants with zero weight are left out. Returns p = 1 for fewer than two variants
    /// or no people.
    public static func test(counts: [Int], weights: [Double]) -> (chiSquare: Double, pValue: Double) {
        let pairs = zip(counts, weights).filter { $0.1 > 0 }
        let n = Double(pairs.reduce(0) { $0 + $1.0 })
        let total = pairs.reduce(0) { $0 + $1.1 }
        guard pairs.count >= 2, n > 0 else { return (0, 1) }
        var x2 = 0.0
        for (c, w) in pairs {
            let expected = n * w / total
            x2 += (Double(c) - expected) * (Double(c) - expected) / expected
        }
        return (x2, upperRegularizedGamma(Double(pairs.count - 1) / 2, x2 / 2))
    }

    /// Q(a, x) = Γ(a, x)/Γ(a): the series for x < a + 1, Lentz's continued fraction otherwise
    /// (Press et al., Numerical Recipes, 3rd ed., §6.2).
    static func upperRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let logPrefix = -x + a * Foundation.log(x) - SpecialFunctions.logGamma(a)
        if x < a + 1 {
            var sum = 1 / a, term = 1 / a, ap = a
            for _ in 0..<1_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return max(0, 1 - sum * Foundation.exp(logPrefix))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<1_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return min(1, Foundation.exp(logPrefix) * h)
    }
}
