import RealModule

/// Count distributions shared by the CLV models' P(X(t) = n) formulas.
enum CLVCountDistributions {
    /// The negative binomial (gamma-mixed Poisson) probabilities NBD(j) = Γ(r+j)/(Γ(r) j!)·
    /// (α/(α+t))^r·(t/(α+t))^j for j = 0…n: purchases in (0, t] at rate λ ~ Gamma(r, α)
    /// (Fader, Hardie & Lee 2005, eq. 2). Computed by the recurrence NBD(j+1) = NBD(j)·(r+j)/(j+1)·t/(α+t).
    static func negativeBinomial(r: Double, alpha: Double, t: Double, upTo n: Int) -> [Double] {
        let q = t / (alpha + t)
        var p = [Double](repeating: 0, count: n + 1)
        p[0] = Double.exp(r * (Double.log(alpha) - Double.log(alpha + t)))
        if n > 0 {
            for j in 0..<n { p[j + 1] = p[j] * (r + Double(j)) / Double(j + 1) * q }
        }
        return p
    }
}
