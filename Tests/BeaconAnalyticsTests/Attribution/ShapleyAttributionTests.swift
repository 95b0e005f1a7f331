import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Shapley attribution", .computeBound)
struct ShapleyAttributionTests {
    /// {A}: 1 conversion + 1 null; {B}: 2 nulls; A>B: 2 conversions + 2 nulls (values 10, 0, 40).
    let data = AttributionDataset(namedJourneys: [
        (["A"], 1, 10, 1),
        (["B"], 0, 0, 2),
        (["A", "B", "A"], 2, 40, 2),
    ])

    /// Simplified (Zhao et al. 2018): a conversion is split over distinct channels.
    /// A: 1 + 2/2 = 2, B: 2/2 = 1; value A: 10 + 20, B: 20.
    @Test func simplifiedSplitsOverDistinctChannels() {
        let r = ShapleyAttribution(variant: .simplified).attribute(data)
        #expect(r.attribution.conversions == [2, 1])
        #expect(r.attribution.value == [30, 20])
    }

    /// Ordered: A is first in both converting journeys (1 + 1), B second (1).
    @Test func orderedBreaksDownByPosition() throws {
        let r = ShapleyAttribution(variant: .ordered).attribute(data)
        let positions = try #require(r.positionConversions)
        #expect(positions == [[2, 0], [0, 1]])
        #expect(r.attribution.conversions == [2, 1])
    }

    /// Conversion-rate game: v(A) = 1/2, v(B) = 0/2 = 0, v(AB) = 3/8.
    /// φ_A = ½(1/2 + 3/8 − 0) = 7/16, φ_B = ½(0 + 3/8 − 1/2) = −1/16; Σ = 3/8 = v(AB).
    /// Scaled to 3 conversions: A 3.5, B −0.5.
    @Test func coalitionConversionRateByHand() {
        let r = ShapleyAttribution(variant: .coalition).attribute(data)
        #expect(r.exact)
        #expect(abs(r.shapleyValues[0] - 7.0 / 16) < 1e-15)
        #expect(abs(r.shapleyValues[1] + 1.0 / 16) < 1e-15)
        #expect(abs(r.attribution.conversions[0] - 3.5) < 1e-12)
        #expect(abs(r.attribution.conversions[1] + 0.5) < 1e-12)
    }

    /// With v(S) = conversions of journeys inside S, the exact Shapley value over all
    /// coalitions equals the simplified closed form (Zhao et al. 2018).
    @Test func coalitionGameOfConversionsEqualsSimplified() {
        let big = randomData(channels: 9, journeys: 500, seed: 3)
        let exact = ShapleyAttribution(variant: .coalition, characteristic: .conversions).attribute(big)
        let simplified = ShapleyAttribution(variant: .simplified).attribute(big)
        #expect(exact.exact)
        for c in big.channels.indices {
            #expect(abs(exact.attribution.conversions[c] - simplified.attribution.conversions[c]) < 1e-9)
            #expect(abs(exact.attribution.value[c] - simplified.attribution.value[c]) < 1e-7)
        }
    }

    /// Beyond the cap, sampled permutations approach the exact values and stay efficient.
    @Test func sampledApproachesExact() {
        let small = randomData(channels: 6, journeys: 300, seed: 5)
        let exact = ShapleyAttribution(variant: .coalition).attribute(small)
        let sampled = ShapleyAttribution(variant: .coalition, exactChannelCap: 2, samples: 20_000, seed: 9).attribute(
            small)
        #expect(!sampled.exact)
        #expect(sampled.samples == 20_000)
        let total = small.totalConversions
        #expect(abs(sampled.attribution.conversions.reduce(0, +) - total) < 1e-9)
        for c in small.channels.indices {
            #expect(abs(sampled.attribution.conversions[c] - exact.attribution.conversions[c]) < 0.02 * total)
        }
        // Same seed, same answer.
        let again = ShapleyAttribution(variant: .coalition, exactChannelCap: 2, samples: 20_000, seed: 9).attribute(
            small)
        #expect(again.shapleyValues == sampled.shapleyValues)
    }

    func randomData(channels: Int, journeys: Int, seed: UInt64) -> AttributionDataset {
        var rng = Xoshiro256StarStar(seed: seed)
        var rows: [(channels: [String], conversions: Double, value: Double, nulls: Double)] = []
        for _ in 0..<journeys {
            let path = (0...rng.nextInt(below: 4)).map { _ in "c\(rng.nextInt(below: channels))" }
            let conversions = Double(rng.nextInt(below: 3))
            rows.append(
                (path, conversions, conversions * Double(1 + rng.nextInt(below: 50)), Double(rng.nextInt(below: 5))))
        }
        return AttributionDataset(namedJourneys: rows)
    }
}
