/// Frequent itemsets by the Apriori algorithm: every set of items found together in at least a
/// given share of the baskets.
///
/// Agrawal & Srikant (1994), "Fast algorithms for mining association rules", *VLDB*, §2.1:
/// level-wise search where the candidates of size k join two frequent (k−1)-itemsets that share
/// their first k−2 items and are pruned unless every (k−1)-subset is frequent (the downward
/// closure of support). Supports are counted by intersecting per-item bit sets (Zaki 2000's
/// vertical layout) rather than by scanning baskets.
///
/// The result is mlxtend's `apriori(df, min_support)` on the same one-hot table: support is
/// `count / baskets` in `Double` and an itemset is kept when `support >= minSupport`, exactly
/// the comparison mlxtend makes, so itemsets on the threshold agree.
public enum Apriori {
    /// One frequent itemset: item indices into `BasketEncoding.items` (ascending), its basket
    /// count and support.
    public struct Itemset: Sendable, Equatable {
        public var items: [Int]
        public var count: Int
        public var support: Double
    }

    /// The frequent itemsets of `encoding`, smallest first, each level in lexicographic order.
    /// - Parameters:
    ///   - minSupport: the least share of baskets, in (0, 1].
    ///   - maxLength: the largest itemset size; nil for no limit.
    /// - Throws: `RecommendationError` when `minSupport` is outside (0, 1], `maxLength < 1`, or
    ///   there are no baskets.
    public static func frequentItemsets(_ encoding: BasketEncoding, minSupport: Double, maxLength: Int? = nil) throws
        -> [Itemset]
    {
        guard minSupport > 0, minSupport <= 1 else {
            throw RecommendationError(
                .invalidParameter, field: "min_support", "min_support must be in (0, 1], got \(minSupport)")
        }
        if let maxLength, maxLength < 1 {
            throw RecommendationError(.invalidParameter, field: "max_length", "max_length must be at least 1")
        }
        guard encoding.basketCount > 0 else {
            throw RecommendationError(.emptyInput, field: "baskets", "there are no baskets to mine")
        }
        let n = Double(encoding.basketCount)
        func frequent(_ items: [Int]) -> Itemset? {
            let count = encoding.count(items)
            let support = Double(count) / n
            return support >= minSupport ? Itemset(items: items, count: count, support: support) : nil
        }
        var level = (0..<encoding.items.count).compactMap { frequent([$0]) }
        var out = level
        var size = 1
        while !level.isEmpty, size < (maxLength ?? Int.max) {
            let known = Set(level.map(\.items))
            var next: [Itemset] = []
            for a in 0..<level.count {
                for b in (a + 1)..<level.count {
                    let x = level[a].items, y = level[b].items
                    // Level order is lexicographic, so once prefixes differ no later b shares it.
                    guard x.dropLast().elementsEqual(y.dropLast()) else { break }
                    let candidate = x + [y.last!]
                    let closed = (0..<candidate.count - 2).allSatisfy { drop in
                        var subset = candidate
                        subset.remove(at: drop)
                        return known.contains(subset)
                    }
                    if closed, let itemset = frequent(candidate) { next.append(itemset) }
                }
            }
            out += next
            level = next
            size += 1
        }
        return out
    }
}
