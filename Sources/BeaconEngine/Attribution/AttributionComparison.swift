import BeaconAnalytics
import Foundation

/// The dashboard's attribution comparison: every model's credited revenue per channel side by
/// side and the first-order Markov chain, run on a workspace's touch events and returned as
/// plain numbers for pages to draw.
///
/// The models and their readable names are fixed here (`modelLabels`), so the page only lays
/// them out. Touches are `LiveTouches.netted`: refunds lower the revenue of the orders they
/// refund, and `value` is orders minus refunds.
public struct AttributionComparison: Sendable, Equatable {
    /// One model's credit, per channel in `channels` order.
    public struct Credit: Sendable, Equatable {
        public var label: String
        public var values: [Double]
    }

    /// One transition of the Markov chain between states (`(start)`, channels, `(conversion)`, `(null)`).
    public struct Transition: Sendable, Equatable {
        public var from: String
        public var to: String
        public var probability: Double
    }

    /// The first-order Markov chain: its states, transitions and each channel's removal effect.
    public struct Markov: Sendable, Equatable {
        public var states: [String]
        public var transitions: [Transition]
        /// Per channel in `channels` order.
        public var removalEffects: [Double]
    }

    public var journeys: Int
    public var conversions: Double
    /// Conversion value: orders minus refunds.
    public var value: Double
    /// Journeys that ended without a conversion.
    public var nulls: Double
    public var channels: [String]
    public var credits: [Credit]
    public var markov: Markov?

    /// The models compared, in display order, with their readable names.
    static let modelLabels: [(model: AttributionEngine.Model, label: String)] = [
        (.rule(.firstTouch), "First touch"), (.rule(.lastTouch), "Last touch"), (.rule(.linear), "Linear"),
        (.rule(.timeDecay(halfLife: 7)), "Time decay"), (.rule(.uShaped(first: 0.4, last: 0.4)), "U-shaped"),
        (.markov(order: 1), "Markov"), (.shapley(.simplified), "Shapley"),
    ]

    /// Runs the models on `touches`; nil when none of them is a conversion (nothing to attribute).
    /// - Throws: what `AttributionEngine.run` throws.
    public static func run(on touches: LiveTouches) throws -> AttributionComparison? {
        let builder = AttributionJourneyBuilder()
        let events = touches.netted
        guard events.contains(where: { builder.conversionEvents.contains($0.name) }) else { return nil }
        let report = try AttributionEngine.run(events: events, builder: builder, models: modelLabels.map(\.model))
        let labels = Dictionary(uniqueKeysWithValues: modelLabels.map { ($0.model.name, $0.label) })
        return AttributionComparison(
            journeys: report.journeys, conversions: report.totalConversions, value: report.totalValue,
            nulls: report.totalNulls, channels: report.channels,
            credits: report.models.map { Credit(label: labels[$0.model] ?? $0.model, values: $0.value) },
            markov: report.markov.first.map { m in
                Markov(
                    states: m.states,
                    transitions: m.transitions.map {
                        Transition(from: $0.from, to: $0.to, probability: $0.probability)
                    },
                    removalEffects: m.removalEffects)
            })
    }
}
