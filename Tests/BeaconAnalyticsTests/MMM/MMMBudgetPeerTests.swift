import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// The budget optimiser against SciPy's SLSQP (a general constrained optimiser), run side by
/// side on the same response curves. Needs `BEACON_PYTHON` (an interpreter with SciPy).
@Suite(
    .computeBound,
    .enabled(
        if: ProcessInfo.processInfo.environment["BEACON_PYTHON"] != nil, "set BEACON_PYTHON to a Python with SciPy"))
struct MMMBudgetPeerTests {
    @Test func matchesScipySLSQP() throws {
        // Hill curves without carry-over, spend scale 1000: R(x) = β / (1 + (k / (x/1000))^s).
        let curves: [(k: Double, s: Double, beta: Double)] = [
            (4, 1.3, 15000), (3, 1, 9000), (1.5, 1, 20000), (8, 1, 40000), (5, 0.8, 6000),
        ]
        let responses = curves.enumerated().map { i, c in
            MMMChannelResponse(
                name: "c\(i)", adstock: .geometric(rate: 0, maxLag: 1, normalized: true),
                saturation: .hill(halfSaturation: c.k, slope: c.s), coefficient: c.beta, spendScale: 1000)
        }
        let budget = 14_000.0
        let lower = [2000.0, 500, 0, 500, 100]
        let upper = [9000.0, 6000, 3000, 9000, 1500]
        let beacon = MMMBudgetOptimizer(responses: responses).allocate(budget: budget, lower: lower, upper: upper).spend

        let script = """
            import json, numpy as np
            from scipy.optimize import minimize
            curves = \(curves.map { [$0.k, $0.s, $0.beta] })
            lower = np.array(\(lower)); upper = np.array(\(upper)); budget = \(budget)
            def revenue(x):
                return sum(b / (1 + (k / max(v / 1000, 1e-12)) ** s) for v, (k, s, b) in zip(x, curves))
            best = None
            rng = np.random.default_rng(1)
            for start in range(20):
                w = rng.dirichlet(np.ones(5))
                x0 = np.clip(lower + w * (budget - lower.sum()), lower, upper)
                r = minimize(lambda x: -revenue(x), x0, method="SLSQP", bounds=list(zip(lower, upper)),
                             constraints=[{"type": "eq", "fun": lambda x: x.sum() - budget}],
                             options={"ftol": 1e-12, "maxiter": 1000})
                if r.success and (best is None or r.fun < best.fun):
                    best = r
            print(json.dumps(list(best.x)))
            """
        let run = try runProcessBlocking(ProcessInfo.processInfo.environment["BEACON_PYTHON"]!, ["-c", script])
        try #require(run.status == 0, "\(run.stderr)")
        let scipy = try JSONDecoder().decode([Double].self, from: Data(run.stdout.utf8))
        let optimizer = MMMBudgetOptimizer(responses: responses)
        // Beacon's allocation is at least as good as the best of 20 SLSQP starts, and the same.
        #expect(optimizer.revenue(beacon) >= optimizer.revenue(scipy) * (1 - 1e-9))
        for (a, b) in zip(beacon, scipy) { #expect(abs(a - b) < 0.005 * budget, "\(beacon) vs \(scipy)") }
    }
}
