import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

/// Ranking metrics and the top-N strategies on histories small enough to count by hand.
@Suite("Top-N recommendations and their metrics", .computeBound)
struct TopNRecommenderTests {
    @Test("precision@k, recall@k and AP@k of a hand-computed list")
    func metrics() {
        let list = ["a", "b", "c", "d", "e"]
        let relevant: Set = ["a", "c", "x"]
        #expect(RankingMetrics.precision(list, relevant: relevant, k: 5) == 0.4)
        #expect(abs(RankingMetrics.recall(list, relevant: relevant, k: 5) - 2.0 / 3) < 1e-15)
        // (1/1 + 2/3) / min(3, 5)
        #expect(abs(RankingMetrics.averagePrecision(list, relevant: relevant, k: 5) - (1 + 2.0 / 3) / 3) < 1e-15)
        #expect(RankingMetrics.precision(list, relevant: relevant, k: 2) == 0.5)
        #expect(RankingMetrics.averagePrecision(list, relevant: relevant, k: 2) == 0.5)
        // A short list still divides precision by k; a repeated hit counts once.
        #expect(RankingMetrics.precision(["a"], relevant: relevant, k: 4) == 0.25)
        #expect(RankingMetrics.averagePrecision(["a", "a"], relevant: ["a"], k: 2) == 1)
        #expect(RankingMetrics.recall(list, relevant: [], k: 3) == 0)
    }

    /// u1 bought {A, B} and {A}; u2 {A, C} and {B, C}; u3 {C}.
    static let purchases = [
        ItemPurchase(customer: "u1", basket: "o1", day: 1, item: "A"),
        ItemPurchase(customer: "u1", basket: "o1", day: 1, item: "B"),
        ItemPurchase(customer: "u1", basket: "o2", day: 2, item: "A"),
        ItemPurchase(customer: "u2", basket: "o3", day: 1, item: "A"),
        ItemPurchase(customer: "u2", basket: "o3", day: 1, item: "C"),
        ItemPurchase(customer: "u2", basket: "o4", day: 2, item: "B"),
        ItemPurchase(customer: "u2", basket: "o4", day: 2, item: "C"),
        ItemPurchase(customer: "u3", basket: "o5", day: 3, item: "C"),
    ]

    @Test("Each strategy's list for a hand-counted history")
    func strategies() throws {
        let r = TopNRecommender(purchases: Self.purchases)
        // Own items by baskets (A 2, B 1), then the most popular other item.
        let own = try r.recommend(for: "u1", k: 3, strategy: .personalPopularity)
        #expect(own.map(\.item) == ["A", "B", "C"] && own.map(\.score) == [2, 1, 0])
        // C co-occurs once with A (o3) and once with B (o4); u1's own items are left out.
        let co = try r.recommend(for: "u1", k: 3, strategy: .itemCoOccurrence)
        #expect(co == [TopNRecommender.ScoredItem(item: "C", score: 2)])
        // A and B each co-occur once with C; A is in more baskets (3 against 2).
        #expect(try r.recommend(for: "u3", k: 2, strategy: .itemCoOccurrence).map(\.item) == ["A", "B"])
        #expect(throws: RecommendationError.self) { try r.recommend(for: "u1", k: 0, strategy: .popularity) }
    }

    @Test("Ties are broken by the seed: the same seed gives the same list, seeds give both orders")
    func seededTies() throws {
        let r = TopNRecommender(purchases: Self.purchases)
        // A and C are both in 3 baskets.
        let first = try r.recommend(for: "nobody", k: 2, strategy: .popularity, seed: 7).map(\.item)
        #expect(try r.recommend(for: "nobody", k: 2, strategy: .popularity, seed: 7).map(\.item) == first)
        let orders = Set(try (0..<32).map { try r.recommend(for: "nobody", k: 2, strategy: .popularity, seed: $0).map(\.item) })
        #expect(orders == [["A", "C"], ["C", "A"]])
    }

    @Test("A time split scored by hand: co-occurrence finds u1's C, nothing is left for u2")
    func evaluation() throws {
        let purchases = Array(Self.purchases.prefix(7)) + [
            ItemPurchase(customer: "u1", basket: "o6", day: 10, item: "C"),
            ItemPurchase(customer: "u2", basket: "o7", day: 10, item: "A"),
            ItemPurchase(customer: "u9", basket: "o8", day: 10, item: "A"),
        ]
        let co = try TopNEvaluation.evaluate(purchases: purchases, splitDay: 5, k: 1, strategy: .itemCoOccurrence, seed: 1)
        #expect(co.customers == 2)
        #expect(co.precision == 0.5 && co.recall == 0.5 && co.meanAveragePrecision == 0.5)
        // u2's favourite is C (2 baskets), a miss; u1's favourites A and B both miss C.
        let own = try TopNEvaluation.evaluate(purchases: purchases, splitDay: 5, k: 1, strategy: .personalPopularity, seed: 1)
        #expect(own.precision == 0 && own.meanAveragePrecision == 0)
        #expect(throws: RecommendationError.self) {
            try TopNEvaluation.evaluate(purchases: purchases, splitDay: 100, k: 1, strategy: .popularity, seed: 1)
        }
    }
}
