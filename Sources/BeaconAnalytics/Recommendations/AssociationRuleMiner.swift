/// Association rules from baskets: Apriori's frequent itemsets split every way into antecedent
/// and consequent, kept when a chosen measure reaches a threshold.
///
/// Agrawal & Srikant (1994), §3: every frequent itemset Z of two or more items gives the rules
/// X ⇒ Z∖X for each non-empty proper subset X; the supports of both sides are known because
/// every subset of a frequent itemset is frequent. The output is mlxtend's
/// `association_rules(apriori(df, min_support), metric=…, min_threshold=…)` — the same rules
/// with the same measures (`AssociationRule`); this type orders them by the metric, largest
/// first, then by antecedent and consequent, where mlxtend's order is the itemsets'.
public struct AssociationRuleMiner: Sendable {
    public var minSupport: Double
    public var metric: AssociationRule.Metric
    public var minThreshold: Double
    /// The largest itemset mined; nil for no limit.
    public var maxLength: Int?

    public init(minSupport: Double, metric: AssociationRule.Metric = .lift, minThreshold: Double = 1,
                maxLength: Int? = nil) {
        self.minSupport = minSupport
        self.metric = metric
        self.minThreshold = minThreshold
        self.maxLength = maxLength
    }

    /// The rules of `baskets` (each a list of item names).
    /// - Throws: `RecommendationError` for a bad `min_support`/`max_length`, no baskets, or a
    ///   threshold that is NaN.
    public func rules(baskets: [[String]]) throws -> [AssociationRule] {
        try rules(BasketEncoding(baskets: baskets))
    }

    /// The rules of encoded baskets.
    public func rules(_ encoding: BasketEncoding) throws -> [AssociationRule] {
        guard !minThreshold.isNaN else {
            throw RecommendationError(.invalidParameter, field: "min_threshold", "min_threshold must be a number")
        }
        let itemsets = try Apriori.frequentItemsets(encoding, minSupport: minSupport, maxLength: maxLength)
        var support: [[Int]: Double] = [:]
        for itemset in itemsets { support[itemset.items] = itemset.support }
        var out: [AssociationRule] = []
        for itemset in itemsets where itemset.items.count > 1 {
            let z = itemset.items
            // Every non-empty proper subset as a bit mask over the itemset's positions.
            for mask in 1..<((1 << z.count) - 1) {
                var a: [Int] = []
                var c: [Int] = []
                for (p, item) in z.enumerated() {
                    if mask & (1 << p) != 0 { a.append(item) } else { c.append(item) }
                }
                let rule = AssociationRule(
                    antecedents: a.map { encoding.items[$0] }, consequents: c.map { encoding.items[$0] },
                    antecedentSupport: support[a]!, consequentSupport: support[c]!, support: itemset.support)
                if rule.value(metric) >= minThreshold { out.append(rule) }
            }
        }
        let metric = metric
        return out.sorted {
            let (x, y) = ($0.value(metric), $1.value(metric))
            if x != y { return x > y }
            if $0.antecedents != $1.antecedents { return $0.antecedents.lexicographicallyPrecedes($1.antecedents) }
            return $0.consequents.lexicographicallyPrecedes($1.consequents)
        }
    }
}
