/// Ridge regression with an unpenalised intercept and non-negative media coefficients, the
/// estimator behind the marketing-mix fit.
///
/// Minimises `½‖y − b₀ − Zb‖² + ½·λ·n·‖b‖²` over standardised columns `Z` (centred, unit
/// variance on the rows used), as glmnet does for Robyn (Friedman, Hastie & Tibshirani 2010,
/// "Regularization paths for GLMs via coordinate descent", *J. Stat. Softw.* 33(1), eq. 1
/// with α = 0), subject to `b ≥ 0` for the media columns. The constraint is handled by the
/// active-set method of Lawson & Hanson (1974), *Solving Least Squares Problems*, ch. 23:
/// solve on the free set, drop the most negative media coefficient, and re-admit a dropped
/// one while its gradient `z_jᵀr` is positive. Each solve is a Cholesky factorisation
/// (`Matrix.choleskySolve`), positive definite for any `λ > 0`.
///
/// The baseline block of the normal equations is computed once per row window and reused
/// across the thousands of media hyper-parameter candidates the search tries.
struct MMMRidge: Sendable {
    /// A fitted model in the original column units.
    struct Solution: Sendable {
        var intercept: Double
        var baseline: [Double]
        var media: [Double]

        /// The prediction at row `t` of the full columns.
        func predict(_ t: Int, baselineColumns: [[Double]], mediaColumns: [[Double]]) -> Double {
            var s = intercept
            for j in baseline.indices where baseline[j] != 0 { s += baseline[j] * baselineColumns[j][t] }
            for j in media.indices where media[j] != 0 { s += media[j] * mediaColumns[j][t] }
            return s
        }
    }

    /// A lift test as a term of the objective: `½ · weight · (b_c · Σ_{t∈rows} m_ct − lift)²`
    /// (`MMMLiftTest`), in the scaled target's units.
    struct Calibration: Sendable {
        var channel: Int
        var rows: Range<Int>
        var lift: Double
        var weight: Double
    }

    let rows: Range<Int>
    /// Lift tests the fit is calibrated with (none by default).
    var calibration: [Calibration] = []
    private let baselineMean: [Double]
    private let baselineScale: [Double]
    /// Standardised baseline columns on `rows` (empty for a column that is constant there).
    private let baselineZ: [[Double]]
    private let baselineGram: [[Double]]

    /// Prepares the baseline block for rows `rows` of `baselineColumns`.
    init(baselineColumns: [[Double]], rows: Range<Int>) {
        self.rows = rows
        var means: [Double] = []
        var scales: [Double] = []
        var z: [[Double]] = []
        for column in baselineColumns {
            let (mean, sd, standardised) = Self.standardise(column, rows)
            means.append(mean)
            scales.append(sd)
            z.append(standardised)
        }
        baselineMean = means
        baselineScale = scales
        baselineZ = z
        baselineGram = z.map { a in z.map { b in Self.dot(a, b) } }
    }

    /// The same ridge calibrated with `tests`.
    func calibrated(_ tests: [Calibration]) -> MMMRidge {
        var ridge = self
        ridge.calibration = tests
        return ridge
    }

    /// Fits `y` on the baseline and `mediaColumns` with penalty `lambda`; nil only when the
    /// system is numerically singular.
    func fit(mediaColumns: [[Double]], y: [Double], lambda: Double) -> Solution? {
        let p = baselineZ.count
        let m = mediaColumns.count
        let n = Double(rows.count)
        var yMean = 0.0
        for t in rows { yMean += y[t] }
        yMean /= n
        let yc = rows.map { y[$0] - yMean }
        var mediaMean: [Double] = []
        var mediaScale: [Double] = []
        var mediaZ: [[Double]] = []
        for column in mediaColumns {
            let (mean, sd, standardised) = Self.standardise(column, rows)
            mediaMean.append(mean)
            mediaScale.append(sd)
            mediaZ.append(standardised)
        }
        let z = baselineZ + mediaZ
        var gram = [[Double]](repeating: [Double](repeating: 0, count: p + m), count: p + m)
        for i in 0..<p { for j in 0..<p { gram[i][j] = baselineGram[i][j] } }
        for i in p..<(p + m) {
            for j in 0...i {
                let v = Self.dot(z[i], z[j])
                gram[i][j] = v
                gram[j][i] = v
            }
        }
        var zy = z.map { Self.dot($0, yc) }
        // Lift tests: the channel's contribution over a test's rows is b_j · a with
        // a = Σ m_t / scale_j in standardised units.
        for test in calibration where test.channel < m && !z[p + test.channel].isEmpty {
            let j = p + test.channel
            var a = 0.0
            for t in test.rows { a += mediaColumns[test.channel][t] }
            a /= mediaScale[test.channel]
            gram[j][j] += test.weight * a * a
            zy[j] += test.weight * a * test.lift
        }
        let usable = (0..<(p + m)).filter { !z[$0].isEmpty }
        var free = Set(usable)
        var b = [Double](repeating: 0, count: p + m)
        let penalty = max(lambda, 1e-10) * n
        for _ in 0..<(4 * m + 4) {
            let index = usable.filter { free.contains($0) }
            var a = Matrix(rows: index.count, columns: index.count)
            for (r, i) in index.enumerated() {
                for (c, j) in index.enumerated() { a[r, c] = gram[i][j] }
                a[r, r] += penalty
            }
            guard let solution = a.choleskySolve(index.map { zy[$0] }) else { return nil }
            b = [Double](repeating: 0, count: p + m)
            for (r, i) in index.enumerated() { b[i] = solution[r] }
            if let worst = (p..<(p + m)).filter({ free.contains($0) && b[$0] < 0 }).min(by: { b[$0] < b[$1] }) {
                free.remove(worst)
                continue
            }
            // Gradient of the fit term for a fixed-at-zero media column: z_jᵀ(y − Zb).
            var bestGain = 1e-9 * n
            var enter: Int?
            for j in p..<(p + m) where !free.contains(j) && !z[j].isEmpty {
                var g = zy[j]
                for i in index { g -= gram[j][i] * b[i] }
                if g > bestGain {
                    bestGain = g
                    enter = j
                }
            }
            guard let enter else { break }
            free.insert(enter)
        }
        var baseline = [Double](repeating: 0, count: p)
        var media = [Double](repeating: 0, count: m)
        var intercept = yMean
        for j in 0..<p where !z[j].isEmpty {
            baseline[j] = b[j] / baselineScale[j]
            intercept -= baseline[j] * baselineMean[j]
        }
        for j in 0..<m where !z[p + j].isEmpty {
            media[j] = max(0, b[p + j]) / mediaScale[j]
            intercept -= media[j] * mediaMean[j]
        }
        return Solution(intercept: intercept, baseline: baseline, media: media)
    }

    /// Mean, standard deviation and the standardised values on `rows` (empty when constant).
    private static func standardise(_ column: [Double], _ rows: Range<Int>) -> (Double, Double, [Double]) {
        let n = Double(rows.count)
        var mean = 0.0
        for t in rows { mean += column[t] }
        mean /= n
        var ss = 0.0
        for t in rows { ss += (column[t] - mean) * (column[t] - mean) }
        let sd = (ss / n).squareRoot()
        guard sd > 1e-12 * max(1, abs(mean)) else { return (mean, 0, []) }
        return (mean, sd, rows.map { (column[$0] - mean) / sd })
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }
}
