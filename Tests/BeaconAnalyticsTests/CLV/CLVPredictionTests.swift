import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// Predictions checked against hand-computed values and against each other: each model's
/// P(X(t) = n), E[X(t)] and E[Y(t) | x, t_x, T] come from different equations of its paper, so
/// Σ n·P(X(t) = n) = E[X(t)] and E[Y(t) | 0, 0, 0] = E[X(t)] are real cross-checks.
@Suite("CLV predictions", .computeBound)
struct CLVPredictionTests {
    static let bg = BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    static let mbg = MBGNBDModel(r: 0.525, alpha: 6.183, a: 0.891, b: 1.614)
    static let pareto = ParetoNBDModel(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669)
    static let models: [any CLVTransactionModel] = [bg, mbg, pareto]

    @Test(arguments: [0, 1, 2])
    func countDistributionSumsToOneAndHasTheRightMean(model: Int) {
        let m = Self.models[model]
        for t in [1.0, 39, 78] {
            let p = (0...400).map { m.probabilityOfPurchases($0, in: t) }
            #expect(abs(p.reduce(0, +) - 1) < 1e-8, "t = \(t)")
            #expect(p.allSatisfy { $0 >= 0 && $0 <= 1 })
            let mean = p.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
            #expect(abs(mean - m.expectedPurchasesNewCustomer(in: t)) < 1e-7 * max(1, mean), "t = \(t)")
        }
    }

