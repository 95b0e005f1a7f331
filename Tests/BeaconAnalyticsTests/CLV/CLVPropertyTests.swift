import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// Properties that must hold for any history: P(alive) in [0, 1], expected purchases monotone in
/// the horizon, P(alive) rising with recency, weighting equal to repetition, penalties shrinking.
@Suite("CLV properties", .computeBound)
struct CLVPropertyTests {
    static let models: [any CLVTransactionModel] = [
        BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426),
        MBGNBDModel(r: 0.525, alpha: 6.183, a: 0.891, b: 1.614),
        ParetoNBDModel(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669),
        BGNBDModel(r: 2, alpha: 1, a: 3, b: 0.5),
        ParetoNBDModel(r: 1.5, alpha: 2, s: 1.2, beta: 40),
    ]

    /// Random histories 0 ≤ t_x ≤ T with x = 0 ⇔ t_x = 0, from a fixed seed.
    static func histories(count: Int, seed: UInt64) -> [(x: Double, tx: Double, T: Double)] {
        var g = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in
            let T = 1 + 100 * g.nextDouble()
            let x = Double(g.nextInt(below: 60))
            return (x, x == 0 ? 0 : T * g.nextDouble(), T)
        }
    }

    @Test(arguments: 0..<5)
    func probabilityAliveIsAProbabilityAndExpectationsGrow(model: Int) {
        let m = Self.models[model]
        for h in Self.histories(count: 150, seed: 42 + UInt64(model)) {
            let p = m.probabilityAlive(frequency: h.x, recency: h.tx, T: h.T)
            #expect(p >= 0 && p <= 1, "\(h)")
            var previous = 0.0
            for t in [1.0, 5, 20, 52, 150] {
                let e = m.expectedPurchases(in: t, frequency: h.x, recency: h.tx, T: h.T)
                #expect(e.isFinite && e >= previous - 1e-12, "\(h) t=\(t)")
                previous = e
            }
            #expect(m.logLikelihood(frequency: h.x, recency: h.tx, T: h.T).isFinite)
        }
    }

    @Test(arguments: 0..<5)
    func recentBuyersAreMoreLikelyAlive(model: Int) {
        let m = Self.models[model]
        for x in [1.0, 4, 20] {
            let recencies = stride(from: 1.0, through: 39, by: 2)
            let alive = recencies.map { m.probabilityAlive(frequency: x, recency: $0, T: 39) }
            #expect(zip(alive, alive.dropFirst()).allSatisfy { $0 <= $1 + 1e-12 }, "x = \(x)")
        }
    }

    @Test func weightedFitEqualsFitOnRepeatedRows() throws {
        // Twelve customers, two histories repeated; the weighted (de-duplicated) and the expanded fit agree.
        let f: [Double] = [0, 0, 0, 1, 1, 2, 3, 0, 5, 2, 1, 0]
        let r: [Double] = [0, 0, 0, 4, 4, 9, 20, 0, 30, 15, 2, 0]
        let t: [Double] = [30, 30, 30, 30, 30, 30, 32, 10, 35, 30, 30, 30]
        let expanded = try CLVSummaryData(frequency: f, recency: r, T: t)
        let (unique, index) = expanded.deduplicated()
        #expect(unique.count == 8 && unique.totalWeight == 12)
        #expect(index.count == 12 && unique.frequency[index[8]] == 5)
        let model = BGNBDModel(r: 0.5, alpha: 3, a: 0.7, b: 2)
        let batch = model.expectedPurchases(in: 10, for: expanded)
        let alive = model.probabilityAlive(for: expanded)
        for i in 0..<12 {
            #expect(batch[i] == model.expectedPurchases(in: 10, frequency: f[i], recency: r[i], T: t[i]))
            #expect(alive[i] == model.probabilityAlive(frequency: f[i], recency: r[i], T: t[i]))
        }
        let a = BGNBDModel.fit(expanded), b = BGNBDModel.fit(unique)
        #expect(abs(a.logLikelihood - b.logLikelihood) < 1e-9)
        for (x, y) in zip(a.parameters, b.parameters) { #expect(abs(x - y) < 1e-6 * max(1, x)) }
    }

    @Test func penalizerShrinksParameters() throws {
        let data = try CLVSummaryData(
            frequency: [0, 1, 2, 5, 0, 3], recency: [0, 5, 10, 30, 0, 12], T: [40, 40, 40, 40, 40, 40])
        let plain = BGNBDModel.fit(data), penalised = BGNBDModel.fit(data, penalizer: 0.1)
        let norm: ([Double]) -> Double = { $0.reduce(0) { $0 + $1 * $1 } }
        #expect(norm(penalised.parameters) < norm(plain.parameters))
        #expect(penalised.logLikelihood <= plain.logLikelihood + 1e-9)
    }
}
