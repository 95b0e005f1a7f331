/// Time-varying media effectiveness: each channel's coefficient becomes a smooth path
/// `β_c(t) = Σ_k γ_ck B_k(t)` over evenly spaced linear B-splines (hat functions), fitted with
/// the baseline by penalised least squares, its smoothness chosen by blocked time-series
/// cross-validation so that a static truth stays static.
///
/// The model is the varying-coefficient model of Hastie & Tibshirani (1993), "Varying-
/// coefficient models", *J. R. Statist. Soc. B* 55(4), eq. 1, applied to media as in Ng, Wang &
/// Dai (2021), "Bayesian Time Varying Coefficient Model with Applications to Marketing Mix
/// Modeling" (arXiv:2106.03322). The penalty is the P-spline first-difference penalty of Eilers &
/// Marx (1996), "Flexible smoothing with B-splines and penalties", *Statist. Sci.* 11(2), eq. 8:
/// `λ_d · n · Σ_k (γ̃_ck − γ̃_c,k−1)²` on coefficients in units of the channel regressor's
/// standard deviation, so one `λ_d` suits every channel; `λ_d → ∞` is the static model. The
/// baseline keeps the fit's ridge penalty on standardised columns and the intercept is free.
///
/// Candidates (static, then `λ_d` from 10³ down to 10⁻³) are scored by blocked 10-fold
/// cross-validation over contiguous blocks (Bergmeir & Benítez 2012, "On the use of
/// cross-validation for time series predictor evaluation", *Inform. Sci.* 191, §3); the simplest
/// candidate whose mean fold error is within one standard error of the best (the one-standard-
/// error rule, Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed.,
/// §7.10; here the standard error of the paired fold differences) is chosen, then each channel
/// is made static again where that too stays within one standard error. A candidate whose path
/// goes negative anywhere in the fitting window is not eligible. Folds share the Gram matrix:
/// each fold's training system is the full one minus the fold's rows.
struct MMMTimeVaryingEffect {
    /// The outcome: per-period coefficient paths and the baseline of the chosen model.
    struct Result {
        /// Per channel, `β_c(t)` for every period (in the target's units per unit regressor); the
        /// holdout repeats the last fitted value. Nil for an inactive channel.
        var paths: [[Double]?]
        /// Whether each channel's path may vary (false: constant, or inactive).
        var varying: [Bool]
        var intercept: Double
        var baseline: [Double]
        /// The chosen smoothing penalty (nil: every channel static).
        var smoothing: Double?
        var knots: Int
        /// Mean cross-validated squared error per candidate, in the order scored.
        var candidates: [(label: String, error: Double)]
    }

    var baselineColumns: [[Double]]
    var mediaColumns: [[Double]]
    /// Channels taking part (a channel the static fit set to zero stays at zero).
    var active: [Bool]
    var fitCount: Int
    var knots: Int
    var baselineLambda: Double

    static let smoothingGrid: [Double] = [1e3, 1e2, 10, 1, 0.1, 0.01, 1e-3]

    /// The hat-function weights of period `t` (clamped to the fitting window, so the holdout
    /// continues the last level).
    static func basis(_ t: Int, fitCount: Int, knots: Int) -> [Double] {
        let span = Double(max(fitCount - 1, 1))
        let h = span / Double(knots - 1)
        let u = min(Double(t), span)
        return (0..<knots).map { max(0, 1 - abs(u - Double($0) * h) / h) }
    }

