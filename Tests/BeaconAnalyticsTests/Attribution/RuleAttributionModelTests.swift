import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

/// Hand-computed weights for every rule-based model.
@Suite("Rule-based attribution", .computeBound)
struct RuleAttributionModelTests {
    let channels = ["Direct", "Email", "Paid Search", "Social"]

    func journey(_ touches: [Int], ages: [Double]? = nil, lead: Int? = nil) -> AttributionJourney {
        AttributionJourney(touches: touches, conversions: 1, value: 100, touchAges: ages, leadTouch: lead)
    }

    func expectWeights(_ model: RuleAttributionModel, _ j: AttributionJourney, _ expected: [Double]) {
        let w = model.weights(for: j, channels: channels)
        #expect(w.count == expected.count)
        for (a, b) in zip(w, expected) { #expect(abs(a - b) < 1e-12, "\(model.name): \(w) ≠ \(expected)") }
    }

    @Test func firstLastAndLinear() {
        let j = journey([1, 2, 0, 2])
        expectWeights(.firstTouch, j, [1, 0, 0, 0])
        expectWeights(.lastTouch, j, [0, 0, 0, 1])
        expectWeights(.linear, j, [0.25, 0.25, 0.25, 0.25])
        // Linear aggregates per channel: Paid Search appears twice → 2/4 of the conversion.
        let r = RuleAttributionModel.linear.attribute(AttributionDataset(channels: channels, journeys: [j]))
        #expect(r.conversions == [0.25, 0.25, 0.5, 0])
        #expect(r.value == [25, 25, 50, 0])
    }

    @Test func lastNonDirectSkipsDirect() {
        let model = RuleAttributionModel.lastNonDirect(directChannel: "Direct")
        expectWeights(model, journey([1, 2, 0, 0]), [0, 1, 0, 0])
        // All direct: falls back to the last touch.
        expectWeights(model, journey([0, 0]), [0, 1])
    }

    @Test func timeDecayHalvesPerHalfLife() {
        // Ages 0, 1, 2 touches with half-life 1: raw weights 1/4, 1/2, 1 → /1.75.
        expectWeights(.timeDecay(halfLife: 1), journey([1, 2, 3]), [0.25 / 1.75, 0.5 / 1.75, 1 / 1.75])
        // Explicit ages in days, half-life 7: ages 14, 7, 0 → 1/4, 1/2, 1.
        expectWeights(
            .timeDecay(halfLife: 7), journey([3, 2, 1], ages: [14, 7, 0]), [0.25 / 1.75, 0.5 / 1.75, 1 / 1.75])
        // Half-life 2 on ages 2 and 0: 2^-1 and 1 → 1/3, 2/3.
        expectWeights(.timeDecay(halfLife: 2), journey([1, 2], ages: [2, 0]), [1.0 / 3, 2.0 / 3])
        // Path-file ages count touches: two touches are ages 1 and 0, so half-life 1 gives 1/3, 2/3.
        expectWeights(.timeDecay(halfLife: 1), journey([1, 2]), [1.0 / 3, 2.0 / 3])
    }

    @Test func uShapedSplitsFortyTwentyForty() {
        expectWeights(.uShapedDefault, journey([1, 2, 3, 0]), [0.4, 0.1, 0.1, 0.4])
        expectWeights(.uShapedDefault, journey([1, 2, 3]), [0.4, 0.2, 0.4])
        expectWeights(.uShapedDefault, journey([1, 2]), [0.5, 0.5])
        expectWeights(.uShaped(first: 0.6, last: 0.2), journey([1, 2]), [0.75, 0.25])
        expectWeights(.uShapedDefault, journey([2]), [1])
    }

    @Test func wShapedAnchorsFirstLeadAndLast() {
        // Five touches, lead at index 2: 0.3 / 0.05 / 0.3 / 0.05 / 0.3.
        expectWeights(.wShapedDefault, journey([0, 1, 2, 3, 0], lead: 2), [0.3, 0.05, 0.3, 0.05, 0.3])
        // Lead unknown → middle touch (index n/2 = 2 of 4): others get 0.1 (one touch).
        expectWeights(.wShapedDefault, journey([0, 1, 2, 3]), [0.3, 0.1, 0.3, 0.3])
        // Three touches are all anchors: 1/3 each.
        expectWeights(.wShapedDefault, journey([0, 1, 2]), [1.0 / 3, 1.0 / 3, 1.0 / 3])
        // Lead on the first touch of two: shares 0.6 and 0.3 rescaled to 2/3, 1/3.
        expectWeights(.wShapedDefault, journey([0, 1], lead: 0), [2.0 / 3, 1.0 / 3])
    }

    @Test func nonConvertingJourneysEarnNothing() {
        let data = AttributionDataset(
            channels: channels,
            journeys: [
                AttributionJourney(touches: [0, 1], conversions: 0, nulls: 5),
                AttributionJourney(touches: [2], conversions: 2, value: 10, nulls: 1),
            ])
        let r = RuleAttributionModel.firstTouch.attribute(data)
        #expect(r.conversions == [0, 0, 2, 0])
        #expect(r.value == [0, 0, 10, 0])
    }
}
