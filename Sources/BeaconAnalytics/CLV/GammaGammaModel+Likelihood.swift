import RealModule

extension GammaGammaModel {
    /// The Gamma-Gamma log-likelihood of weighted (x, z̄) rows with its analytic gradient, for fitting.
    ///
    /// Per row log f = log Γ(px+q) − log Γ(px) − log Γ(q) + q log γ + (px−1) log z̄ + px log x
    /// − (px+q) log(x z̄ + γ), so ∂p = x[ψ(px+q) − ψ(px) + log z̄ + log x − log(x z̄ + γ)],
    /// ∂q = ψ(px+q) − ψ(q) + log γ − log(x z̄ + γ), ∂γ = q/γ − (px+q)/(x z̄ + γ). The gamma and
    /// digamma terms depend on x only and are computed once per distinct x.
    struct Likelihood {
        let x: [Double], m: [Double], w: [Double]
        let logX: [Double], logM: [Double]
        let frequencies: [Double]
        let frequencyIndex: [Int]
        var totalWeight: Double { w.reduce(0, +) }

        init(rows: [(x: Double, m: Double, weight: Double)]) {
            x = rows.map(\.x)
            m = rows.map(\.m)
            w = rows.map(\.weight)
            logX = x.map { Double.log($0) }
            logM = m.map { Double.log($0) }
            var position: [Double: Int] = [:]
            var xs: [Double] = []
            frequencyIndex = x.map { v in
                if let p = position[v] { return p }
                position[v] = xs.count
                xs.append(v)
                return xs.count - 1
            }
            frequencies = xs
        }

        func evaluate(_ theta: [Double], withGradient: Bool) -> (value: Double, gradient: [Double]) {
            let (p, q, gamma) = (theta[0], theta[1], theta[2])
            let lgPXQ = frequencies.map { Double.logGamma(p * $0 + q) - Double.logGamma(p * $0) }
            let psiPXQ = withGradient ? frequencies.map { SpecialFunctions.digamma(p * $0 + q) } : []
            let psiPX = withGradient ? frequencies.map { SpecialFunctions.digamma(p * $0) } : []
            let logGamma = Double.log(gamma)
            let constant = -Double.logGamma(q) + q * logGamma
            let psiQ = withGradient ? SpecialFunctions.digamma(q) : 0
            var total = 0.0
            var g = [0.0, 0.0, 0.0]
            for i in x.indices {
                let k = frequencyIndex[i]
                let px = p * x[i]
                let logDen = Double.log(x[i] * m[i] + gamma)
                total += w[i] * (lgPXQ[k] + constant + (px - 1) * logM[i] + px * logX[i] - (px + q) * logDen)
                guard withGradient else { continue }
                g[0] += w[i] * x[i] * (psiPXQ[k] - psiPX[k] + logM[i] + logX[i] - logDen)
                g[1] += w[i] * (psiPXQ[k] - psiQ + logGamma - logDen)
                g[2] += w[i] * (q / gamma - (px + q) / (x[i] * m[i] + gamma))
            }
            return (total, g)
        }
    }
}
