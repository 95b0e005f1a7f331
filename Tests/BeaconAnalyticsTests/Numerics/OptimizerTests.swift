import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// Rosenbrock's banana function, minimum 0 at (1, 1); a classic hard valley.
private func rosenbrock(_ x: [Double]) -> Double {
    100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0])
}

private func rosenbrockGradient(_ x: [Double]) -> [Double] {
    [-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])]
}

@Suite("Nelder–Mead", .computeBound)
struct NelderMeadTests {
    @Test func findsRosenbrockMinimum() {
        let r = NelderMead.minimize(rosenbrock, from: [-1.2, 1])
        #expect(r.converged)
        #expect(abs(r.point[0] - 1) < 1e-6 && abs(r.point[1] - 1) < 1e-6)
        #expect(r.value < 1e-12)
    }

    @Test func avoidsNonFiniteRegion() {
        // log-barrier objective undefined for x ≤ 0: the minimum of x − log x is at x = 1.
        let r = NelderMead.minimize({ x in x[0] > 0 ? x[0] - log(x[0]) : .nan }, from: [3])
        #expect(abs(r.point[0] - 1) < 1e-6)
    }

    @Test func stopsAtIterationLimitUnconverged() {
        let r = NelderMead.minimize(rosenbrock, from: [-1.2, 1], options: .init(maxIterations: 5))
        #expect(!r.converged)
        #expect(r.iterations == 5)
    }
}

@Suite("BFGS", .computeBound)
struct BFGSTests {
    @Test func rosenbrockWithAnalyticGradient() {
        let r = BFGS.minimize(rosenbrock, gradient: rosenbrockGradient, from: [-1.2, 1])
        #expect(r.converged)
        #expect(abs(r.point[0] - 1) < 1e-6 && abs(r.point[1] - 1) < 1e-6)
    }

    @Test func rosenbrockWithNumericalGradient() {
        let r = BFGS.minimize(rosenbrock, from: [-1.2, 1])
        #expect(abs(r.point[0] - 1) < 1e-5 && abs(r.point[1] - 1) < 1e-5)
    }

    @Test func quadraticIsExactInFewSteps() {
        // f = ½ xᵀAx − bᵀx with A SPD has its minimum at A⁻¹b = (1, 2, 3) for this A, b.
        let a = Matrix([[4, 1, 0], [1, 3, 1], [0, 1, 2]])
        let b = a * [1.0, 2, 3]
        let f: ([Double]) -> Double = { x in
            let ax = a * x
            return 0.5 * zip(x, ax).map(*).reduce(0, +) - zip(b, x).map(*).reduce(0, +)
        }
        let r = BFGS.minimize(f, gradient: { x in zip(a * x, b).map { $0 - $1 } }, from: [0, 0, 0])
        #expect(r.converged)
        #expect(r.iterations < 20)
        for (got, want) in zip(r.point, [1.0, 2, 3]) { #expect(abs(got - want) < 1e-7) }
    }

    @Test func backsAwayFromInvalidRegion() {
        let r = BFGS.minimize({ x in x[0] > 0 ? x[0] - log(x[0]) : .infinity }, from: [20])
        #expect(abs(r.point[0] - 1) < 1e-6)
    }

    @Test func nonFiniteStartIsReportedUnconverged() {
        let r = BFGS.minimize({ _ in .nan }, from: [1])
        #expect(!r.converged)
        #expect(r.point == [1])
    }
}

@Suite("Numerical derivatives", .computeBound)
struct NumericalDerivativesTests {
    @Test func gradientAndHessianOfKnownFunction() {
        // f = x² y + e^y: ∇f = (2xy, x² + e^y), H = [[2y, 2x], [2x, e^y]].
        let f: ([Double]) -> Double = { v in v[0] * v[0] * v[1] + exp(v[1]) }
        let p = [1.5, -0.5]
        let g = NumericalDerivatives.gradient(f, at: p)
        #expect(abs(g[0] - 2 * 1.5 * -0.5) < 1e-8)
        #expect(abs(g[1] - (2.25 + exp(-0.5))) < 1e-8)
        let h = NumericalDerivatives.hessian(f, at: p)
        #expect(abs(h[0, 0] - -1) < 1e-5)
        #expect(abs(h[0, 1] - 3) < 1e-5 && h[0, 1] == h[1, 0])
        #expect(abs(h[1, 1] - exp(-0.5)) < 1e-5)
    }
}
