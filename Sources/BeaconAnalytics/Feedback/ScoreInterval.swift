/// A two-sided confidence interval around a survey score, in the score's own units.
public struct ScoreInterval: Sendable, Equatable, Codable {
    public var lower: Double
    public var upper: Double
    /// The coverage, e.g. 0.95.
    public var level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// The standard normal quantile z with P(|Z| ≤ z) = 0.95.
    public static let z95 = 1.959963984540054
}
