import Foundation

/// The mixture sequential probability ratio test (mSPRT) for the difference of two conversion
/// rates: an always-valid p-value and confidence interval that may be looked at after every
/// visitor without inflating the false-positive rate.
///
/// Johari, Koomen, Pekelis and Walsh, "Peeking at A/B Tests: Why It Matters, and What to Do About
/// It", KDD 2017 (and Johari, Pekelis, Walsh, "Always Valid Inference", arXiv:1512.04922), §4 with a
/// normal mixing distribution N(0, τ²) over the difference θ = p_B − p_A. With the estimate θ̂ and
/// its variance V = p̂_A(1 − p̂_A)/n_A + p̂_B(1 − p̂_B)/n_B, the mixture likelihood ratio is
///
///     Λ = √(V / (V + τ²)) · exp(τ² θ̂² / (2 V (V + τ²)))
///
/// the always-valid p-value is the running minimum of min(1, 1/Λ), and the always-valid (1 − α)
/// interval is the running intersection of θ̂ ± √(V (V + τ²)/τ² · (log((V + τ²)/V) − 2 log α)).
/// `τ²` should be of the order of the squared effect one hopes to detect. With no variance yet
/// (no conversions, or every visitor converted) a look carries no evidence: Λ = 1.
public struct MixtureSPRT: Sendable, Equatable {
    /// The variance of the normal mixing distribution over θ.
    public var tau2: Double
    /// The significance level.
    public var alpha: Double

    public init(tau2: Double, alpha: Double = 0.05) {
        self.tau2 = tau2
        self.alpha = alpha
    }

    /// The counts at one look.
    public struct Look: Sendable, Equatable {
        public var visitorsA: Int, conversionsA: Int, visitorsB: Int, conversionsB: Int
        public init(visitorsA: Int, conversionsA: Int, visitorsB: Int, conversionsB: Int) {
            self.visitorsA = visitorsA
            self.conversionsA = conversionsA
            self.visitorsB = visitorsB
            self.conversionsB = conversionsB
        }
    }

    /// The state after a look: carried to the next so the p-value and interval stay always valid.
    public struct State: Sendable, Equatable {
        public var difference: Double = 0
        public var variance: Double = 0
        public var likelihoodRatio: Double = 1
        /// The always-valid p-value (never increases).
        public var pValue: Double = 1
        /// The always-valid interval for p_B − p_A (never widens).
        public var lower: Double = -.infinity
        public var upper: Double = .infinity
        public init() {}
    }

    /// Λ for an estimate `difference` with variance `variance` (1 when the variance is not positive).
    public func likelihoodRatio(difference: Double, variance: Double) -> Double {
        guard variance > 0, variance.isFinite, difference.isFinite else { return 1 }
        let v = variance, t = tau2
        return (v / (v + t)).squareRoot() * Foundation.exp(t * difference * difference / (2 * v * (v + t)))
    }

    /// The state after `look`, given the state after the previous one.
    public func update(_ previous: State, with look: Look) -> State {
        var s = previous
        guard look.visitorsA > 0, look.visitorsB > 0 else { return s }
        let pA = Double(look.conversionsA) / Double(look.visitorsA)
        let pB = Double(look.conversionsB) / Double(look.visitorsB)
        s.difference = pB - pA
        s.variance = pA * (1 - pA) / Double(look.visitorsA) + pB * (1 - pB) / Double(look.visitorsB)
        s.likelihoodRatio = likelihoodRatio(difference: s.difference, variance: s.variance)
        s.pValue = min(s.pValue, 1 / s.likelihoodRatio, 1)
        if s.variance > 0 {
            let v = s.variance
            let half = (v * (v + tau2) / tau2 * (Foundation.log((v + tau2) / v) - 2 * Foundation.log(alpha))).squareRoot()
            s.lower = max(s.lower, s.difference - half)
            s.upper = min(s.upper, s.difference + half)
        }
        return s
    }

    /// The states after each of `looks`, in order.
    public func run(_ looks: [Look]) -> [State] {
        var s = State()
        return looks.map { look in
            s = update(s, with: look)
            return s
        }
    }
}
