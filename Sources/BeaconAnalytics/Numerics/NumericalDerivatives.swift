/// Finite-difference gradients and Hessians of a scalar function of several variables.
///
/// Central differences (Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1, eqs. 8.7 and
/// 8.10): the gradient uses the step h = ε^⅓·max(|xᵢ|, 1) (error O(h²) ≈ 1e-10 relative), the
/// Hessian h = ε^¼·max(|xᵢ|, 1). Each gradient costs 2n evaluations, each Hessian 2n² + 1.
/// A non-finite function value makes the affected entries non-finite; callers decide what to do.
///
/// Used by ``BFGS`` when no analytic gradient is given, and for standard errors from the inverse
/// of the Hessian of a negative log-likelihood at its minimum.
public enum NumericalDerivatives {
    /// The gradient of `f` at `x` by central differences.
    public static func gradient(_ f: ([Double]) -> Double, at x: [Double]) -> [Double] {
        let cubeRootEps = 6.055454452393343e-06  // Double.ulpOfOne^(1/3)
        var g = [Double](repeating: 0, count: x.count)
        var probe = x
        for i in x.indices {
            let h = cubeRootEps * max(abs(x[i]), 1)
            probe[i] = x[i] + h
            let up = f(probe)
            probe[i] = x[i] - h
            let down = f(probe)
            probe[i] = x[i]
            g[i] = (up - down) / (2 * h)
        }
        return g
    }

    /// The symmetric Hessian of `f` at `x` by central differences of function values.
    public static func hessian(_ f: ([Double]) -> Double, at x: [Double]) -> Matrix {
        let quarterRootEps = 1.220703125e-04  // Double.ulpOfOne^(1/4)
        let n = x.count
        let h = x.map { quarterRootEps * max(abs($0), 1) }
        let f0 = f(x)
        var m = Matrix(rows: n, columns: n)
        var probe = x
        for i in 0..<n {
            probe[i] = x[i] + h[i]
            let up = f(probe)
            probe[i] = x[i] - h[i]
            let down = f(probe)
            probe[i] = x[i]
            m[i, i] = (up - 2 * f0 + down) / (h[i] * h[i])
            for j in 0..<i {
                probe[i] = x[i] + h[i]; probe[j] = x[j] + h[j]
                let pp = f(probe)
                probe[j] = x[j] - h[j]
                let pm = f(probe)
                probe[i] = x[i] - h[i]
                let mm = f(probe)
                probe[j] = x[j] + h[j]
                let mp = f(probe)
                probe[i] = x[i]; probe[j] = x[j]
                let v = (pp - pm - mp + mm) / (4 * h[i] * h[j])
                m[i, j] = v
                m[j, i] = v
            }
        }
        return m
    }
}
