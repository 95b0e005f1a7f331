import Foundation

/// Ranks everyone outside a seed group by how much they resemble it, and says which three
/// features made each one similar.
///
/// The similarity is Gower's (1971, "A general coefficient of similarity and some of its
/// properties", *Biometrics* 27(4)) weighted average of per-feature similarities, taken to the
/// seed's centroid c in the standardised space of `LookalikeFeatureTable`:
///
///     score(x) = Σ_f w_f · exp(−(x_f − c_f)² / 2) / Σ_f w_f
///
/// with a Gaussian kernel per feature and weights w_f = |c_f − r_f|, the standardised mean
/// difference between the seed (c) and everyone else (r): features that set the seed apart
/// count, features on which the seed is ordinary do not (the idea behind Meta's and Google's
/// "similar audiences": resemble the seed where it is distinctive). Each term is a feature's
/// contribution, so the three largest are the member's reasons. When no feature sets the seed
/// apart every weight is 0 and all features weigh the same. Ties rank by person id.
public enum LookalikeModel {
    /// The fewest people a seed may have: smaller seeds give centroids too noisy to resemble.
    public static let minimumSeed = 100

    /// One ranked person.
    public struct Member: Sendable, Equatable {
        public var person: String
        /// 1 for the most similar.
        public var rank: Int
        /// Similarity in [0, 1].
        public var score: Double
        /// The three features that contributed most, largest first.
        public var reasons: [String]
    }

    /// How many people a lookalike of `percent` % of a workspace of `population` people holds
    /// (rounded to nearest, at least 1).
    /// - Throws: `RecommendationError` naming `size_percent` outside 1…10.
    public static func size(percent: Double, population: Int) throws -> Int {
        guard percent >= 1, percent <= 10 else {
            throw RecommendationError(
                .invalidParameter, field: "size_percent", "size_percent must be between 1 and 10, got \(percent)")
        }
        return max(1, Int((Double(population) * percent / 100).rounded()))
    }

    /// The feature weights and seed centroid: what the seed looks like.
    public static func profile(_ table: LookalikeFeatureTable, seed: Set<String>) throws
        -> (centroid: [Double], weights: [Double])
    {
        let inSeed = table.people.map { seed.contains($0) }
        let seedCount = inSeed.filter { $0 }.count
        guard seedCount >= minimumSeed else {
            throw RecommendationError(
                .tooFewRows, field: "seed_segment",
                "the seed segment has \(seedCount) people with purchases; a lookalike needs at least \(minimumSeed)")
        }
        let width = table.names.count
        var seedSum = [Double](repeating: 0, count: width)
        var restSum = [Double](repeating: 0, count: width)
        for (i, row) in table.values.enumerated() {
            for f in 0..<width {
                if inSeed[i] { seedSum[f] += row[f] } else { restSum[f] += row[f] }
            }
        }
        let restCount = max(1, table.people.count - seedCount)
        let centroid = seedSum.map { $0 / Double(seedCount) }
        var weights = (0..<width).map { abs(centroid[$0] - restSum[$0] / Double(restCount)) }
        if weights.allSatisfy({ $0 == 0 }) { weights = [Double](repeating: 1, count: width) }
        return (centroid, weights)
    }

    /// Everyone in `table` outside `seed`, most similar first.
    /// - Throws: `RecommendationError` (`seed_segment`) when fewer than `minimumSeed` seed
    ///   people are in the table.
    public static func rank(_ table: LookalikeFeatureTable, seed: Set<String>) throws -> [Member] {
        let (centroid, weights) = try profile(table, seed: seed)
        let total = weights.reduce(0, +)
        var scored: [(index: Int, score: Double, reasons: [String])] = []
        for (i, row) in table.values.enumerated() where !seed.contains(table.people[i]) {
            var contributions: [(Int, Double)] = []
            var sum = 0.0
            for f in row.indices {
                let d = row[f] - centroid[f]
                let c = weights[f] * Foundation.exp(-d * d / 2)
                contributions.append((f, c))
                sum += c
            }
            let reasons = contributions.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(3)
                .map { table.names[$0.0] }
            scored.append((i, sum / total, reasons))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : table.people[$0.index] < table.people[$1.index] }
        return scored.enumerated().map { r, s in
            Member(person: table.people[s.index], rank: r + 1, score: s.score, reasons: s.reasons)
        }
    }
}
