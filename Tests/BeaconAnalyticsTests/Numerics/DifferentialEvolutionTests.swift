import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

/// Differential evolution on standard test functions with known minima.
@Suite(.computeBound) struct DifferentialEvolutionTests {
    @Test func findsRosenbrockMinimum() {
        // Rosenbrock (1960): minimum 0 at (1, 1).
        var rng = Xoshiro256StarStar(seed: 7)
        let result = DifferentialEvolution(options: .init(populationSize: 30, maxGenerations: 400, tolerance: 0))
            .minimize(
                { x in 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]) },
                lower: [-2, -2], upper: [2, 2], using: &rng)
        #expect(abs(result.x[0] - 1) < 1e-3 && abs(result.x[1] - 1) < 1e-3)
        #expect(result.value < 1e-6)
        #expect(result.evaluations == 30 * 401)
    }

    @Test func escapesRastriginLocalMinima() {
        // Rastrigin in 4 dimensions: many local minima, global 0 at the origin.
        func rastrigin(_ x: [Double]) -> Double {
            x.reduce(10 * Double(x.count)) { $0 + $1 * $1 - 10 * Double.cos(2 * Double.pi * $1) }
        }
        var rng = Xoshiro256StarStar(seed: 1)
        let result = DifferentialEvolution(options: .init(populationSize: 40, maxGenerations: 600, strategy: .rand1bin))
            .minimize(
                rastrigin, lower: [Double](repeating: -5.12, count: 4), upper: [Double](repeating: 5.12, count: 4),
                using: &rng)
        #expect(result.value < 1e-6)
    }

    @Test func isReproducibleAndRespectsBounds() {
        func run() -> DifferentialEvolution.Result {
            var rng = Xoshiro256StarStar(seed: 42)
            return DifferentialEvolution(options: .init(populationSize: 10, maxGenerations: 20))
                .minimize({ x in -x[0] - x[1] }, lower: [0, 1], upper: [1, 1], using: &rng)
        }
        let a = run()
        #expect(a == run())
        // The minimum of −x₀ − x₁ sits on the bound; a fixed coordinate stays fixed.
        #expect(a.x[1] == 1)
        #expect(a.x[0] <= 1 && a.x[0] > 0.99)
    }
}
