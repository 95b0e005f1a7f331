/// A point estimate with a percentile interval from bootstrap replicates.
public struct MMMInterval: Codable, Sendable, Equatable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// The interval's coverage, e.g. 0.9.
    public var level: Double

    public init(estimate: Double, lower: Double, upper: Double, level: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// The estimate with the `(1 ± level)/2` percentiles of `draws` (type-7, linear
    /// interpolation, as R's default `quantile`); a degenerate interval when `draws` is empty.
    public init(estimate: Double, draws: [Double], level: Double = 0.9) {
        let sorted = draws.filter { $0.isFinite }.sorted()
        self.estimate = estimate
        self.level = level
        guard !sorted.isEmpty else {
            lower = estimate
            upper = estimate
            return
        }
        func quantile(_ p: Double) -> Double {
            let h = p * Double(sorted.count - 1)
            let i = Int(h.rounded(.down))
            let j = min(i + 1, sorted.count - 1)
            return sorted[i] + (h - Double(i)) * (sorted[j] - sorted[i])
        }
        lower = quantile((1 - level) / 2)
        upper = quantile((1 + level) / 2)
    }
}
