import RealModule

/// The Pareto/NBD model: Poisson purchases at rate λ ~ Gamma(r, α) during an exponential
/// lifetime with rate μ ~ Gamma(s, β), unobserved dropout in continuous time.
///
/// Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they and what will
/// they do next?", *Management Science* 33(1); likelihood as in Fader & Hardie (2005), "A note
/// on deriving the Pareto/NBD model and related expressions" (brucehardie.com note 009), eq. (18):
/// L = Γ(r+x)α^r β^s/Γ(r)·[1/((α+T)^(r+x)(β+T)^s) + s/(r+s+x)·A₀], with A₀ the difference of two
/// ₂F₁(r+s+x, ·; r+s+x+1; ·) terms (eqs. 19–20, the cases α ≥ β and α < β). The ₂F₁ and the
/// powers are combined in log space (``SpecialFunctions/logHypergeometric2F1(a:b:c:z:)``), and
/// where the ₂F₁ argument exceeds 0.9 A₀ is integrated directly over the dropout time, so
/// customers with hundreds of purchases and extreme parameters keep a finite, exact likelihood.
/// P(alive) is the note's §5.1 (eqs. 36–37: the first term's share of L), E[X(t)] eq. (27),
/// E[Y(t) | x, t_x, T] eq. (41). P(X(t) = n) splits on the dropout time τ:
/// NBD(n; t)·(β/(β+t))^s + ∫₀ᵗ (s/β)(β/(β+τ))^(s+1)·NBD(n; τ) dτ, evaluated by quadrature
/// (Fader & Hardie's 2006 note on P(X(t) = x) gives the same quantity in ₂F₁ form).
///
/// On CDNOW the published estimates are r 0.553, α 10.578, s 0.606, β 11.669, log-likelihood −9594.97.
public struct ParetoNBDModel: CLVTransactionModel, Equatable, Codable {
    public var r: Double
    public var alpha: Double
    public var s: Double
    public var beta: Double

    public static let parameterNames = ["r", "alpha", "s", "beta"]

    public init(r: Double, alpha: Double, s: Double, beta: Double) {
        self.r = r
        self.alpha = alpha
        self.s = s
        self.beta = beta
    }

    public init(parameters p: [Double]) { self.init(r: p[0], alpha: p[1], s: p[2], beta: p[3]) }
    public var parameters: [Double] { [r, alpha, s, beta] }

    /// Fits by maximum likelihood (see ``CLVMaximumLikelihood``) on the distinct histories of `data`.
    public static func fit(_ data: CLVSummaryData, penalizer: Double = 0) -> CLVFitResult<ParetoNBDModel> {
        let d = data.deduplicated().data
        return CLVMaximumLikelihood.fit(
            names: parameterNames, start: [1, 1, 1, 1], totalWeight: d.totalWeight, penalizer: penalizer,
            logLikelihood: { ParetoNBDModel(parameters: $0).logLikelihood(d) },
            makeModel: ParetoNBDModel.init(parameters:))
    }

