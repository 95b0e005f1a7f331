import RealModule

/// The modified BG/NBD (MBG/NBD) model: as BG/NBD, but a customer may also drop out right at
/// the start (before any repeat purchase), so zero-repeat customers can be inactive too.
///
/// Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models for
/// customer base analysis", *International Journal of Research in Marketing* 24(3): the
/// likelihood (also Hoppe & Wagner 2007) is
/// L = B(a, b+x+1)/B(a, b)·Γ(r+x)α^r/(Γ(r)(α+T)^(r+x)) + B(a+1, b+x)/B(a, b)·Γ(r+x)α^r/(Γ(r)(α+t_x)^(r+x)),
/// and the predictions follow BG/NBD's (Fader, Hardie & Lee 2005, eqs. 8–10) with the posterior
/// of the dropout probability p shifted from Beta(a, b+x) to Beta(a, b+x+1), as in lifetimes'
/// `ModifiedBetaGeoFitter`. On CDNOW the estimates are r 0.525, α 6.183, a 0.891, b 1.614.
public struct MBGNBDModel: CLVTransactionModel, Equatable, Codable {
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

    public init(parameters p: [Double]) { self.init(r: p[0], alpha: p[1], a: p[2], b: p[3]) }
    public var parameters: [Double] { [r, alpha, a, b] }

    /// Fits by maximum likelihood (see ``CLVMaximumLikelihood``) on the distinct histories of `data`.
    public static func fit(_ data: CLVSummaryData, penalizer: Double = 0) -> CLVFitResult<MBGNBDModel> {
        let d = data.deduplicated().data
        return CLVMaximumLikelihood.fit(
            names: parameterNames, start: [1, 1, 1, 1], totalWeight: d.totalWeight, penalizer: penalizer,
            logLikelihood: { MBGNBDModel(parameters: $0).logLikelihood(d) }, makeModel: MBGNBDModel.init(parameters:))
    }

    public func logLikelihood(frequency x: Double, recency tx: Double, T: Double) -> Double {
        let lgABX1 = Double.logGamma(a + b + x + 1)
        let common =
            Double.logGamma(r + x) - Double.logGamma(r) + r * Double.log(alpha)
            - (Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b))
        let stays = Double.logGamma(a) + Double.logGamma(b + x + 1) - lgABX1 - (r + x) * Double.log(alpha + T)
        let leaves = Double.logGamma(a + 1) + Double.logGamma(b + x) - lgABX1 - (r + x) * Double.log(alpha + tx)
        return common + SpecialFunctions.logAddExp(stays, leaves)
    }

    private func logDropoutOdds(x: Double, tx: Double, T: Double) -> Double {
        Double.log(a) - Double.log(b + x) + (r + x) * (Double.log(alpha + T) - Double.log(alpha + tx))
    }

    /// P(alive | x, t_x, T) = 1 / (1 + a/(b+x)·((α+T)/(α+t_x))^(r+x)), for every x including 0.
    public func probabilityAlive(frequency x: Double, recency tx: Double, T: Double) -> Double {
        1 / (1 + Double.exp(logDropoutOdds(x: x, tx: tx, T: T)))
    }

    /// (a+b+x)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x)·₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] / (1 + a/(b+x)·((α+T)/(α+t_x))^(r+x)).
    public func expectedPurchases(in t: Double, frequency x: Double, recency tx: Double, T: Double) -> Double {
        guard t > 0 else { return 0 }
        let logF = SpecialFunctions.logHypergeometric2F1(a: r + x, b: b + x + 1, c: a + b + x, z: t / (alpha + T + t))
        let logTerm = (r + x) * (Double.log(alpha + T) - Double.log(alpha + T + t)) + logF
        return (a + b + x) / (a - 1) * -Double.expMinusOne(logTerm)
            / (1 + Double.exp(logDropoutOdds(x: x, tx: tx, T: T)))
    }

    /// E[X(t)] = b/(a−1)·[1 − (α/(α+t))^r·₂F₁(r, b+1; a+b; t/(α+t))].
    public func expectedPurchasesNewCustomer(in t: Double) -> Double {
        guard t > 0 else { return 0 }
        let logF = SpecialFunctions.logHypergeometric2F1(a: r, b: b + 1, c: a + b, z: t / (alpha + t))
        return b / (a - 1) * -Double.expMinusOne(r * (Double.log(alpha) - Double.log(alpha + t)) + logF)
    }

    /// P(X(t) = n) = B(a, b+n+1)/B(a, b)·NBD(n) + B(a+1, b+n)/B(a, b)·[1 − Σ_{j<n} NBD(j)]: alive
    /// through all n+1 coin flips, or dropping out right after the n-th purchase (or at the start).
    public func probabilityOfPurchases(_ n: Int, in t: Double) -> Double {
        guard n >= 0 else { return 0 }
        let lbAB = SpecialFunctions.logBeta(a, b)
        let nn = Double(n)
        let dropout = Double.exp(SpecialFunctions.logBeta(a + 1, b + nn) - lbAB)
        if t <= 0 { return n == 0 ? 1 : 0 }
        let nbd = CLVCountDistributions.negativeBinomial(r: r, alpha: alpha, t: t, upTo: n)
        let tail = max(0, 1 - nbd[0..<n].reduce(0, +))
        return Double.exp(SpecialFunctions.logBeta(a, b + nn + 1) - lbAB) * nbd[n] + dropout * tail
    }
}