    @Test(arguments: [0, 1, 2])
    func newCustomerIsTheZeroHistory(model: Int) {
        let m = Self.models[model]
        for t in [5.0, 39, 200] {
            let conditional = m.expectedPurchases(in: t, frequency: 0, recency: 0, T: 0)
            #expect(abs(conditional - m.expectedPurchasesNewCustomer(in: t)) < 1e-9 * max(1, conditional))
        }
        #expect(
            abs(m.probabilityAlive(frequency: 0, recency: 0, T: 0) - (model == 1 ? 1 / (1 + 0.891 / 1.614) : 1)) < 1e-12
        )
    }

    @Test func handComputedBGNBD() {
        // P(alive) for x = 2, t_x = 30.43, T = 38.86: 1/(1 + 0.793/3.426·(43.274/34.844)^2.243)
        // = 1/(1 + 0.231465·1.626326) = 0.726579.
        #expect(abs(Self.bg.probabilityAlive(frequency: 2, recency: 30.43, T: 38.86) - 0.726579) < 1e-6)
        // A customer without repeat purchases is alive for sure under BG/NBD.
        #expect(Self.bg.probabilityAlive(frequency: 0, recency: 0, T: 38.86) == 1)
        // P(X(t) = 0) = B(a, b)/B(a, b)·(α/(α+t))^r; at t = 10: (4.414/14.414)^0.243 = 0.750084.
        #expect(abs(Self.bg.probabilityOfPurchases(0, in: 10) - 0.750084) < 1e-6)
        // P(X(t) = 1) = b/(a+b)·r·(α/(α+t))^r·t/(α+t) + a/(a+b)·(1 − (α/(α+t))^r)
        // = 0.753647·0.243·0.750084·0.693770 + 0.246353·0.249916 = 0.095305 + 0.061567 = 0.156869.
        #expect(abs(Self.bg.probabilityOfPurchases(1, in: 10) - 0.156869) < 1e-6)
    }

    @Test func handComputedParetoNBD() {
        // E[X(t)] = rβ/(α(s−1))·(1 − (β/(β+t))^(s−1)); at t = 39: 0.553·11.669/(10.578·−0.394)·(1 − (11.669/50.669)^−0.394)
        // = −1.548317·(1 − 1.783427) = 1.213003.
        #expect(abs(Self.pareto.expectedPurchasesNewCustomer(in: 39) - 1.213003) < 1e-6)
        // s = 1 is the continuous limit rβ/α·log(1 + t/β).
        let unit = ParetoNBDModel(r: 0.5, alpha: 10, s: 1, beta: 12)
        #expect(abs(unit.expectedPurchasesNewCustomer(in: 39) - 0.6 * log(1 + 39.0 / 12)) < 1e-12)
        // P(alive) falls with time since the last purchase, and a recent buyer is likelier alive.
        let recent = Self.pareto.probabilityAlive(frequency: 5, recency: 38, T: 39)
        let lapsed = Self.pareto.probabilityAlive(frequency: 5, recency: 5, T: 39)
        #expect(recent > 0.9 && lapsed < 0.2 && lapsed > 0)
    }

    @Test func paretoNBDStaysFiniteForHeavyBuyers() {
        // Hundreds of purchases: Γ(r+x) and (α+t)^(r+s+x) overflow a Double, the log-likelihood must not.
        for x in [100.0, 500, 2000] {
            let ll = Self.pareto.logLikelihood(frequency: x, recency: 30, T: 39)
            #expect(ll.isFinite, "x = \(x)")
            let p = Self.pareto.probabilityAlive(frequency: x, recency: 30, T: 39)
            #expect(p >= 0 && p <= 1, "x = \(x)")
        }
        let skewed = ParetoNBDModel(r: 0.5, alpha: 100, s: 0.6, beta: 0.5)  // z = (α−β)/(α+t) near 1
        #expect(skewed.logLikelihood(frequency: 300, recency: 1, T: 39).isFinite)
    }

    @Test func paretoNBDClosedFormAndQuadratureAgree() {
        // At x = 3, t_x = 0, α = 10 the ₂F₁ argument (α−β)/α crosses 0.9 at β = 1: the likelihood
        // switches from the ₂F₁ closed form to quadrature there and must be continuous.
        for (x, tx) in [(3.0, 0.0), (0, 0), (40, 1e-9)] {
            let below = ParetoNBDModel(r: 0.5, alpha: 10, s: 0.6, beta: 1 + 1e-9 + tx / 10)
            let above = ParetoNBDModel(r: 0.5, alpha: 10, s: 0.6, beta: 1 - 1e-9 + tx / 10)
            let lb = below.logLikelihood(frequency: x, recency: tx, T: 40)
            let la = above.logLikelihood(frequency: x, recency: tx, T: 40)
            #expect(abs(lb - la) < 1e-8, "x = \(x): \(lb) vs \(la)")
        }
    }

    @Test func handComputedGammaGamma() {
        let m = GammaGammaModel(p: 6.25, q: 3.74, gamma: 15.44)
        // x = 2, z̄ = 22.35: 6.25·(15.44 + 44.70)/(12.5 + 2.74) = 375.875/15.24 = 24.663714.
        #expect(abs(m.expectedAverageValue(frequency: 2, monetaryValue: 22.35) - 24.663714) < 1e-5)
        // x = 0: the population mean pγ/(q−1) = 96.5/2.74 = 35.218978.
        #expect(abs(m.expectedAverageValue(frequency: 0, monetaryValue: 0) - 35.218978) < 1e-5)
    }

    @Test func handComputedBGBB() {
        let m = BGBBModel(alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783)
        // P(X(1) = 1) = α/(α+β)·δ/(γ+δ) = 0.616172·0.809012 = 0.498491.
        #expect(abs(m.probabilityOfTransactions(1, in: 1) - 0.498491) < 1e-5)
        for n in [1, 6, 11] {
            let p = (0...n).map { m.probabilityOfTransactions($0, in: n) }
            #expect(abs(p.reduce(0, +) - 1) < 1e-12)
            let mean = p.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
            #expect(abs(mean - m.expectedTransactionsNewCustomer(in: n)) < 1e-12)
            #expect(abs(m.expectedTransactions(inNext: n, frequency: 0, recency: 0, periods: 0) - mean) < 1e-12)
        }
        // A donor who gave in all 6 years is alive with P = B(α+6, β)/B(α, β)·B(γ, δ+6)/B(γ, δ)/L = 1 (only one path).
        #expect(abs(m.probabilityAlive(frequency: 6, recency: 6, periods: 6) - 1) < 1e-12)
        let lapsed = m.probabilityAlive(frequency: 1, recency: 1, periods: 6)
        #expect(lapsed > 0 && lapsed < 0.5)
    }

    @Test func handComputedShiftedBetaGeometric() {
        // α = β = 1: S(t) = 1/(t+1), P(T = t) = 1/(t(t+1)), r(t) = t/(t+1).
        let m = ShiftedBetaGeometricModel(alpha: 1, beta: 1)
        #expect(abs(m.survival(3) - 0.25) < 1e-14)
        #expect(abs(m.probabilityOfChurn(inPeriod: 3) - 1.0 / 12) < 1e-14)
        #expect(abs(m.retentionRate(3) - 0.75) < 1e-14)
        #expect(
            m.survivalCurve(periods: 2) == [1, 0.5, 1.0 / 3].map { $0 }
                || abs(m.survivalCurve(periods: 2)[2] - 1.0 / 3) < 1e-14)
        let fitted = ShiftedBetaGeometricModel(alpha: 0.668, beta: 3.806)
        for t in 1...10 {
            #expect(abs(fitted.survival(t) / fitted.survival(t - 1) - fitted.retentionRate(t)) < 1e-12)
            #expect(abs(fitted.survival(t - 1) - fitted.survival(t) - fitted.probabilityOfChurn(inPeriod: t)) < 1e-12)
        }
    }

    /// A transaction model with E[Y(t)] = t/2, to check the discounting arithmetic by hand.
    struct HalfPerPeriod: CLVTransactionModel {
        func logLikelihood(frequency: Double, recency: Double, T: Double) -> Double { 0 }
        func expectedPurchases(in t: Double, frequency: Double, recency: Double, T: Double) -> Double { t / 2 }
        func probabilityAlive(frequency: Double, recency: Double, T: Double) -> Double { 1 }
        func expectedPurchasesNewCustomer(in t: Double) -> Double { t / 2 }
        func probabilityOfPurchases(_ n: Int, in t: Double) -> Double { 0 }
    }

    @Test func discountedLifetimeValueByHand() {
        // 3 months of 4 periods, 2 purchases a month worth 10, 10 % a month: 20/1.1 + 20/1.21 + 20/1.331 = 49.737040.
        let v = CustomerLifetimeValue.discounted(
            model: HalfPerPeriod(), frequency: 1, recency: 1, T: 2, averageValue: 10,
            months: 3, monthlyDiscountRate: 0.1, periodsPerMonth: 4)
        #expect(abs(v - 49.737040) < 1e-6)
        #expect(
            CustomerLifetimeValue.discounted(
                model: HalfPerPeriod(), frequency: 1, recency: 1, T: 2, averageValue: 10, months: 0) == 0)
    }
}
