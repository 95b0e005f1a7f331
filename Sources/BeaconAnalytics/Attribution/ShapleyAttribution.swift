/// Shapley-value attribution over channel coalitions.
///
/// Channels are the players; a journey "belongs" to the coalition of distinct channels it
/// touched. Three variants:
///
/// - `simplified` — Zhao, Mahboobi & Bagheri (2018), "Shapley value methods for attribution
///   modeling in online advertising", arXiv:1804.05327, its simplified formula: with the
///   characteristic function v(S) = Σ_{T ⊆ S} R(T), R(T) the conversions of journeys whose
///   channel set is exactly T, the Shapley value reduces to φ_j = Σ_{T ∋ j} R(T) / |T| — every
///   conversion is split equally over the distinct channels of its journey. Closed form, any
///   number of channels.
/// - `ordered` — the same paper's ordered Shapley value: the simplified value broken down by
///   the position at which the channel first appears in the journey (φ_j^i = Σ R_i^j(T)/|T|,
///   R_i^j(T) the conversions of journeys with channel set T whose i-th distinct channel is j).
///   Channel totals equal the simplified variant; `positionConversions` holds the breakdown.
/// - `coalition` — the textbook Shapley value φ_j = Σ_{S ∌ j} |S|!(n−|S|−1)!/n! · (v(S ∪ j) − v(S))
///   (Shapley 1953) with a characteristic function computed from the paths: by default the
///   conversion rate of the journeys whose channels all lie in S (conversions / (conversions +
///   nulls)), the coalition conversion probability of Dalessandro, Perlich, Stitelman & Provost
///   (2012), "Causally motivated attribution for online advertising", ADKDD; or the conversion
///   count v(S) = Σ_{T ⊆ S} R(T), which reproduces `simplified` exactly. Exact over all 2ⁿ
///   coalitions up to `exactChannelCap` channels (20 by default: 2²⁰ coalitions, ~40 MB);
///   beyond that, estimated from `samples` random permutations (Castro, Gómez & Tejada 2009,
///   "Polynomial calculation of the Shapley value based on sampling", *Computers & OR* 36(5)),
///   seeded, so a run is reproducible.
///
/// Credits: efficiency (Σ_j φ_j = v(N) − v(∅)) holds exactly for the exact and for every
/// sampled permutation, so scaling φ by (observed conversions / v(N)) makes the credits sum to
/// the observed conversions; value credits use the same game on value. A coalition variant's
/// individual φ_j can be negative (a channel whose journeys convert less than the others).
public struct ShapleyAttribution: Sendable {
    public enum Variant: String, Sendable, Codable, CaseIterable {
        case simplified, ordered, coalition
    }

    public enum Characteristic: String, Sendable, Codable {
        case conversionRate = "conversion_rate"
        case conversions
    }

    /// The hard limit on exact coalition enumeration whatever `exactChannelCap` says: 2²⁴
    /// coalitions take about 640 MB of working memory.
    public static let exactChannelLimit = 24

    public var variant: Variant
    public var characteristic: Characteristic
    /// Exact coalition values up to this many channels (capped at `exactChannelLimit`).
    public var exactChannelCap: Int
    public var samples: Int
    public var seed: UInt64

    public init(
        variant: Variant = .simplified, characteristic: Characteristic = .conversionRate,
        exactChannelCap: Int = 20, samples: Int = 2000, seed: UInt64 = 0
    ) {
        self.variant = variant
        self.characteristic = characteristic
        self.exactChannelCap = exactChannelCap
        self.samples = samples
        self.seed = seed
    }

    /// The report name: `shapley`, `shapley_ordered` or `shapley_coalition`.
    public var name: String {
        switch variant {
        case .simplified: "shapley"
        case .ordered: "shapley_ordered"
        case .coalition: "shapley_coalition"
        }
    }

    public func attribute(_ dataset: AttributionDataset) -> ShapleyAttributionResult {
        switch variant {
        case .simplified, .ordered: simplified(dataset)
        case .coalition: coalition(dataset)
        }
    }

    private func simplified(_ dataset: AttributionDataset) -> ShapleyAttributionResult {
        let m = dataset.channels.count
        var conversions = [Double](repeating: 0, count: m)
        var value = [Double](repeating: 0, count: m)
        var positions = [[Double]](repeating: [], count: m)
        var seen = [Bool](repeating: false, count: m)
        var distinct: [Int] = []
        for journey in dataset.journeys where journey.conversions > 0 || journey.value != 0 {
            distinct.removeAll(keepingCapacity: true)
            for c in journey.touches where !seen[c] {
                seen[c] = true
                distinct.append(c)
            }
            let share = 1 / Double(distinct.count)
            for (position, c) in distinct.enumerated() {
                seen[c] = false
                conversions[c] += journey.conversions * share
                value[c] += journey.value * share
                if variant == .ordered {
                    if positions[c].count <= position {
                        positions[c].append(contentsOf: repeatElement(0, count: position + 1 - positions[c].count))
                    }
                    positions[c][position] += journey.conversions * share
                }
            }
        }
        if variant == .ordered {
            let width = positions.map(\.count).max() ?? 0
            positions = positions.map { $0 + repeatElement(0, count: width - $0.count) }
        }
        return ShapleyAttributionResult(
            variant: variant.rawValue, characteristic: nil, exact: true, samples: nil,
            shapleyValues: conversions, positionConversions: variant == .ordered ? positions : nil,
            attribution: AttributionModelResult(model: name, conversions: conversions, value: value))
    }

    private func coalition(_ dataset: AttributionDataset) -> ShapleyAttributionResult {
        // Aggregate journeys by their set of distinct channels.
        var groups: [[Int]: (conversions: Double, value: Double, journeys: Double)] = [:]
        for journey in dataset.journeys where journey.conversions + journey.nulls > 0 || journey.value != 0 {
            let set = Array(Set(journey.touches)).sorted()
            groups[set, default: (0, 0, 0)].conversions += journey.conversions
            groups[set, default: (0, 0, 0)].value += journey.value
            groups[set, default: (0, 0, 0)].journeys += journey.conversions + journey.nulls
        }
        let entries = groups.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        let game = ShapleyCoalitionGame(
            players: dataset.channels.count, sets: entries.map(\.key), conversions: entries.map(\.value.conversions),
            value: entries.map(\.value.value), journeys: entries.map(\.value.journeys), characteristic: characteristic)
        let exact = dataset.channels.count <= min(exactChannelCap, Self.exactChannelLimit)
        let (phiConversions, phiValue) = exact ? game.exact() : game.sampled(permutations: samples, seed: seed)
        let conversions = Self.scale(phiConversions, to: dataset.totalConversions)
        let value = Self.scale(phiValue, to: dataset.totalValue)
        return ShapleyAttributionResult(
            variant: variant.rawValue, characteristic: characteristic.rawValue, exact: exact,
            samples: exact ? nil : samples, shapleyValues: phiConversions, positionConversions: nil,
            attribution: AttributionModelResult(model: name, conversions: conversions, value: value))
    }

    /// φ scaled so that it sums to `total` (zeros when Σφ is zero).
    private static func scale(_ phi: [Double], to total: Double) -> [Double] {
        let sum = phi.reduce(0, +)
        guard sum != 0 else { return phi.map { _ in 0 } }
        return phi.map { total * $0 / sum }
    }
}
