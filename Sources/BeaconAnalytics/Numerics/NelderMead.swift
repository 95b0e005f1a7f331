/// The Nelder–Mead downhill simplex minimiser, derivative-free and tolerant of non-finite values.
///
/// Nelder & Mead (1965), "A simplex method for function minimization", *Computer Journal* 7(4),
/// with the standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½) and the
/// stopping test of SciPy's `fmin`: the simplex is smaller than `xTolerance` in every coordinate
/// and its values differ by less than `fTolerance`. The initial simplex steps 5 % along each
/// axis (0.00025 for a zero coordinate), as SciPy does.
///
/// The objective may return NaN or ±∞ (an invalid region); such points are treated as +∞ and
/// the simplex moves away from them. Slow but robust: use it as the fallback when
/// ``BFGS`` fails, or for objectives that are not smooth.
///
/// ```swift
/// let r = NelderMead.minimize({ x in (x[0] - 1) * (x[0] - 1) + (x[1] + 2) * (x[1] + 2) }, from: [0, 0])
/// // r.point ≈ [1, -2]
/// ```
public enum NelderMead {
    /// Stopping rules.
    public struct Options: Sendable {
        /// Largest simplex extent (max |xᵢ − x₀| over vertices and coordinates) accepted as converged.
        public var xTolerance: Double
        /// Largest spread of objective values over the simplex accepted as converged.
        public var fTolerance: Double
        /// Iteration limit; nil means 400 × dimension.
        public var maxIterations: Int?

        public init(xTolerance: Double = 1e-9, fTolerance: Double = 1e-12, maxIterations: Int? = nil) {
            self.xTolerance = xTolerance
            self.fTolerance = fTolerance
            self.maxIterations = maxIterations
        }
    }

    /// Minimises `f` starting from `x0`.
    /// - Parameters:
    ///   - f: the objective; NaN and ±∞ count as +∞.
    ///   - x0: the starting point (at least one coordinate).
    ///   - options: stopping rules.
    /// - Returns: the best vertex of the final simplex. For an empty `x0` the result is the empty
    ///   point with `f([])` and `converged == true`.
    public static func minimize(
        _ f: ([Double]) -> Double, from x0: [Double], options: Options = Options()
    ) -> MinimizationResult {
        let n = x0.count
        var evaluations = 0
        func eval(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isNaN ? .infinity : (v == -.infinity ? .infinity : v)
        }
        if n == 0 {
            return MinimizationResult(
                point: [], value: eval([]), iterations: 0, evaluations: evaluations, converged: true)
        }
        var simplex: [[Double]] = [x0]
        for i in 0..<n {
            var v = x0
            v[i] = v[i] != 0 ? v[i] * 1.05 : 0.00025
            simplex.append(v)
        }
        var values = simplex.map(eval)
        let maxIterations = options.maxIterations ?? 400 * n
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            var spreadX = 0.0
            for v in simplex.dropFirst() { for j in 0..<n { spreadX = max(spreadX, abs(v[j] - simplex[0][j])) } }
            let spreadF = values.dropFirst().reduce(0.0) { max($0, abs($1 - values[0])) }
            if spreadX <= options.xTolerance && spreadF <= options.fTolerance {
                converged = true
                break
            }
            iterations += 1
            var centroid = [Double](repeating: 0, count: n)
            for v in simplex.dropLast() { for j in 0..<n { centroid[j] += v[j] / Double(n) } }
            let worst = simplex[n]
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (worst[$0] - centroid[$0]) } }
            let reflected = along(-1)
            let fr = eval(reflected)
            if fr < values[0] {
                let expanded = along(-2)
                let fe = eval(expanded)
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected
                values[n] = fr
            } else {
                // Contract outside when the reflection improved on the worst vertex, inside otherwise.
                let outside = fr < values[n]
                let contracted = along(outside ? -0.5 : 0.5)
                let fc = eval(contracted)
                if fc < (outside ? fr : values[n]) {
                    simplex[n] = contracted
                    values[n] = fc
                } else {
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = eval(simplex[i])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return MinimizationResult(
            point: simplex[best], value: values[best], iterations: iterations, evaluations: evaluations,
            converged: converged)
    }
}
