import RealModule

/// The BG/NBD model of repeat buying: Poisson purchases at rate λ ~ Gamma(r, α) while alive,
/// and after each purchase the customer drops out with probability p ~ Beta(a, b).
///
/// Fader, Hardie & Lee (2005), "'Counting your customers' the easy way: an alternative to the
/// Pareto/NBD model", *Marketing Science* 24(2): likelihood eq. (6), P(X(t) = n) eq. (8),
/// E[X(t)] eq. (9), E[Y(t) | x, t_x, T] eq. (10); P(alive) from Fader, Hardie & Lee (2008),
/// "Computing P(alive) using the BG/NBD model", eq. (1). Everything is computed in log space;
/// the hypergeometric terms use ``SpecialFunctions/logHypergeometric2F1(a:b:c:z:)``.
///
/// On CDNOW (2,357 customers, weeks) the published estimates are r 0.243, α 4.414, a 0.793,
/// b 2.426 with log-likelihood −9582.43.
public struct BGNBDModel: CLVTransactionModel, Equatable, Codable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public static let parameterNames = ["r", "alpha", "a", "b"]

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// Parameters in the order of ``parameterNames``.
    public init(parameters p: [Double]) { self.init(r: p[0], alpha: p[1], a: p[2], b: p[3]) }
    public var parameters: [Double] { [r, alpha, a, b] }

    /// Fits by maximum likelihood (see ``CLVMaximumLikelihood``) on the distinct histories of `data`.
    /// - Parameter penalizer: L2 coefficient on the parameters, as lifetimes' `penalizer_coef`.
    public static func fit(_ data: CLVSummaryData, penalizer: Double = 0) -> CLVFitResult<BGNBDModel> {
        let likelihood = Likelihood(data.deduplicated().data)
        return CLVMaximumLikelihood.fit(
            names: parameterNames, start: [1, 1, 1, 1], totalWeight: likelihood.data.totalWeight, penalizer: penalizer,
            logLikelihood: { likelihood.evaluate($0, withGradient: false).value },
            gradient: { likelihood.evaluate($0, withGradient: true).gradient },
            makeModel: BGNBDModel.init(parameters:))
    }

    /// Eq. (6): log of B(a, b+x)/B(a, b)·Γ(r+x)α^r/(Γ(r)(α+T)^(r+x)) + δ(x>0)·B(a+1, b+x−1)/B(a, b)·Γ(r+x)α^r/(Γ(r)(α+t_x)^(r+x)).
    public func logLikelihood(frequency x: Double, recency tx: Double, T: Double) -> Double {
        let lgABX = Double.logGamma(a + b + x)
        let common =
            Double.logGamma(r + x) - Double.logGamma(r) + r * Double.log(alpha)
            - (Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b))
        let stays = Double.logGamma(a) + Double.logGamma(b + x) - lgABX - (r + x) * Double.log(alpha + T)
        guard x > 0 else { return common + stays }
        let leaves = Double.logGamma(a + 1) + Double.logGamma(b + x - 1) - lgABX - (r + x) * Double.log(alpha + tx)
        return common + SpecialFunctions.logAddExp(stays, leaves)
    }

    /// The odds term a/(b+x−1)·((α+T)/(α+t_x))^(r+x) in log form, shared by P(alive) and eq. (10).
    private func logDropoutOdds(x: Double, tx: Double, T: Double) -> Double {
        guard x > 0 else { return -.infinity }
        return Double.log(a) - Double.log(b + x - 1) + (r + x) * (Double.log(alpha + T) - Double.log(alpha + tx))
    }

    /// P(alive | x, t_x, T) = 1 / (1 + δ(x>0)·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)).
    public func probabilityAlive(frequency x: Double, recency tx: Double, T: Double) -> Double {
        1 / (1 + Double.exp(logDropoutOdds(x: x, tx: tx, T: T)))
    }

    /// Eq. (10): (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x)·₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
    /// / (1 + δ(x>0)·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)). 0 for t = 0.
    public func expectedPurchases(in t: Double, frequency x: Double, recency tx: Double, T: Double) -> Double {
        guard t > 0 else { return 0 }
        let logF = SpecialFunctions.logHypergeometric2F1(a: r + x, b: b + x, c: a + b + x - 1, z: t / (alpha + T + t))
        let logTerm = (r + x) * (Double.log(alpha + T) - Double.log(alpha + T + t)) + logF
        let bracket = -Double.expMinusOne(logTerm)
        return (a + b + x - 1) / (a - 1) * bracket / (1 + Double.exp(logDropoutOdds(x: x, tx: tx, T: T)))
    }

    /// Eq. (9): E[X(t)] = (a+b−1)/(a−1)·[1 − (α/(α+t))^r·₂F₁(r, b; a+b−1; t/(α+t))].
    public func expectedPurchasesNewCustomer(in t: Double) -> Double {
        guard t > 0 else { return 0 }
        let logF = SpecialFunctions.logHypergeometric2F1(a: r, b: b, c: a + b - 1, z: t / (alpha + t))
        let logTerm = r * (Double.log(alpha) - Double.log(alpha + t)) + logF
        return (a + b - 1) / (a - 1) * -Double.expMinusOne(logTerm)
    }

    /// Eq. (8): P(X(t) = n) = B(a, b+n)/B(a, b)·NBD(n) + δ(n>0)·B(a+1, b+n−1)/B(a, b)·[1 − Σ_{j<n} NBD(j)],
    /// with NBD(j) = Γ(r+j)/(Γ(r) j!)·(α/(α+t))^r·(t/(α+t))^j. 0 for n < 0.
    public func probabilityOfPurchases(_ n: Int, in t: Double) -> Double {
        guard n >= 0 else { return 0 }
        if t <= 0 { return n == 0 ? 1 : 0 }
        let nbd = CLVCountDistributions.negativeBinomial(r: r, alpha: alpha, t: t, upTo: n)
        let nn = Double(n)
        let lbAB = SpecialFunctions.logBeta(a, b)
        var p = Double.exp(SpecialFunctions.logBeta(a, b + nn) - lbAB) * nbd[n]
        if n > 0 {
            let tail = max(0, 1 - nbd[0..<n].reduce(0, +))
            p += Double.exp(SpecialFunctions.logBeta(a + 1, b + nn - 1) - lbAB) * tail
        }
        return p
    }
}
