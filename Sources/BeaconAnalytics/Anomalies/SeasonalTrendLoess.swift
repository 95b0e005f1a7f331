/// STL: the seasonal-trend decomposition by loess of Cleveland, Cleveland, McRae & Terpenning
/// (1990), "STL: A Seasonal-Trend Decomposition Procedure Based on Loess", Journal of Official
/// Statistics 6(1), 3–73.
///
/// y = seasonal + trend + remainder. Each inner pass (§2.2) detrends, smooths each cycle-subseries
/// with a loess of span `seasonal` (step 2), low-passes the result with moving averages of
/// period, period and 3 then a loess of span `lowPass` (step 3), takes the difference as the
/// seasonal (step 4), and smooths the deseasonalised series with a loess of span `trend` (step 6).
/// Outer passes (§2.3) set robustness weights B((|R| / 6·median|R|)) with the bisquare B and
/// repeat the inner loop with them. A port of the authors' Fortran (netlib `stl`, as statsmodels
/// carries it), including its `jump` interpolation, so results match that reference to rounding.
/// Pure; spans must be odd and ≥ 3 and `trend`, `lowPass` must exceed `period`.
public struct SeasonalTrendLoess: Sendable {
    public var period: Int
    /// Span (in cycles) of the seasonal smoother, odd ≥ 3 (STL's n(s)).
    public var seasonal: Int
    /// Span of the trend smoother, odd > period; default the smallest odd ≥ 1.5·period / (1 − 1.5/seasonal).
    public var trend: Int
    /// Span of the low-pass filter's loess, odd > period; default the smallest odd > period.
    public var lowPass: Int
    /// Loess degrees (0 or 1) of the seasonal, trend and low-pass smoothers.
    public var seasonalDegree = 1, trendDegree = 1, lowPassDegree = 1
    /// Evaluate the smoothers every `jump` points and interpolate linearly between (1 = everywhere).
    public var seasonalJump = 1, trendJump = 1, lowPassJump = 1

    /// The components of one decomposition.
    public struct Decomposition: Sendable, Equatable {
        public var seasonal: [Double]
        public var trend: [Double]
        /// y − seasonal − trend.
        public var remainder: [Double]
        /// Robustness weights of the last outer pass (all 1 without outer passes).
        public var weights: [Double]
    }

    /// A decomposition with STL's defaults for the trend and low-pass spans.
    /// - Precondition: period ≥ 2, seasonal odd ≥ 3.
    public init(period: Int, seasonal: Int = 7, trend: Int? = nil, lowPass: Int? = nil) {
        precondition(period >= 2, "period must be ≥ 2")
        precondition(seasonal >= 3 && seasonal % 2 == 1, "seasonal must be odd and ≥ 3")
        self.period = period
        self.seasonal = seasonal
        var t = trend ?? Int((1.5 * Double(period) / (1 - 1.5 / Double(seasonal))).rounded(.up))
        if trend == nil && t % 2 == 0 { t += 1 }
        var l = lowPass ?? period + 1
        if lowPass == nil && l % 2 == 0 { l += 1 }
        precondition(t >= 3 && t % 2 == 1 && t > period, "trend must be odd, ≥ 3 and > period")
        precondition(l >= 3 && l % 2 == 1 && l > period, "lowPass must be odd, ≥ 3 and > period")
        self.trend = t
        self.lowPass = l
    }

    /// Decomposes `y` with `inner` passes per outer pass and `outer` robustness passes (the
    /// reference's defaults: 2 and 15 when robust, 5 and 0 when not).
    public func decompose(_ y: [Double], inner: Int = 2, outer: Int = 15) -> Decomposition {
        var state = STLState(stl: self, y: y)
        state.fit(inner: inner, outer: outer)
        let remainder = (0..<y.count).map { y[$0] - state.season[$0] - state.trend[$0] }
        return Decomposition(seasonal: state.season, trend: state.trend, remainder: remainder, weights: state.rw)
    }
}

/// The working arrays of one STL fit, laid out as the Fortran's `work(n + 2·np, 7)`.
struct STLState {
    let stl: SeasonalTrendLoess
    let y: [Double]
    let n: Int
    var trend: [Double]
    var season: [Double]
    var rw: [Double]
    var work: [[Double]]
    var useWeights = false

