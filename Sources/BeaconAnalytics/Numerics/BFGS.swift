/// The BFGS quasi-Newton minimiser with a backtracking line search.
///
/// Nocedal & Wright, *Numerical Optimization* (2nd ed.), Algorithm 6.1: the inverse-Hessian
/// approximation H is updated by eq. 6.17 and scaled before the first update by eq. 6.20;
/// the step length satisfies the Armijo condition (eq. 3.4, c₁ = 1e-4) by backtracking with
/// quadratic interpolation (§3.5). An update whose curvature yᵀs is not positive is skipped, and
/// H is reset to the identity when the search direction stops descending.
///
/// The gradient is analytic when `gradient` is given, otherwise central differences from
/// ``NumericalDerivatives``. A NaN or ±∞ objective marks an invalid region: the line search
/// backs away from it. Stops (converged) when the largest gradient component is below
/// `gradientTolerance`, or when a step changes the objective by less than `fTolerance`
/// (relative) and the gradient is below `√gradientTolerance`; stops unconverged at the
/// iteration limit or when the line search finds no decrease.
///
/// ```swift
/// let rosen: ([Double]) -> Double = { x in 100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2) }
/// let r = BFGS.minimize(rosen, from: [-1.2, 1])   // r.point ≈ [1, 1]
/// ```
public enum BFGS {
    /// Stopping rules.
    public struct Options: Sendable {
        /// Converged when max |∂f/∂xᵢ| falls below this.
        public var gradientTolerance: Double
        /// Converged when a step changes f by less than this times max(|f|, 1) (and the gradient is small).
        public var fTolerance: Double
        /// Iteration limit.
        public var maxIterations: Int

        public init(gradientTolerance: Double = 1e-8, fTolerance: Double = 1e-15, maxIterations: Int = 500) {
            self.gradientTolerance = gradientTolerance
            self.fTolerance = fTolerance
            self.maxIterations = maxIterations
        }
    }

    /// Minimises `f` starting from `x0`.
    /// - Parameters:
    ///   - f: the objective; NaN and ±∞ mark points to avoid.
    ///   - gradient: the analytic gradient, or nil for central differences.
    ///   - x0: the starting point; f(x0) must be finite, else the result is x0 unconverged.
    ///   - options: stopping rules.
    /// - Returns: the last accepted point.
    public static func minimize(
        _ f: ([Double]) -> Double, gradient: (([Double]) -> [Double])? = nil, from x0: [Double],
        options: Options = Options()
    ) -> MinimizationResult {
        let n = x0.count
        var evaluations = 0
        func value(_ x: [Double]) -> Double {
            evaluations += 1
            return f(x)
        }
        func grad(_ x: [Double]) -> [Double] {
            if let gradient { return gradient(x) }
            return NumericalDerivatives.gradient({ value($0) }, at: x)
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var s = 0.0
            for i in a.indices { s += a[i] * b[i] }
            return s
        }
        var x = x0
        var fx = value(x)
        guard fx.isFinite, n > 0 else {
            return MinimizationResult(point: x, value: fx, iterations: 0, evaluations: evaluations, converged: n == 0)
        }
        var g = grad(x)
        var h = Matrix.identity(n)
        var fresh = true
        var iterations = 0
        var converged = false
        while iterations < options.maxIterations {
            let gNorm = g.reduce(0.0) { max($0, abs($1)) }
            if !gNorm.isFinite { break }
            if gNorm < options.gradientTolerance {
                converged = true
                break
            }
            var p = (h * g).map { -$0 }
            var slope = dot(g, p)
            if !(slope < 0) {
                h = .identity(n)
                fresh = true
                p = g.map { -$0 }
                slope = dot(g, p)
            }
            // On a fresh (identity) H keep the first trial step modest: |step| ≤ 1 in every coordinate.
            var alpha = 1.0
            if fresh, let pMax = p.map(abs).max(), pMax > 1 { alpha = 1 / pMax }
            var accepted: (x: [Double], f: Double)? = nil
            for _ in 0..<60 {
                let trial = (0..<n).map { x[$0] + alpha * p[$0] }
                let ft = value(trial)
                if ft.isFinite && ft <= fx + 1e-4 * alpha * slope {
                    accepted = (trial, ft)
                    break
                }
                if ft.isFinite {
                    // Minimiser of the quadratic through f(x), f'(x) along p and f(trial), kept in [0.1α, 0.5α].
                    let q = -slope * alpha * alpha / (2 * (ft - fx - slope * alpha))
                    alpha = min(max(q, 0.1 * alpha), 0.5 * alpha)
                } else {
                    alpha *= 0.2
                }
            }
            guard let next = accepted else {
                if fresh { break }
                h = .identity(n)
                fresh = true
                continue
            }
            iterations += 1
            let gNext = grad(next.x)
            let s = (0..<n).map { next.x[$0] - x[$0] }
            let y = (0..<n).map { gNext[$0] - g[$0] }
            let sy = dot(s, y)
            let change = abs(fx - next.f)
            x = next.x
            let previous = fx
            fx = next.f
            g = gNext
            if change <= options.fTolerance * max(abs(previous), 1),
                g.reduce(0.0, { max($0, abs($1)) }) < options.gradientTolerance.squareRoot()
            {
                converged = true
                break
            }
            guard sy > 1e-12 * (dot(s, s).squareRoot() * dot(y, y).squareRoot()) else { continue }
            if fresh {
                let scale = sy / dot(y, y)
                h = Matrix(rows: n, columns: n)
                for i in 0..<n { h[i, i] = scale }
                fresh = false
            }
            // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded to avoid forming the products.
            let rho = 1 / sy
            let hy = h * y
            let yhy = dot(y, hy)
            for i in 0..<n {
                for j in 0..<n {
                    h[i, j] += -rho * (s[i] * hy[j] + hy[i] * s[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
                }
            }
        }
        return MinimizationResult(
            point: x, value: fx, iterations: iterations, evaluations: evaluations, converged: converged)
    }
}
