/// How well lookalikes find tomorrow's best customers: a time-split test against a random list
/// and an RFM-score ranking.
///
/// The order log is split at `splitDay`. Features, RFM scores and the seed come from the first
/// half only: the seed is the top decile of first-half spenders (net spend, ties by id). The
/// target is the top decile of second-half spenders. Every first-half buyer outside the seed is
/// ranked three ways — by `LookalikeModel`, by RFM score (R + F + M of `RFMAnalysis` as of the
/// split; ties in seeded random order) and at random (seeded) — and for each audience size
/// (a percentage of all first-half buyers, as lookalike sizes are shares of a workspace) the
/// number of target people in the top of each ranking is counted. Pure and reproducible for a
/// seed.
public struct LookalikeEvaluation: Sendable, Equatable {
    /// Hits of one ranking at one size.
    public struct Row: Sendable, Equatable {
        public var percent: Double
        public var size: Int
        public var lookalike: Int
        public var rfmScore: Int
        public var random: Int
    }

    public var splitDay: Int
    /// First-half buyers: the workspace the sizes are shares of.
    public var population: Int
    public var seedSize: Int
    /// Second-half top-decile spenders outside the seed: the most any ranking can find.
    public var reachableTargets: Int
    public var rows: [Row]

    /// Runs the evaluation.
    /// - Parameters:
    ///   - splitDay: first day of the second half; nil for the middle of the log's days.
    ///   - percents: audience sizes, each in 1…10.
    /// - Throws: `RecommendationError` for an empty log, a bad size or a seed under 100 people.
    public static func evaluate(orders: [OrderRecord], splitDay: Int? = nil, percents: [Double] = [1, 5, 10],
                                seed: UInt64) throws -> LookalikeEvaluation {
        guard let first = orders.map(\.day).min(), let last = orders.map(\.day).max() else {
            throw RecommendationError(.emptyInput, field: "orders", "the order log is empty")
        }
        let split = splitDay ?? (first + last + 1) / 2
        let before = orders.filter { $0.day < split }
        let after = orders.filter { $0.day >= split }
        let table = try LookalikeFeatureTable(orders: before, asOfDay: split - 1)
        let seedGroup = Set(topDecile(before))
        let targets = Set(topDecile(after)).subtracting(seedGroup)
        let lookalike = try LookalikeModel.rank(table, seed: seedGroup).map(\.person)
        let candidates = table.people.filter { !seedGroup.contains($0) }

        var rng = Xoshiro256StarStar(seed: seed)
        var random = candidates
        for i in stride(from: random.count - 1, to: 0, by: -1) { random.swapAt(i, rng.nextInt(below: i + 1)) }
        let tie = Dictionary(uniqueKeysWithValues: random.enumerated().map { ($1, $0) })
        let rfm = try RFMAnalysis(orders: before, asOfDay: split - 1)
        var total: [String: Int] = [:]
        for c in rfm.customers { total[c.customerID] = c.recencyScore + c.frequencyScore + c.monetaryScore }
        let byRFM = candidates.sorted {
            let (a, b) = (total[$0] ?? 0, total[$1] ?? 0)
            return a != b ? a > b : tie[$0]! < tie[$1]!
        }
        let found = targets.intersection(candidates)
        var rows: [Row] = []
        for percent in percents {
            let size = try LookalikeModel.size(percent: percent, population: table.people.count)
            func hits(_ ranking: [String]) -> Int { ranking.prefix(size).filter { found.contains($0) }.count }
            rows.append(Row(percent: percent, size: size, lookalike: hits(lookalike), rfmScore: hits(byRFM),
                            random: hits(random)))
        }
        return LookalikeEvaluation(
            splitDay: split, population: table.people.count, seedSize: seedGroup.count,
            reachableTargets: found.count, rows: rows)
    }

    /// The top tenth (rounded up) of the buyers in `orders` by net spend, ties by id.
    static func topDecile(_ orders: [OrderRecord]) -> [String] {
        var spend: [String: Double] = [:]
        for line in orders { spend[line.customerID, default: 0] += line.amount }
        let buyers = spend.filter { $0.value > 0 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return buyers.prefix((buyers.count + 9) / 10).map(\.key)
    }
}
