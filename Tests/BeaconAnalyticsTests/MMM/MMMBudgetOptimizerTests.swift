import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

/// The budget optimiser against a brute-force grid and its own projected-gradient check.
@Suite(.computeBound) struct MMMBudgetOptimizerTests {
    private func channel(_ name: String, k: Double, s: Double, beta: Double, rate: Double = 0.3) -> MMMChannelResponse {
        MMMChannelResponse(
            name: name, adstock: .geometric(rate: rate, maxLag: 8, normalized: true),
            saturation: .hill(halfSaturation: k, slope: s), coefficient: beta, spendScale: 1000,
            coefficientDraws: [0.8 * beta, beta, 1.2 * beta])
    }

    @Test(arguments: [(1.0, 1.0), (1.8, 1.0), (2.5, 0.6)])
    func twoChannelsMatchBruteForce(slopes: (Double, Double)) throws {
        let responses = [
            channel("search", k: 2, s: slopes.0, beta: 9000), channel("social", k: 1, s: slopes.1, beta: 4000),
        ]
        let optimizer = MMMBudgetOptimizer(responses: responses)
        let budget = 3000.0
        let lower = [200.0, 100]
        let upper = [2600.0, 2500]
        let (x, _) = optimizer.allocate(budget: budget, lower: lower, upper: upper)
        // Brute force: every split in $0.50 steps.
        var best = -Double.infinity
        var bestX = 0.0
        var a = lower[0]
        while a <= upper[0] {
            let b = budget - a
            if b >= lower[1] && b <= upper[1] {
                let r = optimizer.revenue([a, b])
                if r > best { (best, bestX) = (r, a) }
            }
            a += 0.5
        }
        #expect(abs(x.reduce(0, +) - budget) < 1e-6)
        #expect(optimizer.revenue(x) >= best - 1e-6 * best)
        #expect(abs(x[0] - bestX) <= 1)
    }

    @Test func fiveChannelsRespectBoundsAndEqualiseMargins() throws {
        let responses = [
            channel("google", k: 4, s: 1.3, beta: 15000), channel("meta", k: 3, s: 1, beta: 9000),
            channel("email", k: 1.5, s: 1, beta: 20000, rate: 0.1),
            channel("tiktok", k: 8, s: 1, beta: 40000, rate: 0.6),
            channel("affiliate", k: 5, s: 0.8, beta: 6000, rate: 0),
        ]
        let current = [6200.0, 3500, 500, 2000, 800]
        let horizon = 30
        let budget = current.reduce(0, +) * Double(horizon)
        let bounds: [ClosedRange<Double>?] = [
            60_000...150_000, 30_000...120_000, 0...100_000, 20_000...90_000, 24_000...24_000,
        ]
        let plan = try MMMBudgetPlan(
            responses: responses, current: current, budget: budget, horizon: horizon, bounds: bounds)
        #expect(abs(plan.lines.map(\.optimizedSpend).reduce(0, +) - budget) < 1e-6 * budget)
        for (line, range) in zip(plan.lines, bounds) {
            let r = range!
            #expect(line.optimizedSpend >= r.lowerBound - 1e-6 && line.optimizedSpend <= r.upperBound + 1e-6)
        }
        // Without bounds a channel may move 0.5–2 × its current spend (Robyn's defaults).
        let free = try MMMBudgetPlan(responses: responses, current: current, budget: budget, horizon: horizon)
        for line in free.lines {
            #expect(line.lowerBound == 0.5 * line.currentSpend && line.upperBound == 2 * line.currentSpend)
            #expect(line.optimizedSpend >= line.lowerBound - 1e-6 && line.optimizedSpend <= line.upperBound + 1e-6)
        }
        #expect(abs(free.lines.map(\.optimizedSpend).reduce(0, +) - budget) < 1e-6 * budget)
        // The independent projected-gradient optimiser reaches the same revenue, and no
        // worse than the current plan.
        #expect(abs(plan.checkRevenue - plan.optimizedRevenue) <= 1e-4 * plan.optimizedRevenue)
        #expect(plan.optimizedRevenue >= plan.currentRevenue)
        // KKT: channels strictly inside their bounds share one marginal ROAS.
        let interior = plan.lines.filter {
            $0.optimizedSpend > $0.lowerBound + 1 && $0.optimizedSpend < $0.upperBound - 1
        }
        #expect(interior.count >= 2)
        let margins = interior.map(\.marginalROAS)
        #expect(margins.max()! - margins.min()! < 1e-3 * margins.max()!)
        // The lift interval comes from the coefficient draws (±20 %).
        #expect(plan.lift.lower <= plan.lift.estimate && plan.lift.estimate <= plan.lift.upper)
    }

