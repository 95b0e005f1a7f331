/// The fitted target split into additive parts over time — intercept, trend, seasonality,
/// events, controls and each paid channel — ready to draw as a stacked area chart.
///
/// For every period `fitted = Σ parts`. Periods from `fitCount` on are the holdout.
public struct MMMDecomposition: Codable, Sendable, Equatable {
    /// One named series of the decomposition.
    public struct Part: Codable, Sendable, Equatable {
        public var name: String
        /// `baseline` for intercept, trend, seasonality, events and controls; `media` for channels.
        public var kind: String
        public var values: [Double]
    }

    public var dates: [String]
    public var actual: [Double]
    public var fitted: [Double]
    public var parts: [Part]
    public var fitCount: Int

    /// The sum of the baseline parts in each period.
    public var baseline: [Double] {
        var out = [Double](repeating: 0, count: dates.count)
        for part in parts where part.kind == "baseline" {
            for t in out.indices { out[t] += part.values[t] }
        }
        return out
    }
}
