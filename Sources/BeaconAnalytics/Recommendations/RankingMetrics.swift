/// Top-k ranking measures of a recommendation list against the items the customer went on to buy.
///
/// Definitions as in Manning, Raghavan & Schütze (2008), *Introduction to Information
/// Retrieval*, §8.4, with average precision cut at k as Kaggle's `ml_metrics.apk` computes it:
/// - precision@k = hits in the first k / k (a list shorter than k still divides by k);
/// - recall@k = hits in the first k / number of relevant items;
/// - AP@k = Σ over ranks i ≤ k that hit (first occurrence only) of precision@i, divided by
///   min(number of relevant items, k). MAP@k is its mean over customers.
/// With no relevant items every measure is 0 (such customers are left out of evaluations).
public enum RankingMetrics {
    /// Hits among the first `k` recommendations.
    public static func precision(_ recommended: [String], relevant: Set<String>, k: Int) -> Double {
        guard k > 0 else { return 0 }
        return Double(hits(recommended, relevant, k)) / Double(k)
    }

    /// Share of the relevant items found among the first `k` recommendations.
    public static func recall(_ recommended: [String], relevant: Set<String>, k: Int) -> Double {
        guard !relevant.isEmpty else { return 0 }
        return Double(hits(recommended, relevant, k)) / Double(relevant.count)
    }

    /// Average precision cut at `k`.
    public static func averagePrecision(_ recommended: [String], relevant: Set<String>, k: Int) -> Double {
        guard !relevant.isEmpty, k > 0 else { return 0 }
        var seen: Set<String> = []
        var hits = 0
        var sum = 0.0
        for (i, item) in recommended.prefix(k).enumerated() where relevant.contains(item) && !seen.contains(item) {
            seen.insert(item)
            hits += 1
            sum += Double(hits) / Double(i + 1)
        }
        return sum / Double(min(relevant.count, k))
    }

    private static func hits(_ recommended: [String], _ relevant: Set<String>, _ k: Int) -> Int {
        Set(recommended.prefix(k)).intersection(relevant).count
    }
}
