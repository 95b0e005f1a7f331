import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// The analytic likelihood gradients used for fitting, against central differences of the
/// per-customer likelihoods they are derived from.
@Suite("CLV likelihood gradients", .computeBound)
struct CLVGradientTests {
    @Test func bgnbdGradientMatchesFiniteDifferences() throws {
        let data = try CLVSummaryData(
            frequency: [0, 1, 2, 5, 0, 3, 12], recency: [0, 5, 10, 30, 0, 12, 37.5], T: [40, 40, 40, 40, 20, 39, 38],
            weights: [3, 1, 2, 1, 4, 1, 2])
        let likelihood = BGNBDModel.Likelihood(data)
        for theta in [[0.243, 4.414, 0.793, 2.426], [1.7, 0.3, 3.1, 0.6]] {
            let (value, gradient) = likelihood.evaluate(theta, withGradient: true)
            #expect(abs(value - BGNBDModel(parameters: theta).logLikelihood(data)) < 1e-9)
            let numeric = NumericalDerivatives.gradient({ BGNBDModel(parameters: $0).logLikelihood(data) }, at: theta)
            for (g, n) in zip(gradient, numeric) { #expect(abs(g - n) < 1e-6 * max(1, abs(n)), "\(g) vs \(n)") }
        }
    }

    @Test func gammaGammaGradientMatchesFiniteDifferences() {
        let rows: [(x: Double, m: Double, weight: Double)] = [(1, 12.5, 3), (2, 30, 1), (2, 7.25, 2), (9, 41, 1)]
        let likelihood = GammaGammaModel.Likelihood(rows: rows)
        let direct: ([Double]) -> Double = { v in
            rows.reduce(0) {
                $0 + $1.weight * GammaGammaModel(parameters: v).logLikelihood(frequency: $1.x, monetaryValue: $1.m)
            }
        }
        for theta in [[6.25, 3.74, 15.44], [0.8, 1.5, 2]] {
            let (value, gradient) = likelihood.evaluate(theta, withGradient: true)
            #expect(abs(value - direct(theta)) < 1e-9)
            let numeric = NumericalDerivatives.gradient(direct, at: theta)
            for (g, n) in zip(gradient, numeric) { #expect(abs(g - n) < 1e-6 * max(1, abs(n)), "\(g) vs \(n)") }
        }
    }
}
