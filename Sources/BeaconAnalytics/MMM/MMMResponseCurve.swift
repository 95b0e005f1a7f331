/// A channel's response curve — spend per period against the revenue it brings — as points
/// a chart can draw, with the current spend and the diminishing-returns point marked.
///
/// Built from `MMMChannelResponse`'s steady-state response (Robyn's response curves, Jin et
/// al. 2017 §3.3): `response = R(x)`, `marginalROAS = dR/dx`, `averageROAS = R(x)/x`; the
/// interval is the percentile band of the bootstrap draws of the coefficient.
public struct MMMResponseCurve: Codable, Sendable, Equatable {
    /// One point of the curve.
    public struct Point: Codable, Sendable, Equatable {
        public var spend: Double
        public var response: Double
        public var responseLower: Double
        public var responseUpper: Double
        public var marginalROAS: Double
        public var averageROAS: Double
    }

    public var points: [Point]
    /// The point at the current spend.
    public var current: Point
    /// Where the marginal ROAS falls to `threshold` (past the curve's steepest point); nil
    /// when it never reaches the threshold.
    public var diminishingReturns: Point?
    public var threshold: Double

    /// Samples the curve at `count` evenly spaced spends from 0 to `maxSpend` (default: the
    /// larger of 2.5 × current spend and 1.5 × the diminishing-returns point).
    public init(
        _ response: MMMChannelResponse, currentSpend: Double, threshold: Double = 1, level: Double = 0.9,
        count: Int = 61, maxSpend: Double? = nil
    ) {
        func point(_ x: Double) -> Point {
            let r = response.response(x)
            let band = MMMInterval(estimate: r, draws: response.responseDraws(x), level: level)
            return Point(
                spend: x, response: r, responseLower: band.lower, responseUpper: band.upper,
                marginalROAS: response.marginal(x), averageROAS: x > 0 ? r / x : response.marginal(0))
        }
        let dr = response.spendWhereMarginal(fallsTo: threshold)
        var top = maxSpend ?? max(2.5 * currentSpend, 1.5 * (dr ?? 0))
        if !(top > 0) { top = response.spendScale }
        let n = max(count, 2)
        points = (0..<n).map { point(top * Double($0) / Double(n - 1)) }
        current = point(currentSpend)
        diminishingReturns = dr.map(point)
        self.threshold = threshold
    }
}
