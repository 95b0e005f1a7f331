import Foundation

/// L2-penalised logistic regression fitted by iteratively reweighted least squares.
///
/// Minimises `Σᵢ [log(1 + e^ηᵢ) − yᵢ ηᵢ] + (λ/2)‖w‖²` with `ηᵢ = b + wᵀxᵢ` and the intercept
/// `b` unpenalised — scikit-learn's `LogisticRegression(C = 1/λ)` objective. Each iteration is
/// a Newton step, i.e. iteratively reweighted least squares (McCullagh & Nelder, *Generalized
/// Linear Models*, 2nd ed., ch. 2; Hastie, Tibshirani & Friedman, *The Elements of Statistical
/// Learning*, 2nd ed., §4.4.1, eq. 4.26), with the penalty's second derivative added to the
/// Hessian: `θ ← θ − (XᵀWX + λI₀)⁻¹ (Xᵀ(μ − y) + λ w₀)` with `W = diag(μ(1 − μ))`, solved by
/// Cholesky.
/// A step that raises the objective is halved. Newton converges in a handful of iterations
/// on standardised features; each costs one pass over the rows, which skips zero cells so
/// one-hot columns are cheap, and can be split over threads.
///
/// Edge cases: perfectly separable data stay finite because of the penalty (λ > 0); with
/// λ = 0 and separable data the iterations stop at `maxIterations` with `converged == false`.
public struct ChurnLogisticRegression: Codable, Sendable {
    /// One weight per input column.
    public var coefficients: [Double]
    public var intercept: Double
    /// Newton iterations used, and whether the step fell below the tolerance.
    public var iterations: Int
    public var converged: Bool

