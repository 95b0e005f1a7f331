import RealModule

extension BGNBDModel {
    /// The BG/NBD log-likelihood of a whole (de-duplicated) summary with its analytic gradient,
    /// for fitting: FHL 2005 eq. (6) differentiated term by term.
    ///
    /// With C = log Γ(r+x) − log Γ(r) + r log α − log B(a, b) and the two branches
    /// A = log B(a, b+x) − (r+x) log(α+T), B = log B(a+1, b+x−1) − (r+x) log(α+t_x) (x > 0), and
    /// w = e^A/(e^A + e^B): ∂r = ψ(r+x) − ψ(r) + log α − w log(α+T) − (1−w) log(α+t_x);
    /// ∂α = r/α − (r+x)(w/(α+T) + (1−w)/(α+t_x)); ∂a, ∂b from the digamma derivatives of the
    /// beta functions. Everything that depends only on x is computed once per distinct x.
    struct Likelihood {
        let data: CLVSummaryData
        /// Distinct frequencies and, per row, the index of its frequency.
        let frequencies: [Double]
        let frequencyIndex: [Int]

        init(_ data: CLVSummaryData) {
            self.data = data
            var position: [Double: Int] = [:]
            var xs: [Double] = []
            frequencyIndex = data.frequency.map { x in
                if let p = position[x] { return p }
                position[x] = xs.count
                xs.append(x)
                return xs.count - 1
            }
            frequencies = xs
        }

        /// Σ wᵢ log Lᵢ at θ = (r, α, a, b), and ∂/∂θ when `withGradient`.
        func evaluate(_ theta: [Double], withGradient: Bool) -> (value: Double, gradient: [Double]) {
            let (r, alpha, a, b) = (theta[0], theta[1], theta[2], theta[3])
            let m = frequencies.count
            var lgRX = [Double](repeating: 0, count: m), lgBX = lgRX, lgBX1 = lgRX, lgABX = lgRX
            var psiRX = lgRX, psiBX = lgRX, psiBX1 = lgRX, psiABX = lgRX
            for (k, x) in frequencies.enumerated() {
                lgRX[k] = Double.logGamma(r + x)
                lgBX[k] = Double.logGamma(b + x)
                lgABX[k] = Double.logGamma(a + b + x)
                if x > 0 { lgBX1[k] = Double.logGamma(b + x - 1) }
                if withGradient {
                    psiRX[k] = SpecialFunctions.digamma(r + x)
                    psiBX[k] = SpecialFunctions.digamma(b + x)
                    psiABX[k] = SpecialFunctions.digamma(a + b + x)
                    if x > 0 { psiBX1[k] = SpecialFunctions.digamma(b + x - 1) }
                }
            }
            let lgA = Double.logGamma(a), lgA1 = Double.logGamma(a + 1)
            let constant =
                -Double.logGamma(r) + r * Double.log(alpha) + Double.logGamma(a + b) - lgA - Double.logGamma(b)
            let psiR = withGradient ? SpecialFunctions.digamma(r) : 0
            let psiA = withGradient ? SpecialFunctions.digamma(a) : 0
            let psiA1 = withGradient ? SpecialFunctions.digamma(a + 1) : 0
            let psiAB = withGradient ? SpecialFunctions.digamma(a + b) : 0
            let psiB = withGradient ? SpecialFunctions.digamma(b) : 0
            let logAlpha = Double.log(alpha)
            var total = 0.0
            var g = [0.0, 0.0, 0.0, 0.0]
            for i in 0..<data.count {
                let k = frequencyIndex[i]
                let x = frequencies[k]
                let w = data.weights[i]
                let logAT = Double.log(alpha + data.T[i])
                let stays = lgA + lgBX[k] - lgABX[k] - (r + x) * logAT
                var ll = constant + lgRX[k]
                var wStay = 1.0
                var logATx = 0.0
                if x > 0 {
                    logATx = Double.log(alpha + data.recency[i])
                    let leaves = lgA1 + lgBX1[k] - lgABX[k] - (r + x) * logATx
                    let top = max(stays, leaves)
                    let eS = Double.exp(stays - top), eL = Double.exp(leaves - top)
                    ll += top + Double.log(eS + eL)
                    wStay = eS / (eS + eL)
                } else {
                    ll += stays
                }
                total += w * ll
                guard withGradient else { continue }
                let wLeave = 1 - wStay
                g[0] += w * (psiRX[k] - psiR + logAlpha - wStay * logAT - wLeave * logATx)
                g[1] +=
                    w
                    * (r / alpha - (r + x)
                        * (wStay / (alpha + data.T[i]) + (x > 0 ? wLeave / (alpha + data.recency[i]) : 0)))
                g[2] += w * (psiAB - psiA + wStay * (psiA - psiABX[k]) + wLeave * (psiA1 - psiABX[k]))
                g[3] += w * (psiAB - psiB + wStay * (psiBX[k] - psiABX[k]) + wLeave * (psiBX1[k] - psiABX[k]))
            }
            return (total, g)
        }
    }
}