    /// The two log terms of L without the constant Γ(r+x)α^r β^s/Γ(r): log of 1/((α+T)^(r+x)(β+T)^s)
    /// (customer alive at T) and of s/(r+s+x)·A₀ (customer died in (t_x, T]).
    ///
    /// s/(r+s+x)·A₀ equals s·∫_{t_x}^T (α+τ)^(−(r+x))(β+τ)^(−(s+1)) dτ (the density of dying at τ
    /// after the last purchase). The ₂F₁ closed form is used while its argument is ≤ 0.9 (fast
    /// series); beyond, the same integral is evaluated by tanh-sinh quadrature in log space,
    /// which stays accurate where ₂F₁ has huge parameters and an argument near 1.
    private func logTerms(x: Double, tx: Double, T: Double) -> (alive: Double, died: Double) {
        let alive = -(r + x) * Double.log(alpha + T) - s * Double.log(beta + T)
        guard tx < T else { return (alive, -.infinity) }
        let rsx = r + s + x
        let high = max(alpha, beta)
        let z = abs(alpha - beta) / (high + tx)
        let logA0: Double
        if z <= 0.9 {
            // Eq. (22): the ₂F₁ parameters for α ≥ β are (r+s+x, s+1), for α < β (r+s+x, r+x).
            let b2 = alpha >= beta ? s + 1 : r + x
            let early =
                SpecialFunctions.logHypergeometric2F1(a: rsx, b: b2, c: rsx + 1, z: z) - rsx * Double.log(high + tx)
            let late =
                SpecialFunctions.logHypergeometric2F1(a: rsx, b: b2, c: rsx + 1, z: abs(alpha - beta) / (high + T))
                - rsx * Double.log(high + T)
            logA0 = SpecialFunctions.logSubExp(early, min(late, early))
            return (alive, Double.log(s) - Double.log(rsx) + logA0)
        }
        let width = T - tx
        let integral = TanhSinhQuadrature.logIntegralOnUnitInterval { u, _, _ in
            let tau = tx + width * u
            return -(r + x) * Double.log(alpha + tau) - (s + 1) * Double.log(beta + tau)
        }
        return (alive, Double.log(s) + Double.log(width) + integral)
    }

    public func logLikelihood(frequency x: Double, recency tx: Double, T: Double) -> Double {
        let terms = logTerms(x: x, tx: tx, T: T)
        return Double.logGamma(r + x) - Double.logGamma(r) + r * Double.log(alpha) + s * Double.log(beta)
            + SpecialFunctions.logAddExp(terms.alive, terms.died)
    }

    /// P(alive | x, t_x, T): the share of the likelihood from "still alive at T".
    public func probabilityAlive(frequency x: Double, recency tx: Double, T: Double) -> Double {
        let terms = logTerms(x: x, tx: tx, T: T)
        return Double.exp(terms.alive - SpecialFunctions.logAddExp(terms.alive, terms.died))
    }

    /// (1 − (b/(b+t))^(s−1))/(s−1), continuous at s = 1 where it is log(1 + t/b).
    private func survivalIntegral(_ base: Double, _ t: Double) -> Double {
        let l = Double.log(base) - Double.log(base + t)
        return abs(s - 1) < 1e-10 ? -l : -Double.expMinusOne((s - 1) * l) / (s - 1)
    }

    /// (r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^(s−1)]·P(alive | x, t_x, T).
    public func expectedPurchases(in t: Double, frequency x: Double, recency tx: Double, T: Double) -> Double {
        guard t > 0 else { return 0 }
        return (r + x) * (beta + T) / (alpha + T) * survivalIntegral(beta + T, t)
            * probabilityAlive(frequency: x, recency: tx, T: T)
    }

    /// E[X(t)] = rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)].
    public func expectedPurchasesNewCustomer(in t: Double) -> Double {
        guard t > 0 else { return 0 }
        return r * beta / alpha * survivalIntegral(beta, t)
    }

    public func probabilityOfPurchases(_ n: Int, in t: Double) -> Double {
        guard n >= 0 else { return 0 }
        if t <= 0 { return n == 0 ? 1 : 0 }
        let nn = Double(n)
        let logCoefficient = Double.logGamma(r + nn) - Double.logGamma(r) - Double.logGamma(nn + 1)
        func logNBD(_ tau: Double) -> Double {
            let l = Double.log(alpha + tau)
            return logCoefficient + r * (Double.log(alpha) - l) + (n == 0 ? 0 : nn * (Double.log(tau) - l))
        }
        let aliveAtT = Double.exp(logNBD(t) + s * (Double.log(beta) - Double.log(beta + t)))
        let diedBefore = TanhSinhQuadrature.integrate(
            { tau in
                Double.exp(Double.log(s / beta) + (s + 1) * (Double.log(beta) - Double.log(beta + tau)) + logNBD(tau))
            }, from: 0, to: t, relativeTolerance: 1e-10)
        return aliveAtT + diedBefore
    }
}