    /// Fits the model on `rows` of `x` (all rows when nil).
    /// - Parameters:
    ///   - x: the `n × p` design matrix (no intercept column).
    ///   - y: 0/1 outcomes, indexed like the rows of `x`.
    ///   - l2: the penalty λ = 1/C (scikit-learn's default C = 1).
    ///   - tolerance: stop when the largest Newton step component is below it.
    ///   - threads: worker threads for the gradient and Hessian pass.
    public static func fit(
        x: Matrix, y: [Double], rows: [Int]? = nil, l2: Double = 1, maxIterations: Int = 100,
        tolerance: Double = 1e-8, threads: Int = 1
    ) -> ChurnLogisticRegression {
        let rows = rows ?? Array(0..<x.rows)
        let p = x.columns
        let q = p + 1
        var theta = [Double](repeating: 0, count: q)
        var previous = theta
        var step = [Double](repeating: 0, count: q)
        var previousLoss = Double.infinity
        var scale = 1.0
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            var (loss, gradient, hessian) = pass(x: x, y: y, rows: rows, theta: theta, threads: threads)
            for j in 1..<q {
                loss += 0.5 * l2 * theta[j] * theta[j]
                gradient[j] += l2 * theta[j]
                hessian[j * q + j] += l2
            }
            if loss > previousLoss * (1 + 1e-12) && scale > 1e-6 {
                scale /= 2
                for j in 0..<q { theta[j] = previous[j] - scale * step[j] }
                continue
            }
            iterations += 1
            for i in 0..<q { for j in 0..<i { hessian[i * q + j] = hessian[j * q + i] } }
            var h = Matrix(rows: q, columns: q)
            h.elements = hessian
            // Without a penalty, one-hot levels plus the intercept make XᵀWX singular; a tiny
            // ridge then picks the minimum-norm direction instead of giving up.
            var ridged = h
            let jitter = 1e-10 * (0..<q).reduce(0.0) { $0 + h[$1, $1] } / Double(q)
            for j in 0..<q { ridged[j, j] += jitter }
            guard let delta = h.choleskySolve(gradient) ?? ridged.choleskySolve(gradient) else { break }
            previous = theta
            previousLoss = loss
            step = delta
            scale = 1
            for j in 0..<q { theta[j] -= delta[j] }
            let largest = delta.reduce(0) { max($0, abs($1)) }
            if largest < tolerance * (1 + theta.reduce(0) { max($0, abs($1)) }) {
                converged = true
                break
            }
        }
        return ChurnLogisticRegression(
            coefficients: Array(theta[1...]), intercept: theta[0], iterations: iterations, converged: converged)
    }

    /// The log-odds `b + wᵀx` of row `i`.
    public func linearPredictor(_ x: Matrix, row i: Int) -> Double {
        var eta = intercept
        let base = i * x.columns
        for j in 0..<coefficients.count { eta += coefficients[j] * x.elements[base + j] }
        return eta
    }

    /// The churn probability of each of `rows` (all rows when nil).
    public func probabilities(_ x: Matrix, rows: [Int]? = nil) -> [Double] {
        (rows ?? Array(0..<x.rows)).map { ChurnLogisticRegression.sigmoid(linearPredictor(x, row: $0)) }
    }

    /// The logistic function, computed without overflow for large |η|.
    public static func sigmoid(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
    }

    /// One pass over the rows: negative log-likelihood, its gradient, and the upper triangle of
    /// its Hessian (row-major q × q), parameters ordered (intercept, weights).
    private static func pass(x: Matrix, y: [Double], rows: [Int], theta: [Double], threads: Int)
        -> (Double, [Double], [Double])
    {
        let p = x.columns
        let q = p + 1
        // A fixed chunking (not one per thread) keeps the summation order, and so the fit,
        // identical whatever the thread count.
        let chunks = rows.count >= 16_384 ? 8 : 1
        var losses = [Double](repeating: 0, count: chunks)
        var gradients = [Double](repeating: 0, count: chunks * q)
        var hessians = [Double](repeating: 0, count: chunks * q * q)
        x.elements.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in
                rows.withUnsafeBufferPointer { rs in
                    theta.withUnsafeBufferPointer { th in
                        losses.withUnsafeMutableBufferPointer { ls in
                            gradients.withUnsafeMutableBufferPointer { gs in
                                hessians.withUnsafeMutableBufferPointer { hs in
                                    let shared = PassBuffers(
                                        x: xs.baseAddress!, y: ys.baseAddress!, rows: rs.baseAddress!,
                                        theta: th.baseAddress!, losses: ls.baseAddress!, gradients: gs.baseAddress!,
                                        hessians: hs.baseAddress!)
                                    let count = rows.count
                                    let work: @Sendable (Int) -> Void = { c in
                                        shared.accumulate(
                                            chunk: c, lo: count * c / chunks, hi: count * (c + 1) / chunks, p: p)
                                    }
                                    if threads > 1 {
                                        DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
                                    } else {
                                        for c in 0..<chunks { work(c) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var gradient = [Double](repeating: 0, count: q)
        var hessian = [Double](repeating: 0, count: q * q)
        for c in 0..<chunks {
            for j in 0..<q { gradient[j] += gradients[c * q + j] }
            for j in 0..<(q * q) { hessian[j] += hessians[c * q * q + j] }
        }
        return (losses.reduce(0, +), gradient, hessian)
    }
}

/// Raw views of one pass's inputs and per-chunk outputs, shared by the worker threads: each
/// chunk writes only its own slots, so no two threads touch the same memory.
private struct PassBuffers: @unchecked Sendable {
    let x: UnsafePointer<Double>
    let y: UnsafePointer<Double>
    let rows: UnsafePointer<Int>
    let theta: UnsafePointer<Double>
    let losses: UnsafeMutablePointer<Double>
    let gradients: UnsafeMutablePointer<Double>
    let hessians: UnsafeMutablePointer<Double>

    /// Accumulates rows `lo..<hi` of the row list into chunk `c`'s slots.
    func accumulate(chunk c: Int, lo: Int, hi: Int, p: Int) {
        let q = p + 1
        let g = gradients + c * q
        let h = hessians + c * q * q
        var nz = [Int](repeating: 0, count: q)
        var nv = [Double](repeating: 0, count: q)
        var loss = 0.0
        for r in lo..<hi {
            let row = rows[r]
            let base = row * p
            var count = 1
            nz[0] = 0
            nv[0] = 1
            var eta = theta[0]
            for j in 0..<p {
                let v = x[base + j]
                if v != 0 {
                    nz[count] = j + 1
                    nv[count] = v
                    count += 1
                    eta += theta[j + 1] * v
                }
            }
            let mu = ChurnLogisticRegression.sigmoid(eta)
            let yi = y[row]
            loss += max(eta, 0) + log1p(exp(-abs(eta))) - yi * eta
            let resid = mu - yi
            let w = mu * (1 - mu)
            for a in 0..<count {
                let ja = nz[a]
                let va = nv[a]
                g[ja] += resid * va
                let wa = w * va
                let rowBase = ja * q
                for b in a..<count { h[rowBase + nz[b]] += wa * nv[b] }
            }
        }
        losses[c] = loss
    }
}
