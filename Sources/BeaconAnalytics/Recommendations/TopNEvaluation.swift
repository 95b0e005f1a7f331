/// Precision@k, recall@k and MAP@k of a top-N strategy on a time split of purchase history.
///
/// Purchases before `splitDay` train the recommender; the items each customer buys on or after
/// it are what a good list should have held (items bought again count: next-basket
/// evaluation as in Hu et al. 2020). Only customers with purchases on both sides are scored.
/// The numbers are a pure function of the purchases, the split, k and the seed.
public struct TopNEvaluation: Sendable, Equatable {
    public var strategy: TopNRecommender.Strategy
    public var k: Int
    /// Customers scored: bought before and after the split.
    public var customers: Int
    public var precision: Double
    public var recall: Double
    public var meanAveragePrecision: Double

    /// Evaluates `strategy` on `purchases` split at `splitDay`.
    /// - Throws: `RecommendationError` when `k < 1` or no customer bought on both sides.
    public static func evaluate(
        purchases: [ItemPurchase], splitDay: Int, k: Int, strategy: TopNRecommender.Strategy, seed: UInt64
    ) throws -> TopNEvaluation {
        guard k >= 1 else { throw RecommendationError(.invalidParameter, field: "k", "k must be at least 1") }
        let train = purchases.filter { $0.day < splitDay }
        var future: [String: Set<String>] = [:]
        for p in purchases where p.day >= splitDay { future[p.customer, default: []].insert(p.item) }
        let recommender = TopNRecommender(purchases: train)
        let customers = future.keys.filter { recommender.knows($0) }.sorted()
        guard !customers.isEmpty else {
            throw RecommendationError(
                .emptyInput, field: "split", "no customer bought both before and after the split day")
        }
        let ties = recommender.tieOrder(seed: seed)
        var precision = 0.0, recall = 0.0, map = 0.0
        for customer in customers {
            let list = try recommender.recommend(for: customer, k: k, strategy: strategy, tieOrder: ties).map(\.item)
            let relevant = future[customer]!
            precision += RankingMetrics.precision(list, relevant: relevant, k: k)
            recall += RankingMetrics.recall(list, relevant: relevant, k: k)
            map += RankingMetrics.averagePrecision(list, relevant: relevant, k: k)
        }
        let n = Double(customers.count)
        return TopNEvaluation(
            strategy: strategy, k: k, customers: customers.count, precision: precision / n, recall: recall / n,
            meanAveragePrecision: map / n)
    }
}
