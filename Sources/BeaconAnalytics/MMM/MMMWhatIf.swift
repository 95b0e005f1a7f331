/// The predicted outcome of a proposed allocation: revenue and ROAS per channel and in total,
/// with bootstrap intervals, next to the current allocation — seed 001's what-if simulator.
///
/// Amounts are totals over `horizon` periods at a constant spend per period (steady-state
/// response curves). Total revenue adds the fit's baseline per period over the horizon.
public struct MMMWhatIf: Codable, Sendable {
    /// One channel's prediction.
    public struct Line: Codable, Sendable, Equatable {
        public var name: String
        public var spend: Double
        public var currentSpend: Double
        public var revenue: MMMInterval
        public var currentRevenue: Double
        public var roas: MMMInterval
        public var marginalROAS: Double
    }

    public var horizon: Int
    public var lines: [Line]
    public var spend: Double
    public var mediaRevenue: MMMInterval
    public var baselineRevenue: Double
    public var totalRevenue: MMMInterval
    public var roas: MMMInterval
    /// Media revenue of the current allocation over the same horizon.
    public var currentMediaRevenue: Double

    /// Evaluates `allocation` (totals over `horizon`, one per channel) against `current`
    /// spend per period.
    public init(
        responses: [MMMChannelResponse], current: [Double], allocation: [Double], horizon: Int,
        baselinePerPeriod: Double, level: Double = 0.9
    ) throws {
        guard horizon > 0 else { throw MMMError(.badSetting, column: "horizon", "horizon must be positive") }
        guard allocation.count == responses.count else {
            throw MMMError(
                .badSetting, column: "allocation", "need \(responses.count) amounts, got \(allocation.count)")
        }
        if let bad = allocation.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
            throw MMMError(.negativeSpend, column: responses[bad].name, "allocation must be a non-negative number")
        }
        let h = Double(horizon)
        let drawCount = responses.map(\.coefficientDraws.count).min() ?? 0
        var mediaDraws = [Double](repeating: 0, count: drawCount)
        lines = []
        var media = 0.0
        var currentMedia = 0.0
        for (c, r) in responses.enumerated() {
            let x = allocation[c] / h
            let revenue = r.response(x) * h
            let draws = Array(r.responseDraws(x).prefix(drawCount)).map { $0 * h }
            for d in draws.indices { mediaDraws[d] += draws[d] }
            media += revenue
            currentMedia += r.response(current[c]) * h
            lines.append(
                Line(
                    name: r.name, spend: allocation[c], currentSpend: current[c] * h,
                    revenue: MMMInterval(estimate: revenue, draws: draws, level: level),
                    currentRevenue: r.response(current[c]) * h,
                    roas: MMMInterval(
                        estimate: allocation[c] > 0 ? revenue / allocation[c] : 0,
                        draws: allocation[c] > 0 ? draws.map { $0 / allocation[c] } : [], level: level),
                    marginalROAS: r.marginal(x)))
        }
        let spend = allocation.reduce(0, +)
        self.horizon = horizon
        self.spend = spend
        baselineRevenue = baselinePerPeriod * h
        mediaRevenue = MMMInterval(estimate: media, draws: mediaDraws, level: level)
        totalRevenue = MMMInterval(
            estimate: media + baselineRevenue, draws: mediaDraws.map { $0 + baselinePerPeriod * h }, level: level)
        roas = MMMInterval(
            estimate: spend > 0 ? media / spend : 0, draws: spend > 0 ? mediaDraws.map { $0 / spend } : [],
            level: level)
        currentMediaRevenue = currentMedia
    }
}