    @Test func targetROASFindsTheLargestBudgetThatReachesIt() throws {
        let responses = [channel("a", k: 2, s: 1, beta: 9000), channel("b", k: 1, s: 0.8, beta: 4000)]
        let plan = try MMMBudgetPlan.forTargetROAS(
            2.5, responses: responses, current: [800, 400], horizon: 30, maxBudget: 1_000_000)
        #expect(abs(plan.optimizedROAS - 2.5) < 1e-6)
        // A slightly larger budget, optimally spent, falls below the target.
        let more = try MMMBudgetPlan(
            responses: responses, current: [800, 400], budget: plan.budget * 1.01, horizon: 30)
        #expect(more.optimizedROAS < 2.5)
        // With slopes ≥ 1 the best possible ROAS is the marginal at zero spend (4.5 here).
        let concave = [channel("a", k: 2, s: 1, beta: 9000), channel("b", k: 1, s: 1.2, beta: 4000)]
        #expect(throws: MMMError.self) {
            try MMMBudgetPlan.forTargetROAS(5, responses: concave, current: [800, 400], horizon: 30, maxBudget: 1e6)
        }
    }

    @Test func infeasibleBoundsAreAnError() {
        let responses = [channel("a", k: 1, s: 1, beta: 100), channel("b", k: 1, s: 1, beta: 100)]
        let error = #expect(throws: MMMError.self) {
            try MMMBudgetPlan(
                responses: responses, current: [1, 1], budget: 100, horizon: 1, bounds: [0...10, 0...10])
        }
        #expect(error?.column == "bounds")
    }

    @Test func whatIfAtCurrentSpendReproducesTheCurves() throws {
        let responses = [channel("a", k: 2, s: 1, beta: 5000), channel("b", k: 1, s: 1.5, beta: 3000)]
        let current = [1500.0, 700]
        let w = try MMMWhatIf(
            responses: responses, current: current, allocation: current.map { $0 * 10 }, horizon: 10,
            baselinePerPeriod: 1000)
        let expected = (responses[0].response(1500) + responses[1].response(700)) * 10
        #expect(abs(w.mediaRevenue.estimate - expected) < 1e-9 * expected)
        #expect(abs(w.currentMediaRevenue - expected) < 1e-9 * expected)
        #expect(abs(w.totalRevenue.estimate - expected - 10_000) < 1e-6)
        // Draws are 0.8, 1, 1.2 × β: the 90 % band is [0.82, 1.18] × the estimate.
        #expect(abs(w.mediaRevenue.lower / expected - 0.82) < 1e-9)
        #expect(abs(w.mediaRevenue.upper / expected - 1.18) < 1e-9)
        #expect(throws: MMMError.self) {
            try MMMWhatIf(
                responses: responses, current: current, allocation: [-1, 5], horizon: 10, baselinePerPeriod: 0)
        }
    }

    @Test("A channel whose effect is not distinguishable from zero never gets more than its current spend")
    func unidentifiedChannelIsNotRaised() throws {
        // tiktok's point estimate is the strongest, but a third of its bootstrap replicates
        // found no effect at all: its 90 % interval starts at zero.
        var tiktok = channel("tiktok", k: 8, s: 1, beta: 40000, rate: 0.6)
        tiktok.coefficientDraws = [0, 0, 0, 30000, 40000, 50000, 60000, 45000, 35000]
        let responses = [channel("google", k: 4, s: 1.3, beta: 15000), channel("meta", k: 3, s: 1, beta: 9000), tiktok]
        let current = [6000.0, 3000, 2000]
        let budget = current.reduce(0, +) * 30
        #expect(!MMMBudgetPlan.effectIdentified(tiktok, level: 0.9))
        #expect(MMMBudgetPlan.effectIdentified(responses[0], level: 0.9))
        let plan = try MMMBudgetPlan(responses: responses, current: current, budget: budget, horizon: 30)
        let line = try #require(plan.lines.last)
        #expect(!line.effectIdentified && line.upperBound == line.currentSpend)
        #expect(line.optimizedSpend <= line.currentSpend + 1e-6)
        // With the same point estimate and a tight interval, the optimiser does raise it.
        tiktok.coefficientDraws = [36000, 38000, 40000, 42000, 44000]
        let trusted = try MMMBudgetPlan(
            responses: [responses[0], responses[1], tiktok], current: current, budget: budget, horizon: 30)
        #expect(trusted.lines[2].effectIdentified && trusted.lines[2].optimizedSpend > trusted.lines[2].currentSpend)
        #expect(abs(plan.lines.map(\.optimizedSpend).reduce(0, +) - budget) < 1e-6 * budget)
    }
}
