/// Rosner's generalized extreme studentized deviate test for up to r outliers in an approximately
/// normal sample: Rosner (1983), "Percentage Points for a Generalized ESD Many-Outlier Procedure",
/// Technometrics 25(2), 165–172; as given in the NIST/SEMATECH e-Handbook §1.3.5.17.3.
///
/// For i = 1…r: Rᵢ = max |x − x̄| / s over the n − i + 1 values left (s the sample standard
/// deviation), then that value is removed; λᵢ = (n − i)·t_{p, n−i−1} / √((n − i − 1 + t²)(n − i + 1))
/// with p = 1 − α / (2(n − i + 1)). The number of outliers is the largest i with Rᵢ > λᵢ (not the
/// first i where the test fails: Rosner's procedure is what protects against masking). Pure;
/// needs n − r ≥ 3 and non-constant values, else no outliers are reported.
public struct GeneralizedESD: Sendable {
    /// One step of the test.
    public struct Step: Sendable, Equatable {
        /// Index into the input of the value removed at this step.
        public var index: Int
        public var value: Double
        /// Rᵢ.
        public var statistic: Double
        /// λᵢ.
        public var critical: Double
    }

    /// The steps, i = 1…r.
    public var steps: [Step]
    /// How many of the removed values are outliers: the largest i with Rᵢ > λᵢ.
    public var outlierCount: Int

    /// Indices (into the input) of the outliers, most extreme first.
    public var outliers: [Int] { steps.prefix(outlierCount).map(\.index) }

    /// Runs the test for at most `maxOutliers` outliers at significance `alpha`.
    public init(_ values: [Double], maxOutliers: Int, alpha: Double = 0.05) {
        let n = values.count
        var remaining = Array(values.indices)
        var steps: [Step] = []
        let r = min(maxOutliers, max(0, n - 3))
        for i in stride(from: 1, through: r, by: 1) {
            let m = Double(remaining.count)
            let mean = remaining.reduce(0) { $0 + values[$1] } / m
            let variance = remaining.reduce(0) { $0 + (values[$1] - mean) * (values[$1] - mean) } / (m - 1)
            let sd = variance.squareRoot()
            guard sd > 0 else { break }
            var worst = 0
            for k in remaining.indices where abs(values[remaining[k]] - mean) > abs(values[remaining[worst]] - mean) {
                worst = k
            }
            let index = remaining.remove(at: worst)
            let p = 1 - alpha / (2 * Double(n - i + 1))
            let nu = Double(n - i - 1)
            let t = StudentT.quantile(p, degreesOfFreedom: nu)
            let critical = Double(n - i) * t / ((nu + t * t) * Double(n - i + 1)).squareRoot()
            steps.append(
                Step(index: index, value: values[index], statistic: abs(values[index] - mean) / sd, critical: critical))
        }
        self.steps = steps
        outlierCount = steps.lastIndex { $0.statistic > $0.critical }.map { $0 + 1 } ?? 0
    }
}
