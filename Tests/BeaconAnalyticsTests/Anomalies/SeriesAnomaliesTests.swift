import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("Anomalies in a seasonal daily series", .computeBound)
struct SeriesAnomaliesTests {
    /// 140 days of trend + weekly season + N(0, 2²) noise, with a spike on day 40 and a drop on day 97.
    static func series(seed: UInt64) -> (clean: [Double], observed: [Double]) {
        var rng = Xoshiro256StarStar(seed: seed)
        let clean = (0..<140).map { t in 100 + 0.2 * Double(t) + 15 * sin(2 * Double.pi * Double(t) / 7) }
        var observed = clean.map { $0 + rng.nextNormal(mean: 0, standardDeviation: 2) }
        observed[40] += 40
        observed[97] -= 35
        return (clean, observed)
    }

    @Test(
        "The injected spike and drop, and nothing else, are flagged with the expected value inside the band",
        arguments: [11, 12, 13] as [UInt64])
    func spikeAndDrop(seed: UInt64) {
        let (clean, observed) = Self.series(seed: seed)
        let flags = SeriesAnomalies.detect(observed, period: 7)
        #expect(flags.map(\.index) == [40, 97])
        for flag in flags {
            // The robust fit ignores the outlier: its expected value is the clean curve ± noise.
            #expect(abs(flag.expected - clean[flag.index]) < 3, "\(flag)")
            #expect(flag.lower < flag.expected && flag.expected < flag.upper)
            #expect(flag.value < flag.lower || flag.value > flag.upper)
        }
        #expect(flags[0].value > flags[0].upper && flags[1].value < flags[1].lower)
    }

    @Test("Noise alone is not flagged, and a short series gets no flags")
    func quiet() {
        var rng = Xoshiro256StarStar(seed: 5)
        let quiet = (0..<140).map { t in
            50 + 8 * sin(2 * Double.pi * Double(t) / 7) + rng.nextNormal(mean: 0, standardDeviation: 1)
        }
        #expect(SeriesAnomalies.detect(quiet).isEmpty)
        #expect(SeriesAnomalies.detect([1, 2, 3, 100, 2, 1, 3, 2, 1, 2, 3, 2, 1]).isEmpty)
    }
}
