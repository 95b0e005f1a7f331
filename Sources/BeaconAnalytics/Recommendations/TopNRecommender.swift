/// Per-customer top-N product recommendations from purchase history: item co-occurrence, the
/// customer's own favourites, or plain popularity.
///
/// Three strategies, each a classic baseline of next-basket recommendation (Rendle,
/// Freudenthaler & Schmidt-Thieme 2010 and Hu et al. 2020, "Modeling personalized item
/// frequency information for next-basket recommendation", *SIGIR*, show repeat purchases
/// dominate, so personal popularity is the baseline to beat):
/// - `itemCoOccurrence` — item-to-item collaborative filtering (Linden, Smith & York 2003,
///   "Amazon.com recommendations: item-to-item collaborative filtering"): an item j scores
///   Σ over the items i the customer bought of the number of baskets holding both i and j;
///   items the customer already bought are left out (discovery);
/// - `personalPopularity` — the customer's own items by how many of their baskets held them;
/// - `popularity` — items by how many baskets held them.
/// Ties (and the slots a short personal list leaves) go to global popularity, then to a seeded
/// random order of the items, so a list is reproducible for a seed and never depends on
/// dictionary order.
public struct TopNRecommender: Sendable {
    /// How items are scored.
    public enum Strategy: String, Sendable, CaseIterable, Codable {
        case itemCoOccurrence = "co-occurrence"
        case personalPopularity = "personal-popularity"
        case popularity
    }

    /// One recommended item and its strategy score (0 for popularity fill).
    public struct ScoredItem: Sendable, Equatable {
        public var item: String
        public var score: Double
    }

    let items: [String]
    let itemIndex: [String: Int]
    /// Baskets holding each item.
    let basketCount: [Int]
    /// Per item, the other items and the number of baskets holding both.
    let coCounts: [[Int: Int]]
    /// Per customer, their items and the number of their baskets holding each.
    let history: [String: [Int: Int]]

    /// Learns from `purchases` (the training period).
    public init(purchases: [ItemPurchase]) {
        let items = Set(purchases.map(\.item)).sorted()
        let itemIndex = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1, $0) })
        var baskets: [String: (customer: String, items: Set<Int>)] = [:]
        for p in purchases {
            baskets[p.customer + "\u{1F}" + p.basket, default: (p.customer, [])].items.insert(itemIndex[p.item]!)
        }
        var basketCount = [Int](repeating: 0, count: items.count)
        var coCounts = [[Int: Int]](repeating: [:], count: items.count)
        var history: [String: [Int: Int]] = [:]
        for (_, basket) in baskets {
            let list = Array(basket.items)
            for i in list {
                basketCount[i] += 1
                history[basket.customer, default: [:]][i, default: 0] += 1
                for j in list where j != i { coCounts[i][j, default: 0] += 1 }
            }
        }
        self.items = items
        self.itemIndex = itemIndex
        self.basketCount = basketCount
        self.coCounts = coCounts
        self.history = history
    }

    /// The items known to the recommender, sorted.
    public var catalogue: [String] { items }

    /// Whether `customer` bought anything in the training purchases.
    public func knows(_ customer: String) -> Bool { history[customer] != nil }

    /// A seeded random rank of every item, the last tie-break.
    public func tieOrder(seed: UInt64) -> [Int] {
        var rng = Xoshiro256StarStar(seed: seed)
        var order = Array(0..<items.count)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.nextInt(below: i + 1)) }
        var rank = [Int](repeating: 0, count: items.count)
        for (r, item) in order.enumerated() { rank[item] = r }
        return rank
    }

    /// The top `k` items for `customer` by `strategy`, ties broken as described above.
    /// - Throws: `RecommendationError` when `k < 1`.
    public func recommend(for customer: String, k: Int, strategy: Strategy, seed: UInt64 = 0) throws
        -> [ScoredItem]
    {
        try recommend(for: customer, k: k, strategy: strategy, tieOrder: tieOrder(seed: seed))
    }

    /// `recommend(for:k:strategy:seed:)` with the seeded tie order computed once by the caller.
    public func recommend(for customer: String, k: Int, strategy: Strategy, tieOrder: [Int]) throws -> [ScoredItem] {
        guard k >= 1 else { throw RecommendationError(.invalidParameter, field: "k", "k must be at least 1") }
        let own = history[customer] ?? [:]
        var score: [Int: Double] = [:]
        switch strategy {
        case .itemCoOccurrence:
            for (i, _) in own {
                for (j, c) in coCounts[i] where own[j] == nil { score[j, default: 0] += Double(c) }
            }
        case .personalPopularity:
            for (i, c) in own { score[i] = Double(c) }
        case .popularity:
            break
        }
        let excluded: Set<Int> = strategy == .itemCoOccurrence ? Set(own.keys) : []
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (score[a] ?? 0, score[b] ?? 0)
            if x != y { return x > y }
            if basketCount[a] != basketCount[b] { return basketCount[a] > basketCount[b] }
            return tieOrder[a] < tieOrder[b]
        }
        // The scored items first, then the best of the rest by popularity.
        var chosen = Array(score.keys).sorted(by: precedes).prefix(k)
        if chosen.count < k {
            let taken = Set(chosen)
            let rest = (0..<items.count).filter { !taken.contains($0) && !excluded.contains($0) }
            chosen += rest.sorted(by: precedes).prefix(k - chosen.count)
        }
        return chosen.map { ScoredItem(item: items[$0], score: score[$0] ?? 0) }
    }
}
