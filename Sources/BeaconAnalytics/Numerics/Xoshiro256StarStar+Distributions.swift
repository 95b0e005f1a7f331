import RealModule

/// Draws from the continuous distributions that simulations and demo data need, on top of
/// `Xoshiro256StarStar`'s uniforms, so every draw is reproducible from the seed.
extension Xoshiro256StarStar {
    /// A standard normal draw by the Box–Muller transform (Box & Muller 1958, *Ann. Math.
    /// Statist.* 29(2)); one of the pair is discarded to keep the generator stateless.
    public mutating func nextNormal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - nextDouble()  // in (0, 1]: log(u1) is finite
        let u2 = nextDouble()
        return mean + standardDeviation * (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }

    /// An exponential draw with the given rate (mean 1/rate), by inversion.
    public mutating func nextExponential(rate: Double) -> Double {
        -Double.log(1 - nextDouble()) / rate
    }

    /// A gamma draw with shape `shape` > 0 and rate `rate` > 0 (mean shape/rate), by
    /// Marsaglia & Tsang (2000), "A simple method for generating gamma variables", *ACM TOMS*
    /// 26(3); for shape < 1 the boost `G(a) = G(a+1)·U^(1/a)` of the same paper (§6).
    public mutating func nextGamma(shape: Double, rate: Double = 1) -> Double {
        if shape < 1 {
            let u = 1 - nextDouble()
            return nextGamma(shape: shape + 1, rate: rate) * Double.pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = nextNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = 1 - nextDouble()
            if Double.log(u) < 0.5 * x * x + d - d * v + d * Double.log(v) { return d * v / rate }
        }
    }

    /// A beta draw as `X/(X+Y)` with `X ~ Gamma(a)`, `Y ~ Gamma(b)`.
    public mutating func nextBeta(_ a: Double, _ b: Double) -> Double {
        let x = nextGamma(shape: a)
        let y = nextGamma(shape: b)
        return x / (x + y)
    }

    /// A Bernoulli draw: true with probability `p`.
    public mutating func nextBool(probability p: Double) -> Bool {
        nextDouble() < p
    }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
    public mutating func nextIndex(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = nextDouble() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.count - 1
    }
}
