import BeaconAnalytics
import Foundation

/// A workspace's paths to conversion: the journeys attribution runs on grouped by their exact
/// sequence of touchpoint channels, each path with its journeys, conversions, value and the
/// credit the data-driven models give its channels, plus the flows between touchpoint steps
/// that a Sankey diagram draws.
///
/// Journeys are `AttributionJourneyBuilder`'s (default settings: 30-minute sessions, 30-day
/// lookback, `Order Completed` conversions, refunds netted into their orders) on the same
/// touches the Attribution page reads, so a path's conversions and value add up to that page's
/// totals. Per path:
/// - **Shapley credit** (Zhao, Mahboobi & Bagheri 2018, simplified): the path's conversions and
///   value split equally over its distinct channels. Summed over all paths this is exactly the
///   Shapley model's credit per channel on the Attribution page.
/// - **Markov credit**: the path's value split over its distinct channels in proportion to
///   their removal effects in the first-order Markov chain of all journeys (Anderl et al. 2016),
///   equally when every effect is zero. This is a per-path reading of the chain; its sums
///   over paths need not equal the chain's channel totals, which share all conversions at once.
///
/// Paths are ordered by conversions, then value, then journeys (ties by the path's text).
public struct ConversionPaths: Sendable, Equatable {
    /// One channel's share of a path.
    public struct Credit: Sendable, Equatable {
        public var channel: String
        public var conversions: Double
        public var value: Double
    }

    /// One distinct sequence of touchpoint channels, oldest first.
    public struct Path: Sendable, Equatable {
        public var channels: [String]
        public var journeys: Int
        public var conversions: Double
        /// Conversion value: orders minus refunds.
        public var value: Double
        public var nulls: Double
        public var shapley: [Credit]
        public var markov: [Credit]

        /// Conversions ÷ journeys along the path.
        public var conversionRate: Double { journeys > 0 ? conversions / Double(journeys) : 0 }

        /// The path as text, runs of one channel written once with their length (`Email ×2 → Direct`).
        public var label: String {
            var parts: [String] = []
            var i = 0
            while i < channels.count {
                var j = i + 1
                while j < channels.count, channels[j] == channels[i] { j += 1 }
                parts.append(j - i > 1 ? "\(channels[i]) ×\(j - i)" : channels[i])
                i = j
            }
            return parts.joined(separator: " → ")
        }
    }

    /// Journeys moving from one Sankey node to the next: step `step` (0 = first touch) at
    /// channel `from` to step `step + 1` at `to`, where the last step of a journey goes to the
    /// outcome (`conversionNode` or `nullNode`).
    public struct Flow: Sendable, Equatable {
        public var step: Int
        public var from: String
        public var to: String
        public var journeys: Double
    }

    public static let conversionNode = "Conversion"
    public static let nullNode = "No conversion"
    /// Touchpoints drawn in the Sankey: a longer journey goes from its last drawn touch to its outcome.
    public static let sankeySteps = 4

    public var channels: [String]
    public var journeys: Int
    public var conversions: Double
    public var value: Double
    public var nulls: Double
    /// The Markov removal effect of each channel, in `channels` order.
    public var removalEffects: [Double]
    public var paths: [Path]
    public var flows: [Flow]

    /// The paths of `touches`; nil when none is a conversion (nothing to attribute).
    /// - Throws: what `AttributionEngine.run` throws.
    public static func compute(touches: LiveTouches) throws -> ConversionPaths? {
        let builder = AttributionJourneyBuilder()
        let events = touches.netted
        guard events.contains(where: { builder.conversionEvents.contains($0.name) }) else { return nil }
        return try compute(builder.journeys(from: events))
    }

    /// The paths of a journey data set.
    /// - Throws: what `AttributionEngine.run` throws.
    public static func compute(_ dataset: AttributionDataset) throws -> ConversionPaths {
        let report = try AttributionEngine.run(dataset, models: [.markov(order: 1)])
        let effects = report.markov.first?.removalEffects ?? dataset.channels.map { _ in 0 }
        var groups: [[Int]: (journeys: Int, conversions: Double, value: Double, nulls: Double)] = [:]
        for j in dataset.journeys {
            var g = groups[j.touches] ?? (0, 0, 0, 0)
            g.journeys += 1
            g.conversions += j.conversions
            g.value += j.value
            g.nulls += j.nulls
            groups[j.touches] = g
        }
        let names = dataset.channels
        var paths = groups.map { touches, g -> Path in
            var distinct: [Int] = []
            for c in touches where !distinct.contains(c) { distinct.append(c) }
            let share = 1 / Double(distinct.count)
            let weights = distinct.map { max(effects[$0], 0) }
            let total = weights.reduce(0, +)
            return Path(
                channels: touches.map { names[$0] }, journeys: g.journeys, conversions: g.conversions, value: g.value,
                nulls: g.nulls,
                shapley: distinct.map {
                    Credit(channel: names[$0], conversions: g.conversions * share, value: g.value * share)
                },
                markov: zip(distinct, weights).map { c, w in
                    let s = total > 0 ? w / total : share
                    return Credit(channel: names[c], conversions: g.conversions * s, value: g.value * s)
                })
        }
        paths.sort { a, b in
            if a.conversions != b.conversions { return a.conversions > b.conversions }
            if a.value != b.value { return a.value > b.value }
            if a.journeys != b.journeys { return a.journeys > b.journeys }
            return a.label < b.label
        }
        return ConversionPaths(
            channels: names, journeys: dataset.journeys.count, conversions: dataset.totalConversions,
            value: dataset.totalValue, nulls: dataset.totalNulls, removalEffects: effects, paths: paths,
            flows: flows(dataset))
    }

    /// The Sankey flows: each journey's first `sankeySteps` touches in order, then its outcome.
    static func flows(_ dataset: AttributionDataset) -> [Flow] {
        struct Key: Hashable {
            var step: Int
            var from: String
            var to: String
        }
        var weight: [Key: Double] = [:]
        var order: [Key] = []
        for j in dataset.journeys {
            let shown = j.touches.prefix(sankeySteps).map { dataset.channels[$0] }
            let outcome = j.conversions > 0 ? conversionNode : nullNode
            for (step, from) in shown.enumerated() {
                let key = Key(step: step, from: from, to: step + 1 < shown.count ? shown[step + 1] : outcome)
                if weight[key] == nil { order.append(key) }
                weight[key, default: 0] += 1
            }
        }
        return order.map { Flow(step: $0.step, from: $0.from, to: $0.to, journeys: weight[$0]!) }
            .sorted { ($0.step, -$0.journeys, $0.from, $0.to) < ($1.step, -$1.journeys, $1.from, $1.to) }
    }
}