    /// Chooses the smoothing and fits; nil when every system is singular.
    func select(y: [Double]) -> Result? {
        let n = y.count
        let p = baselineColumns.count
        let m = mediaColumns.count
        let k = knots
        // Standardisation on the fitting window.
        func moments(_ column: [Double]) -> (Double, Double) {
            let mean = column[0..<fitCount].reduce(0, +) / Double(fitCount)
            let ss = column[0..<fitCount].reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return (mean, (ss / Double(fitCount)).squareRoot())
        }
        let baseMoments = baselineColumns.map(moments)
        let usableBase = (0..<p).filter { baseMoments[$0].1 > 1e-12 * max(1, abs(baseMoments[$0].0)) }
        let mediaSD = mediaColumns.map { max(moments($0).1, 1e-12) }
        let channels = (0..<m).filter { active[$0] }
        // Design: [1, standardised baseline, per channel k basis columns x_c·B_k / sd_c].
        let q = 1 + usableBase.count + channels.count * k
        let mediaOffset = 1 + usableBase.count
        func row(_ t: Int) -> [Double] {
            var r = [Double](repeating: 0, count: q)
            r[0] = 1
            for (i, j) in usableBase.enumerated() {
                r[1 + i] = (baselineColumns[j][t] - baseMoments[j].0) / baseMoments[j].1
            }
            let b = Self.basis(t, fitCount: fitCount, knots: k)
            for (i, c) in channels.enumerated() {
                let x = mediaColumns[c][t] / mediaSD[c]
                for l in 0..<k { r[mediaOffset + i * k + l] = x * b[l] }
            }
            return r
        }
        let folds = 10
        let foldOf = (0..<fitCount).map { min(folds - 1, $0 * folds / fitCount) }
        var gram = [Matrix](repeating: Matrix(rows: q, columns: q), count: folds)
        var xy = [[Double]](repeating: [Double](repeating: 0, count: q), count: folds)
        var yy = [Double](repeating: 0, count: folds)
        var count = [Int](repeating: 0, count: folds)
        for t in 0..<fitCount {
            let f = foldOf[t]
            let r = row(t)
            let nz = r.indices.filter { r[$0] != 0 }
            for a in nz {
                xy[f][a] += r[a] * y[t]
                for b in nz { gram[f][a, b] += r[a] * r[b] }
            }
            yy[f] += y[t] * y[t]
            count[f] += 1
        }
        var total = Matrix(rows: q, columns: q)
        var totalXY = [Double](repeating: 0, count: q)
        for f in 0..<folds {
            for i in 0..<(q * q) { total.elements[i] += gram[f].elements[i] }
            for i in 0..<q { totalXY[i] += xy[f][i] }
        }
        let scale = Double(fitCount)
        /// `smoothing[i]` for channel position i: nil = static (differences forced to ~0).
        func penalty(_ smoothing: [Double?]) -> Matrix {
            var pen = Matrix(rows: q, columns: q)
            for i in 0..<usableBase.count { pen[1 + i, 1 + i] = max(baselineLambda, 1e-10) * scale }
            for i in channels.indices {
                let lambda = (smoothing[i] ?? 1e7) * scale
                let o = mediaOffset + i * k
                for l in 0..<k { pen[o + l, o + l] += max(baselineLambda, 1e-10) * scale / Double(k) }
                for l in 1..<k {
                    pen[o + l, o + l] += lambda
                    pen[o + l - 1, o + l - 1] += lambda
                    pen[o + l, o + l - 1] -= lambda
                    pen[o + l - 1, o + l] -= lambda
                }
            }
            return pen
        }
        func solve(_ g: Matrix, _ v: [Double], _ pen: Matrix) -> [Double]? {
            var a = g
            for i in 0..<(q * q) { a.elements[i] += pen.elements[i] }
            return a.choleskySolve(v)
        }
        func quadratic(_ g: Matrix, _ b: [Double]) -> Double {
            var s = 0.0
            for i in 0..<q where b[i] != 0 { for j in 0..<q { s += b[i] * g[i, j] * b[j] } }
            return s
        }
        func nonNegative(_ b: [Double]) -> Bool {
            channels.indices.allSatisfy { i in (0..<k).allSatisfy { b[mediaOffset + i * k + $0] >= 0 } }
        }
        /// Per-fold mean squared error, nil when a system fails or a path goes negative.
        func score(_ smoothing: [Double?]) -> [Double]? {
            let pen = penalty(smoothing)
            let isStatic = smoothing.allSatisfy { $0 == nil }
            guard let full = solve(total, totalXY, pen), isStatic || nonNegative(full) else { return nil }
            var errors: [Double] = []
            for f in 0..<folds where count[f] > 0 {
                var g = total
                for i in 0..<(q * q) { g.elements[i] -= gram[f].elements[i] }
                let v = (0..<q).map { totalXY[$0] - xy[f][$0] }
                guard let b = solve(g, v, pen) else { return nil }
                var bg = 0.0
                for i in 0..<q { bg += b[i] * xy[f][i] }
                errors.append((yy[f] - 2 * bg + quadratic(gram[f], b)) / Double(count[f]))
            }
            return errors
        }
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
        /// Mean and standard error of `a − b` over folds.
        func pairedGap(_ a: [Double], _ b: [Double]) -> (Double, Double) {
            let d = zip(a, b).map { $0 - $1 }
            let mu = mean(d)
            let v = d.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(max(d.count - 1, 1))
            return (mu, (v / Double(d.count)).squareRoot())
        }

        let staticSetting = [Double?](repeating: nil, count: channels.count)
        var scored: [(label: String, setting: [Double?], errors: [Double])] = []
        if let e = score(staticSetting) { scored.append(("static", staticSetting, e)) }
        for lambda in Self.smoothingGrid {
            let setting = [Double?](repeating: lambda, count: channels.count)
            if let e = score(setting) { scored.append(("λ=\(lambda)", setting, e)) }
        }
        guard let best = scored.min(by: { mean($0.errors) < mean($1.errors) }) else { return nil }
        var chosen = scored.first { c in
            let (gap, se) = pairedGap(c.errors, best.errors)
            return gap <= se
        }!
        // Channel by channel, go back to static where that costs less than one standard error.
        if chosen.setting.contains(where: { $0 != nil }) {
            for i in channels.indices where chosen.setting[i] != nil {
                var setting = chosen.setting
                setting[i] = nil
                guard let e = score(setting) else { continue }
                let (gap, se) = pairedGap(e, best.errors)
                if gap <= se { chosen = (chosen.label, setting, e) }
            }
        }
        guard let b = solve(total, totalXY, penalty(chosen.setting)) else { return nil }
        // Every active channel gets a path in the joint fit: constant where it was kept static.
        var paths = [[Double]?](repeating: nil, count: m)
        var varying = [Bool](repeating: false, count: m)
        for (i, c) in channels.enumerated() {
            let gamma = (0..<k).map { b[mediaOffset + i * k + $0] / mediaSD[c] }
            varying[c] = chosen.setting[i] != nil
            paths[c] = (0..<n).map { t in
                zip(Self.basis(t, fitCount: fitCount, knots: k), gamma).reduce(0) { $0 + $1.0 * $1.1 }
            }
        }
        var baseline = [Double](repeating: 0, count: p)
        var intercept = b[0]
        for (i, j) in usableBase.enumerated() {
            baseline[j] = b[1 + i] / baseMoments[j].1
            intercept -= baseline[j] * baseMoments[j].0
        }
        return Result(
            paths: paths, varying: varying,
            intercept: intercept, baseline: baseline, smoothing: chosen.setting.compactMap { $0 }.first, knots: k,
            candidates: scored.map { ($0.label, mean($0.errors)) })
    }
}
