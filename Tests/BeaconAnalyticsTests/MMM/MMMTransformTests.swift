import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

/// Adstock and saturation against values computed by hand from the published formulas.
@Suite(.computeBound) struct MMMTransformTests {
    @Test func geometricAdstockNormalisedAndNot() {
        let x = [100.0, 0, 0, 50]
        // Weights θ^l = 1, 0.5, 0.25 (max lag 3); sum 1.75.
        let raw = MMMAdstock.geometric(rate: 0.5, maxLag: 3, normalized: false).apply(x)
        #expect(raw == [100, 50, 25, 50])
        let normalised = MMMAdstock.geometric(rate: 0.5, maxLag: 3, normalized: true).apply(x)
        let expected = [100 / 1.75, 50 / 1.75, 25 / 1.75, 50 / 1.75]
        for (a, b) in zip(normalised, expected) { #expect(abs(a - b) < 1e-12) }
        #expect(abs(MMMAdstock.geometric(rate: 0.5, maxLag: 3, normalized: false).steadyStateGain - 1.75) < 1e-12)
        // A long normalised window: carry-over share equals the rate.
        #expect(abs(MMMAdstock.geometric(rate: 0.4, maxLag: 60, normalized: true).carryoverShare - 0.4) < 1e-9)
    }

    @Test func delayedAdstockPeaksAtTheDelay() {
        // w_l = θ^((l − 1)²) with θ 0.5: 0.5, 1, 0.5, 0.0625.
        let w = MMMAdstock.delayed(rate: 0.5, peak: 1, maxLag: 4, normalized: false).weights
        #expect(w == [0.5, 1, 0.5, 0.0625])
        let y = MMMAdstock.delayed(rate: 0.5, peak: 1, maxLag: 4, normalized: true).apply([20.6250, 0, 0, 0])
        #expect(abs(y[1] - 10) < 1e-12)
    }

    @Test func weibullAdstockFollowsRobyn() {
        // Robyn, window 10, scale 0.5: λ' = round(quantile(1:10, 0.5)) = round(5.5) = 6 (half to even).
        // CDF weights: 1, then Π (1 − F(j)), F(j) = 1 − exp(−(j/6)^k). Shape 1: w_l = exp(−l(l+1)/12).
        let cdf = MMMAdstock.weibullCDF(shape: 1, scale: 0.5, maxLag: 10).weights
        for l in 0..<10 { #expect(abs(cdf[l] - Double.exp(-Double(l * (l + 1)) / 12)) < 1e-12) }
        // PDF weights: the density f(i) = (k/λ)(i/λ)^(k−1) e^(−(i/λ)^k) at i = 1…10, min–max normalised.
        let pdf = MMMAdstock.weibullPDF(shape: 2, scale: 0.5, maxLag: 10).weights
        let f = (1...10).map { i -> Double in
            let z = Double(i) / 6
            return 2 / 6 * z * Double.exp(-z * z)
        }
        let (lo, hi) = (f.min()!, f.max()!)
        for l in 0..<10 { #expect(abs(pdf[l] - (f[l] - lo) / (hi - lo)) < 1e-12) }
        #expect(pdf[3] == 1)  // the density of shape 2, scale 6 peaks at 6/√2 ≈ 4.24 → i = 4
        // Shape or scale 0: no carry-over, as Robyn.
        #expect(MMMAdstock.weibullCDF(shape: 0, scale: 0.5, maxLag: 4).apply([1, 2, 3]) == [1, 2, 3])
    }

    @Test func saturationCurves() {
        // Hill: x^s / (x^s + k^s); at x = k it is 1/2; x = 2, k = 1, s = 2: 4/5.
        #expect(abs(MMMSaturation.hill(halfSaturation: 3, slope: 1.7).value(3) - 0.5) < 1e-12)
        #expect(abs(MMMSaturation.hill(halfSaturation: 1, slope: 2).value(2) - 0.8) < 1e-12)
        // pymc-marketing logistic: λ 4 at x 0.5 → (1 − e^−2)/(1 + e^−2) = tanh(1).
        #expect(abs(MMMSaturation.logistic(lambda: 4).value(0.5) - 0.7615941559557649) < 1e-12)
        // Michaelis–Menten x/(k + x).
        #expect(abs(MMMSaturation.michaelisMenten(halfSaturation: 2).value(6) - 0.75) < 1e-12)
        #expect(MMMSaturation.hill(halfSaturation: 1, slope: 2).value(-1) == 0)
        // Derivatives match central differences.
        let curves: [MMMSaturation] = [
            .hill(halfSaturation: 0.8, slope: 2.5), .hill(halfSaturation: 1.2, slope: 0.7), .logistic(lambda: 3),
            .michaelisMenten(halfSaturation: 0.5),
        ]
        for curve in curves {
            for x in [0.1, 0.7, 1.5, 4.0] {
                let h = 1e-6
                let numeric = (curve.value(x + h) - curve.value(x - h)) / (2 * h)
                #expect(abs(curve.derivative(x) - numeric) < 1e-6 * max(1, abs(numeric)))
            }
        }
        // The Hill S-curve's marginal response peaks at its inflection.
        let s = MMMSaturation.hill(halfSaturation: 1, slope: 3)
        let peak = s.inflection
        #expect(s.derivative(peak) > s.derivative(peak * 0.9) && s.derivative(peak) > s.derivative(peak * 1.1))
    }

    @Test func responseCurveMarksDiminishingReturns() {
        // β = 1000, MM with k = 1 on spend/100, no carry-over: R(x) = 1000·(x/100)/(1 + x/100);
        // R'(x) = 10/(1 + x/100)² = 1 at x = 100(√10 − 1).
        let r = MMMChannelResponse(
            name: "c", adstock: .geometric(rate: 0, maxLag: 1, normalized: true),
            saturation: .michaelisMenten(halfSaturation: 1), coefficient: 1000, spendScale: 100)
        let curve = MMMResponseCurve(r, currentSpend: 50)
        let point = try! #require(curve.diminishingReturns)
        #expect(abs(point.spend - 100 * (10.0.squareRoot() - 1)) < 1e-6)
        #expect(abs(curve.current.response - 1000 * 0.5 / 1.5) < 1e-9)
        #expect(curve.points.first?.spend == 0 && curve.points.count == 61)
        #expect(zip(curve.points, curve.points.dropFirst()).allSatisfy { $0.response <= $1.response })
    }
}
