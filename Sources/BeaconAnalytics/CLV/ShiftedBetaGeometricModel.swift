import RealModule

/// The shifted-beta-geometric (sBG) model of contractual retention: each customer renews at
/// every period end with a constant probability 1 − θ, θ ~ Beta(α, β) across customers.
///
/// Fader & Hardie (2007), "How to project customer retention", *Journal of Interactive
/// Marketing* 21(1), §3: P(T = t) = B(α+1, β+t−1)/B(α, β), the survivor function
/// S(t) = B(α, β+t)/B(α, β), the retention rate r(t) = (β+t−1)/(α+β+t−1), and the likelihood
/// of a cohort observed for n periods Σₜ nₜ·log P(T = t) + n_alive·log S(n). Published estimates: "highend" α 0.668, β 3.806; "regular" α 0.704, β 1.182.
public struct ShiftedBetaGeometricModel: Sendable, Equatable, Codable {
    public var alpha: Double
    public var beta: Double

    public static let parameterNames = ["alpha", "beta"]

    public init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }

    public init(parameters v: [Double]) { self.init(alpha: v[0], beta: v[1]) }
    public var parameters: [Double] { [alpha, beta] }

    /// Fits the cohort likelihood to a cohort's survivor counts S(0), S(1), …, S(n) (S(0) the cohort size).
    /// - Throws: ``CLVInputError`` when fewer than two counts are given, a count is negative or
    ///   not finite, or the counts increase.
    public static func fit(survivors: [Double], penalizer: Double = 0) throws(CLVInputError) -> CLVFitResult<
        ShiftedBetaGeometricModel
    > {
        guard survivors.count >= 2 else {
            throw CLVInputError(
                .empty, row: 0, column: "survivors", message: "need the cohort size and at least one later count")
        }
        for (i, v) in survivors.enumerated() {
            guard v.isFinite, v >= 0 else {
                throw CLVInputError(
                    .negative, row: i + 1, column: "survivors", message: "\(v) is not a non-negative count")
            }
            if i > 0 && v > survivors[i - 1] {
                throw CLVInputError(
                    .outOfRange, row: i + 1, column: "survivors",
                    message: "survivors increase from \(survivors[i - 1]) to \(v)")
            }
        }
        let lost = (1..<survivors.count).map { survivors[$0 - 1] - survivors[$0] }
        let remaining = survivors.last!
        return CLVMaximumLikelihood.fit(
            names: parameterNames, start: [1, 1], totalWeight: survivors[0], penalizer: penalizer,
            logLikelihood: {
                ShiftedBetaGeometricModel(parameters: $0).logLikelihood(lost: lost, remaining: remaining)
            },
            makeModel: ShiftedBetaGeometricModel.init(parameters:))
    }

    /// Survivor counts S(0)…S(n) from one row per customer in pymc-marketing's form: `recency` is the
    /// period in which the customer churned, or equal to `T` when still active after T − 1 periods.
    /// - Throws: ``CLVInputError`` naming the row when recency is not a whole number in 1…T or
    ///   the customers do not share one T.
    public static func survivors(recency: [Double], T: [Double]) throws(CLVInputError) -> [Double] {
        guard let horizon = T.first else {
            throw CLVInputError(.empty, row: 0, column: "recency", message: "no customers")
        }
        guard recency.count == T.count else {
            throw CLVInputError(
                .lengthMismatch, row: 0, column: "T", message: "has \(T.count) values but recency has \(recency.count)")
        }
        guard horizon >= 2, horizon == horizon.rounded(), horizon < 10_000 else {
            throw CLVInputError(
                .outOfRange, row: 1, column: "T", message: "\(horizon) is not a whole number of periods ≥ 2")
        }
        let n = Int(horizon) - 1
        var lost = [Double](repeating: 0, count: n + 1)
        for i in recency.indices {
            guard T[i] == horizon else {
                throw CLVInputError(
                    .outOfRange, row: i + 1, column: "T", message: "\(T[i]) differs from the cohort's \(horizon)")
            }
            let t = recency[i]
            guard t.isFinite, t >= 1, t <= horizon, t == t.rounded() else {
                throw CLVInputError(
                    .outOfRange, row: i + 1, column: "recency",
                    message: "\(t) is not a whole period in 1…\(Int(horizon))")
            }
            if t < horizon { lost[Int(t)] += 1 }
        }
        var counts = [Double(recency.count)]
        for t in 1...n { counts.append(counts[t - 1] - lost[t]) }
        return counts
    }

    /// The cohort log-likelihood with `lost[t−1]` customers lost in period t and `remaining` still active.
    public func logLikelihood(lost: [Double], remaining: Double) -> Double {
        let base = SpecialFunctions.logBeta(alpha, beta)
        var s = 0.0
        for (i, count) in lost.enumerated() where count > 0 {
            s += count * (SpecialFunctions.logBeta(alpha + 1, beta + Double(i)) - base)
        }
        if remaining > 0 { s += remaining * (SpecialFunctions.logBeta(alpha, beta + Double(lost.count)) - base) }
        return s
    }

    /// P(T = t), the probability of churning in period t ≥ 1.
    public func probabilityOfChurn(inPeriod t: Int) -> Double {
        guard t >= 1 else { return 0 }
        return Double.exp(
            SpecialFunctions.logBeta(alpha + 1, beta + Double(t) - 1) - SpecialFunctions.logBeta(alpha, beta))
    }

    /// S(t), the probability of still being a customer after t periods (S(0) = 1).
    public func survival(_ t: Int) -> Double {
        guard t > 0 else { return 1 }
        return Double.exp(SpecialFunctions.logBeta(alpha, beta + Double(t)) - SpecialFunctions.logBeta(alpha, beta))
    }

    /// r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1), the share of period t−1's survivors renewing at t.
    public func retentionRate(_ t: Int) -> Double {
        let ft = Double(max(t, 1))
        return (beta + ft - 1) / (alpha + beta + ft - 1)
    }

    /// S(0)…S(periods).
    public func survivalCurve(periods: Int) -> [Double] { (0...max(periods, 0)).map(survival) }

    /// r(1)…r(periods).
    public func retentionCurve(periods: Int) -> [Double] { periods < 1 ? [] : (1...periods).map(retentionRate) }
}
