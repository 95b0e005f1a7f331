import BeaconTestSupport
import Testing
@testable import BeaconAnalytics

@Suite("Random distributions", .computeBound)
struct DistributionDrawTests {
    /// Sample moments of 200,000 draws against the distributions' known mean and variance;
    /// the tolerances are ~5 standard errors, so a correct sampler fails with negligible odds.
    @Test("Gamma, beta, normal and exponential moments", arguments: [0.5, 2.0, 7.5])
    func moments(shape: Double) {
        var rng = Xoshiro256StarStar(seed: 42)
        let n = 200_000
        func stats(_ draw: () -> Double) -> (mean: Double, variance: Double) {
            var s = 0.0, s2 = 0.0
            for _ in 0..<n { let x = draw(); s += x; s2 += x * x }
            let m = s / Double(n)
            return (m, s2 / Double(n) - m * m)
        }
        let rate = 2.0
        let g = stats { rng.nextGamma(shape: shape, rate: rate) }
        #expect(abs(g.mean - shape / rate) < 5 * (shape / (rate * rate) / Double(n)).squareRoot())
        #expect(abs(g.variance / (shape / (rate * rate)) - 1) < 0.05)

        let b = stats { rng.nextBeta(shape, 3) }
        let bm = shape / (shape + 3)
        let bv = shape * 3 / ((shape + 3) * (shape + 3) * (shape + 4))
        #expect(abs(b.mean - bm) < 5 * (bv / Double(n)).squareRoot())

        let z = stats { rng.nextNormal(mean: shape, standardDeviation: 2) }
        #expect(abs(z.mean - shape) < 5 * 2 / Double(n).squareRoot())
        #expect(abs(z.variance / 4 - 1) < 0.02)

        let e = stats { rng.nextExponential(rate: shape) }
        #expect(abs(e.mean - 1 / shape) < 5 / shape / Double(n).squareRoot())
    }

    @Test("Weighted index follows the weights")
    func weightedIndex() {
        var rng = Xoshiro256StarStar(seed: 7)
        var counts = [0, 0, 0]
        for _ in 0..<100_000 { counts[rng.nextIndex(weights: [1, 0, 3])] += 1 }
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[2]) / 100_000 - 0.75) < 0.01)
    }
}
