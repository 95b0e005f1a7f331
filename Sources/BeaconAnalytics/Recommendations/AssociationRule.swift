/// An item-to-item association rule "who buys the antecedent also buys the consequent", with the
/// interest measures mlxtend's `association_rules` reports.
///
/// For antecedent A and consequent C with supports s(A), s(C) and s(A∪C) (shares of baskets):
/// - confidence = s(A∪C) / s(A) (Agrawal, Imieliński & Swami 1993);
/// - lift = confidence / s(C) (Brin, Motwani, Ullman & Tsur 1997, "interest");
/// - leverage = s(A∪C) − s(A)·s(C) (Piatetsky-Shapiro 1991);
/// - conviction = (1 − s(C)) / (1 − confidence), +∞ when the confidence is 1 (Brin et al. 1997).
///
/// Each is computed in the order mlxtend computes it, so the values agree to the last bits.
public struct AssociationRule: Sendable, Equatable {
    /// Item names of the antecedent, sorted.
    public var antecedents: [String]
    /// Item names of the consequent, sorted.
    public var consequents: [String]
    public var antecedentSupport: Double
    public var consequentSupport: Double
    /// s(A∪C): the share of baskets holding both sides.
    public var support: Double
    public var confidence: Double
    public var lift: Double
    public var leverage: Double
    /// +∞ for a rule that always holds (confidence 1).
    public var conviction: Double

    /// The rule and its measures from the three supports.
    public init(antecedents: [String], consequents: [String], antecedentSupport sA: Double,
                consequentSupport sC: Double, support sAC: Double) {
        self.antecedents = antecedents
        self.consequents = consequents
        antecedentSupport = sA
        consequentSupport = sC
        support = sAC
        confidence = sAC / sA
        lift = confidence / sC
        leverage = sAC - sA * sC
        conviction = confidence < 1 ? (1 - sC) / (1 - confidence) : .infinity
    }

    /// The measure rules are filtered and ranked by.
    public enum Metric: String, Sendable, CaseIterable {
        case support, confidence, lift, leverage, conviction
    }

    /// The value of `metric` for this rule.
    public func value(_ metric: Metric) -> Double {
        switch metric {
        case .support: support
        case .confidence: confidence
        case .lift: lift
        case .leverage: leverage
        case .conviction: conviction
        }
    }
}
