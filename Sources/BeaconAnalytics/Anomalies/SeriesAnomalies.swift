/// Unusual points of a seasonal daily series (revenue, orders, spend, events, sign-ups): robust
/// STL removes trend and season, and the generalized ESD test finds outliers in what is left.
///
/// The decomposition is `SeasonalTrendLoess` with the reference's robust settings (2 inner and
/// 15 outer passes, so a spike gets weight 0 and does not bend the fit), a nearly fixed seasonal
/// pattern (span 35 cycles) and a trend over about four periods (span 4·period + 1): with the
/// short default spans the robust fit follows the ordinary points so closely that the
/// down-weighted ones stand out and noise alone gets flagged. The remainder is tested
/// with `GeneralizedESD` (Rosner 1983) for up to `maxShare` of the points at level `alpha`, the
/// combination of Hochenbaum, Vallis & Kejariwal (2017, "Automatic Anomaly Detection in the
/// Cloud Via Statistical Learning", arXiv:1704.07706) with STL's mean-based remainder. Each flag
/// carries the expected value (trend + season) and the band a point must leave to be flagged:
/// expected + m ± λ·s, with m and s the mean and standard deviation of the remainders that are not
/// outliers and λ the ESD critical value of the first step that was not significant. Pure; a
/// series shorter than two periods gets no flags.
public enum SeriesAnomalies {
    /// One unusual point.
    public struct Flag: Sendable, Equatable {
        public var index: Int
        public var value: Double
        /// Trend + season at this point.
        public var expected: Double
        /// The band of ordinary values; `value` lies outside it.
        public var lower: Double
        public var upper: Double
        /// The ESD statistic Rᵢ of the point.
        public var statistic: Double
    }

    /// The flags of `series`, in time order.
    /// - Parameters:
    ///   - period: the seasonal period (7 for daily data with a weekly cycle), ≥ 2.
    ///   - seasonal: STL's seasonal span in cycles (odd ≥ 3).
    ///   - trend: STL's trend span in points (odd > period); nil gives 4·period + 1.
    ///   - maxShare: the largest share of points that may be flagged (at least one is tested).
    ///   - alpha: the ESD test's significance level.
    public static func detect(
        _ series: [Double], period: Int = 7, seasonal: Int = 35, trend: Int? = nil, maxShare: Double = 0.05,
        alpha: Double = 0.05
    ) -> [Flag] {
        guard period >= 2, series.count >= 2 * period, series.allSatisfy(\.isFinite) else { return [] }
        let stl = SeasonalTrendLoess(period: period, seasonal: seasonal, trend: trend ?? 4 * period + 1)
        let parts = stl.decompose(series, inner: 2, outer: 15)
        let maxOutliers = max(1, Int((maxShare * Double(series.count)).rounded(.down)))
        let test = GeneralizedESD(parts.remainder, maxOutliers: maxOutliers, alpha: alpha)
        guard test.outlierCount > 0 else { return [] }
        let outliers = Set(test.outliers)
        let ordinary = parts.remainder.indices.filter { !outliers.contains($0) }.map { parts.remainder[$0] }
        let m = ordinary.reduce(0, +) / Double(ordinary.count)
        let s = (ordinary.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(1, ordinary.count - 1))).squareRoot()
        let lambda = test.steps[min(test.outlierCount, test.steps.count - 1)].critical
        return test.steps.prefix(test.outlierCount).map { step in
            let expected = parts.seasonal[step.index] + parts.trend[step.index]
            return Flag(
                index: step.index, value: series[step.index], expected: expected, lower: expected + m - lambda * s,
                upper: expected + m + lambda * s, statistic: step.statistic)
        }.sorted { $0.index < $1.index }
    }
}
