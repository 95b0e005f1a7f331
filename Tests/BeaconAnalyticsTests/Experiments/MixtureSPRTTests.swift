import BeaconAnalytics
import BeaconTestSupport
import Foundation
import Testing

@Suite("Experiments: mSPRT and sample ratio mismatch", .computeBound)
struct MixtureSPRTTests {
    @Test("The mixture likelihood ratio equals the closed form computed by hand")
    func likelihoodRatio() {
        // θ̂ = 0.02, V = τ² = 0.0001: Λ = √(1/2) · e^(1e-4 · 4e-4 / (2 · 1e-4 · 2e-4)) = √(1/2) · e = 1.922116.
        let m = MixtureSPRT(tau2: 0.0001)
        #expect(abs(m.likelihoodRatio(difference: 0.02, variance: 0.0001) - 0.5.squareRoot() * M_E) < 1e-12)
        #expect(m.likelihoodRatio(difference: 0.3, variance: 0) == 1)
        // At the interval's edge Λ = 1/α exactly.
        let v = 0.0001, half = (v * 2 * (log(2.0) - 2 * log(0.05))).squareRoot()
        #expect(abs(m.likelihoodRatio(difference: half, variance: v) - 20) < 1e-9)
    }

    /// Simulates `experiments` A/A (or A/B) tests, looking after every 100 conversions up to 20 looks.
    func simulate(experiments: Int, pA: Double, pB: Double, seed: UInt64) -> (msprt: Int, naive: Int) {
        var rng = Xoshiro256StarStar(seed: seed)
        let m = MixtureSPRT(tau2: 0.0001)
        var msprt = 0, naive = 0
        for _ in 0..<experiments {
            var look = MixtureSPRT.Look(visitorsA: 0, conversionsA: 0, visitorsB: 0, conversionsB: 0)
            var state = MixtureSPRT.State()
            var naiveHit = false, msprtHit = false
            var nextLook = 100
            while nextLook <= 2_000 {
                look.visitorsA += 1
                if rng.nextDouble() < pA { look.conversionsA += 1 }
                look.visitorsB += 1
                if rng.nextDouble() < pB { look.conversionsB += 1 }
                guard look.conversionsA + look.conversionsB >= nextLook else { continue }
                nextLook += 100
                state = m.update(state, with: look)
                if state.pValue <= 0.05 { msprtHit = true }
                // The naive peek: a fixed-horizon two-sided z-test at 5 % read at every look.
                if state.variance > 0, abs(state.difference) / state.variance.squareRoot() > 1.959964 { naiveHit = true }
            }
            if msprtHit { msprt += 1 }
            if naiveHit { naive += 1 }
        }
        return (msprt, naive)
    }

    @Test("1,000 A/A tests peeked every 100 conversions: mSPRT stays within 5 %, the naive peek does not")
    func peeking() {
        let (msprt, naive) = simulate(experiments: 1_000, pA: 0.1, pB: 0.1, seed: 17)
        #expect(Double(msprt) / 1_000 <= 0.05)
        #expect(Double(naive) / 1_000 > 0.05)
        print("A/A false positives over 20 looks: mSPRT \(msprt)/1000, naive z-test \(naive)/1000")
    }

    @Test("A real 10 % → 13 % lift is found by most runs")
    func power() {
        let (msprt, _) = simulate(experiments: 200, pA: 0.10, pB: 0.13, seed: 5)
        #expect(msprt > 100)
    }

    @Test("The always-valid interval never widens and the p-value never rises")
    func monotone() {
        let m = MixtureSPRT(tau2: 0.001)
        let looks = [(1000, 100, 1000, 130), (2000, 190, 2000, 250), (3000, 320, 3000, 330), (4000, 400, 4000, 480)]
            .map { MixtureSPRT.Look(visitorsA: $0.0, conversionsA: $0.1, visitorsB: $0.2, conversionsB: $0.3) }
        let states = m.run(looks)
        for (a, b) in zip(states, states.dropFirst()) {
            #expect(b.pValue <= a.pValue && b.lower >= a.lower && b.upper <= a.upper)
        }
    }

    @Test("Sample ratio mismatch: χ² and p-values equal the closed forms")
    func srm() {
        // 5,100 against 4,900 on a 50/50 split: χ² = 4, P(χ²₁ > 4) = erfc(√2) = 0.0455003.
        let two = SampleRatioMismatch.test(counts: [5_100, 4_900], weights: [1, 1])
        #expect(abs(two.chiSquare - 4) < 1e-12)
        #expect(abs(two.pValue - erfc(2.0.squareRoot())) < 1e-10)
        // Three arms: χ² = 20 with 2 degrees of freedom, P = e^(−10).
        let three = SampleRatioMismatch.test(counts: [1_000, 1_100, 900], weights: [1, 1, 1])
        #expect(abs(three.chiSquare - 20) < 1e-12)
        #expect(abs(three.pValue - exp(-10.0)) / exp(-10.0) < 1e-9)
        // A 90/10 split seen as 9,010/990: χ² = 100/9000 + 100/1000 = 0.1111; P(χ²₁ > 0.1111) = erfc(√0.05556).
        let uneven = SampleRatioMismatch.test(counts: [9_010, 990], weights: [9, 1])
        #expect(abs(uneven.pValue - erfc((uneven.chiSquare / 2).squareRoot())) < 1e-10)
        #expect(SampleRatioMismatch.test(counts: [10], weights: [1]).pValue == 1)
    }
}