    init(stl: SeasonalTrendLoess, y: [Double]) {
        self.stl = stl
        self.y = y
        n = y.count
        trend = Array(repeating: 0, count: n)
        season = Array(repeating: 0, count: n)
        rw = Array(repeating: 1, count: n)
        work = Array(repeating: Array(repeating: 0, count: n + 2 * stl.period), count: 5)
    }

    mutating func fit(inner: Int, outer: Int) {
        var k = 0
        while true {
            onePass(inner)
            k += 1
            if k > outer { break }
            for i in 0..<n { work[0][i] = trend[i] + season[i] }
            robustnessWeights()
            useWeights = true
        }
    }

    /// `onestp`: the inner loop (steps 1–6).
    mutating func onePass(_ inner: Int) {
        let np = stl.period
        for _ in 0..<inner {
            for i in 0..<n { work[0][i] = y[i] - trend[i] }
            cycleSubseries()
            lowPassFilter()
            var smoothed = work[3], scratch = work[4]
            Loess.smooth(
                work[2], n: n, span: stl.lowPass, degree: stl.lowPassDegree, jump: stl.lowPassJump,
                weights: nil, into: &smoothed, offset: 0, scratch: &scratch)
            work[0] = smoothed
            work[4] = scratch
            for i in 0..<n {
                season[i] = work[1][np + i] - work[0][i]
                work[0][i] = y[i] - season[i]
            }
            var newTrend = trend
            Loess.smooth(
                work[0], n: n, span: stl.trend, degree: stl.trendDegree, jump: stl.trendJump,
                weights: useWeights ? rw : nil, into: &newTrend, offset: 0, scratch: &work[2])
            trend = newTrend
        }
    }

    /// `ss`: loess of each cycle-subseries, extended one cycle at both ends, into `work[1]`.
    mutating func cycleSubseries() {
        let np = stl.period, ns = stl.seasonal
        var series = [Double](repeating: 0, count: n / np + 3)
        var weights = series
        var smoothed = [Double](repeating: 0, count: n / np + 4)
        var scratch = [Double](repeating: 0, count: n / np + 4)
        for j in 0..<np {
            let k = (n - (j + 1)) / np + 1
            for i in 0..<k { series[i] = work[0][i * np + j] }
            if useWeights { for i in 0..<k { weights[i] = rw[i * np + j] } }
            let w: [Double]? = useWeights ? weights : nil
            Loess.smooth(
                series, n: k, span: ns, degree: stl.seasonalDegree, jump: stl.seasonalJump, weights: w,
                into: &smoothed, offset: 1, scratch: &scratch)
            let first = Loess.estimate(
                series, n: k, span: ns, degree: stl.seasonalDegree, at: 0, left: 1, right: min(ns, k),
                scratch: &scratch, weights: w)
            smoothed[0] = first ?? smoothed[1]
            let last = Loess.estimate(
                series, n: k, span: ns, degree: stl.seasonalDegree, at: k + 1, left: max(1, k - ns + 1), right: k,
                scratch: &scratch, weights: w)
            smoothed[k + 1] = last ?? smoothed[k]
            for m in 0..<(k + 2) { work[1][m * np + j] = smoothed[m] }
        }
    }

    /// `fts`: moving averages of length period, period and 3 of `work[1]` into `work[2]`.
    mutating func lowPassFilter() {
        let np = stl.period
        let total = n + 2 * np
        Loess.movingAverage(work[1], n: total, length: np, into: &work[2])
        Loess.movingAverage(work[2], n: total - np + 1, length: np, into: &work[0])
        Loess.movingAverage(work[0], n: total - 2 * np + 2, length: 3, into: &work[2])
    }

    /// `rwts`: bisquare weights of the remainders scaled by 6 × their median absolute value.
    mutating func robustnessWeights() {
        var residual = (0..<n).map { abs(y[$0] - work[0][$0]) }
        let sorted = residual.sorted()
        let lowMid = n / 2, highMid = n - lowMid - 1
        let cmad = 3.0 * (sorted[lowMid] + sorted[highMid])
        guard cmad != 0 else {
            rw = Array(repeating: 1, count: n)
            return
        }
        let c9 = 0.999 * cmad, c1 = 0.001 * cmad
        for i in 0..<n {
            let r = residual[i]
            if r <= c1 {
                residual[i] = 1
            } else if r <= c9 {
                let u = r / cmad
                residual[i] = (1 - u * u) * (1 - u * u)
            } else {
                residual[i] = 0
            }
        }
        rw = residual
    }
}
