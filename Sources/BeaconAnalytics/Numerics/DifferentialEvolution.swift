/// Differential evolution, a seeded, derivative-free global minimiser over a box.
///
/// Storn & Price (1997), "Differential Evolution – A Simple and Efficient Heuristic for Global
/// Optimization over Continuous Spaces", *J. Global Optimization* 11, 341–359: a population of
/// candidate vectors evolves by mutation `v = x_base + F·(x_r1 − x_r2)` (eq. 2 for
/// `rand/1`; `best/1` uses the current best as the base), binomial crossover with rate `CR`
/// (eq. 4, one coordinate always taken from the mutant), and greedy one-to-one selection
/// (eq. 6). As in SciPy's `differential_evolution`, the first population is a Latin hypercube,
/// `F` is dithered per generation in `mutation` (Das & Suganthan 2011, §IV-B), and mutants
/// leaving the box are reflected back inside.
///
/// The objective may return `.infinity` or NaN for an infeasible point: such points are
/// never selected over a finite one. The run is fully reproducible from the generator state.
public struct DifferentialEvolution: Sendable {
    /// The base vector of the mutation.
    public enum Strategy: String, Codable, Sendable {
        /// `best/1/bin`: fast convergence around the incumbent (SciPy's default).
        case best1bin
        /// `rand/1/bin`: slower, more exploratory (Storn & Price's DE/rand/1/bin).
        case rand1bin
        /// `current-to-best/1/bin`: each member moves towards the best plus a random difference.
        case currentToBest1bin
    }

    /// Settings of a run.
    public struct Options: Codable, Sendable, Equatable {
        /// Population size (at least 5).
        public var populationSize: Int
        /// Maximum number of generations after the initial population.
        public var maxGenerations: Int
        /// The range the differential weight `F` is drawn from each generation.
        public var mutation: ClosedRange<Double>
        /// Crossover probability `CR`.
        public var crossover: Double
        public var strategy: Strategy
        /// Stop when the population's objective spread falls below
        /// `tolerance · |mean objective|` (SciPy's `tol`); 0 disables.
        public var tolerance: Double

        public init(
            populationSize: Int = 40, maxGenerations: Int = 200, mutation: ClosedRange<Double> = 0.5...1.0,
            crossover: Double = 0.7, strategy: Strategy = .best1bin, tolerance: Double = 1e-8
        ) {
            self.populationSize = populationSize
            self.maxGenerations = maxGenerations
            self.mutation = mutation
            self.crossover = crossover
            self.strategy = strategy
            self.tolerance = tolerance
        }
    }

    /// The outcome of a run.
    public struct Result: Codable, Sendable, Equatable {
        /// The best point found.
        public var x: [Double]
        /// The objective at `x`.
        public var value: Double
        /// How many times the objective was called.
        public var evaluations: Int
        /// Generations run (≤ `maxGenerations`).
        public var generations: Int
        /// True when the run stopped on `tolerance` rather than the generation limit.
        public var converged: Bool
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Minimises `objective` over the box `lower[i] ≤ x[i] ≤ upper[i]`.
    /// - Parameters:
    ///   - objective: the function to minimise; non-finite values mark infeasible points.
    ///   - lower: lower bounds, one per dimension.
    ///   - upper: upper bounds (equal bounds fix a coordinate).
    ///   - generator: the seeded source of randomness.
    /// - Returns: the best point, its value and run statistics.
    public func minimize(
        _ objective: ([Double]) -> Double, lower: [Double], upper: [Double],
        using generator: inout Xoshiro256StarStar
    ) -> Result {
        precondition(lower.count == upper.count && !lower.isEmpty, "bounds must be non-empty and equal in length")
        precondition(zip(lower, upper).allSatisfy { $0 <= $1 }, "each lower bound must not exceed its upper bound")
        let d = lower.count
        let np = max(5, options.populationSize)
        var evaluations = 0
        func score(_ x: [Double]) -> Double {
            evaluations += 1
            let v = objective(x)
            return v.isNaN ? .infinity : v
        }
        // Latin hypercube: each dimension's range cut into np strata, one point per stratum.
        var population = [[Double]](repeating: [Double](repeating: 0, count: d), count: np)
        for j in 0..<d {
            var strata = Array(0..<np)
            for i in stride(from: np - 1, to: 0, by: -1) { strata.swapAt(i, generator.nextInt(below: i + 1)) }
            for i in 0..<np {
                let u = (Double(strata[i]) + generator.nextDouble()) / Double(np)
                population[i][j] = lower[j] + u * (upper[j] - lower[j])
            }
        }
        var values = population.map(score)
        var best = values.indices.min { values[$0] < values[$1] }!
        var generation = 0
        var converged = false
        while generation < options.maxGenerations {
            generation += 1
            let f =
                options.mutation.lowerBound
                + generator.nextDouble() * (options.mutation.upperBound - options.mutation.lowerBound)
            for i in 0..<np {
                let (r0, r1, r2) = distinctIndices(excluding: i, count: np, using: &generator)
                var trial = population[i]
                let forced = generator.nextInt(below: d)
                for j in 0..<d where j == forced || generator.nextDouble() < options.crossover {
                    let mutant: Double
                    switch options.strategy {
                    case .best1bin:
                        mutant = population[best][j] + f * (population[r1][j] - population[r2][j])
                    case .rand1bin:
                        mutant = population[r0][j] + f * (population[r1][j] - population[r2][j])
                    case .currentToBest1bin:
                        mutant =
                            population[i][j] + f * (population[best][j] - population[i][j])
                            + f * (population[r1][j] - population[r2][j])
                    }
                    trial[j] = reflect(mutant, lower[j], upper[j])
                }
                let value = score(trial)
                if value <= values[i] {
                    population[i] = trial
                    values[i] = value
                    if value < values[best] { best = i }
                }
            }
            if options.tolerance > 0, values.allSatisfy({ $0.isFinite }) {
                let mean = values.reduce(0, +) / Double(np)
                let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(np)).squareRoot()
                if sd <= options.tolerance * abs(mean) {
                    converged = true
                    break
                }
            }
        }
        return Result(
            x: population[best], value: values[best], evaluations: evaluations, generations: generation,
            converged: converged)
    }

    /// Three distinct population indices, all different from `i`.
    private func distinctIndices(
        excluding i: Int, count: Int, using generator: inout Xoshiro256StarStar
    ) -> (Int, Int, Int) {
        var picks: [Int] = []
        while picks.count < 3 {
            let k = generator.nextInt(below: count)
            if k != i && !picks.contains(k) { picks.append(k) }
        }
        return (picks[0], picks[1], picks[2])
    }

    /// Reflects a coordinate that left `[lo, hi]` back inside (a fixed coordinate stays fixed).
    private func reflect(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
        guard hi > lo else { return lo }
        guard x.isFinite else { return lo }
        var v = x
        let width = hi - lo
        while v < lo || v > hi {
            if v < lo { v = lo + (lo - v) }
            if v > hi { v = hi - (v - hi) }
            if abs(v - lo) > 10 * width { v = lo + (v - lo).truncatingRemainder(dividingBy: 2 * width) }
        }
        return v
    }
}
