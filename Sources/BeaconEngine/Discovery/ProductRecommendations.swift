import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// A workspace's product recommendations read through the product-basket port: association
/// rules between items, a profile's top-N list, and the time-split evaluation of the top-N
/// strategies.
///
/// Everything is computed as of an instant the caller gives (the workspace's today by
/// default, never the wall clock): only orders before it are read. A basket is one completed
/// order's distinct items (`OrderProduct.item`); orders without product lines are left out.
public struct ProductRecommendations: Sendable {
    public let baskets: any ProductBasketQueries

    public init(baskets: any ProductBasketQueries) {
        self.baskets = baskets
    }

    /// The top-N strategies by name (`co-occurrence`, `personal-popularity`, `popularity`).
    public static let strategies = TopNRecommender.Strategy.allCases.map(\.rawValue)
    /// The rule measures rules can be filtered and ranked by.
    public static let metrics = AssociationRule.Metric.allCases.map(\.rawValue)

    /// Runs `body`, turning the models' errors into `RecommendationRequestError`.
    static func checked<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let e as RecommendationError {
            throw RecommendationRequestError(field: e.field, reason: e.message)
        }
    }

    /// `rules(workspaceId:asOf:miner:limit:)` with the metric by name.
    /// - Throws: `RecommendationRequestError` naming `metric`, `min_support`, `min_threshold`
    ///   or `max_length`.
    public func rules(workspaceId: String, asOf: Date, minSupport: Double, metric: String, minThreshold: Double,
                      maxLength: Int?, limit: Int) async throws -> RuleSet {
        guard let m = AssociationRule.Metric(rawValue: metric) else {
            throw RecommendationRequestError(
                field: "metric", reason: "metric must be one of \(Self.metrics.joined(separator: ", "))")
        }
        let miner = AssociationRuleMiner(minSupport: minSupport, metric: m, minThreshold: minThreshold, maxLength: maxLength)
        return try await Self.checked { try await rules(workspaceId: workspaceId, asOf: asOf, miner: miner, limit: limit) }
    }

    /// `recommend(workspaceId:persons:asOf:k:strategy:seed:)` with the strategy by name.
    /// - Throws: `RecommendationRequestError` naming `strategy` or `k`.
    public func recommend(workspaceId: String, persons: Set<String>, asOf: Date, k: Int, strategy: String,
                          seed: UInt64) async throws -> [Recommendation] {
        guard let s = TopNRecommender.Strategy(rawValue: strategy) else {
            throw RecommendationRequestError(
                field: "strategy", reason: "strategy must be one of \(Self.strategies.joined(separator: ", "))")
        }
        return try await Self.checked {
            try await recommend(workspaceId: workspaceId, persons: persons, asOf: asOf, k: k, strategy: s, seed: seed)
        }
    }

    /// Mined rules and the names of the items they mention.
    public struct RuleSet: Sendable {
        /// Orders with at least one product line before the as-of instant.
        public var basketCount: Int
        public var rules: [AssociationRule]
        /// Item → product name, where a line carried one.
        public var names: [String: String]
    }

    /// The orders up to `asOf` (inclusive) as item purchases, with product names.
    public func purchases(workspaceId: String, asOf: Date) async throws -> (purchases: [ItemPurchase], names: [String: String]) {
        var purchases: [ItemPurchase] = []
        var names: [String: String] = [:]
        // The as-of instant is inclusive: the workspace's today is its last event, which counts.
        for order in try await baskets.baskets(in: workspaceId, from: nil, to: asOf.addingTimeInterval(0.001)) {
            let day = WorkspaceToday.dayNumber(order.time)
            for line in order.products where line.quantity > 0 {
                purchases.append(ItemPurchase(customer: order.person, basket: order.orderId, day: day, item: line.item))
                if let name = line.name, names[line.item] == nil { names[line.item] = name }
            }
        }
        return (purchases, names)
    }

    /// Association rules over the orders before `asOf`, at most `limit`, strongest first.
    /// No orders with product lines give no rules.
    /// - Throws: `RecommendationError` naming a bad parameter.
    public func rules(workspaceId: String, asOf: Date, miner: AssociationRuleMiner, limit: Int) async throws -> RuleSet {
        let (purchases, names) = try await purchases(workspaceId: workspaceId, asOf: asOf)
        var byBasket: [String: Set<String>] = [:]
        for p in purchases { byBasket[p.customer + "\u{1F}" + p.basket, default: []].insert(p.item) }
        let lists = byBasket.keys.sorted().map { Array(byBasket[$0]!) }
        guard !lists.isEmpty else { return RuleSet(basketCount: 0, rules: [], names: names) }
        let rules = try miner.rules(baskets: lists)
        return RuleSet(basketCount: lists.count, rules: Array(rules.prefix(limit)), names: names)
    }

    /// One recommended product.
    public struct Recommendation: Sendable, Equatable, Codable {
        public var item: String
        public var name: String?
        public var score: Double
    }

    /// The top `k` products for the person who is any of `persons` (a profile's user and
    /// anonymous ids), trained on the orders before `asOf`.
    public func recommend(workspaceId: String, persons: Set<String>, asOf: Date, k: Int,
                          strategy: TopNRecommender.Strategy, seed: UInt64) async throws -> [Recommendation] {
        let (all, names) = try await purchases(workspaceId: workspaceId, asOf: asOf)
        // The profile's several ids are one customer.
        let me = "\u{1F}profile"
        let purchases = all.map { p -> ItemPurchase in
            var p = p
            if persons.contains(p.customer) { p.customer = me }
            return p
        }
        let recommender = TopNRecommender(purchases: purchases)
        return try recommender.recommend(for: me, k: k, strategy: strategy, seed: seed).map {
            Recommendation(item: $0.item, name: names[$0.item], score: $0.score)
        }
    }

    /// Every strategy's precision@k, recall@k and MAP@k when the orders before `split` train
    /// and those from `split` up to `asOf` test.
    /// - Throws: `RecommendationRequestError` naming `k`, or `split` when no customer bought on
    ///   both sides.
    public func evaluate(workspaceId: String, split: Date, asOf: Date, k: Int, seed: UInt64) async throws
        -> [TopNEvaluation]
    {
        let (purchases, _) = try await purchases(workspaceId: workspaceId, asOf: asOf)
        let splitDay = WorkspaceToday.dayNumber(split)
        return try await Self.checked {
            try TopNRecommender.Strategy.allCases.map {
                try TopNEvaluation.evaluate(purchases: purchases, splitDay: splitDay, k: k, strategy: $0, seed: seed)
            }
        }
    }
}

extension BeaconRuntime {
    /// Product recommendations over this runtime's product-basket port.
    public var recommendations: ProductRecommendations { ProductRecommendations(baskets: stores.baskets) }
}
