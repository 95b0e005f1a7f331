/// Conversions and value one model credits to each channel, in the data set's channel order.
///
/// For every model the credits of a conversion sum to 1, so `conversions` sums to the data
/// set's total conversions and `value` to its total value (up to rounding).
public struct AttributionModelResult: Sendable, Codable, Hashable {
    /// The model's short name (`first`, `linear`, `markov_2`, `shapley`, …).
    public var model: String
    public var conversions: [Double]
    public var value: [Double]

    public init(model: String, conversions: [Double], value: [Double]) {
        self.model = model
        self.conversions = conversions
        self.value = value
    }
}

/// The outcome of an attribution run: every requested model side by side, plus the Markov
/// chains and Shapley details behind the data-driven models. Codable, so the CLI's `--format json`,
/// the HTTP API and the dashboard share one shape.
public struct AttributionReport: Sendable, Codable {
    public var channels: [String]
    /// Number of journeys (rows) in the input.
    public var journeys: Int
    public var totalConversions: Double
    public var totalValue: Double
    public var totalNulls: Double
    /// One entry per model, in the order requested.
    public var models: [AttributionModelResult]
    /// Details of each Markov model run (transition matrix, removal effects).
    public var markov: [MarkovAttributionResult]
    /// Details of each Shapley run.
    public var shapley: [ShapleyAttributionResult]

    public init(
        channels: [String], journeys: Int, totalConversions: Double, totalValue: Double, totalNulls: Double,
        models: [AttributionModelResult], markov: [MarkovAttributionResult], shapley: [ShapleyAttributionResult]
    ) {
        self.channels = channels
        self.journeys = journeys
        self.totalConversions = totalConversions
        self.totalValue = totalValue
        self.totalNulls = totalNulls
        self.models = models
        self.markov = markov
        self.shapley = shapley
    }

    /// The result of the model called `name`, if it was run.
    public func model(_ name: String) -> AttributionModelResult? { models.first { $0.model == name } }
}

/// A Markov-chain attribution result: the fitted chain and its removal effects.
public struct MarkovAttributionResult: Sendable, Codable {
    /// One observed transition with its maximum-likelihood probability.
    public struct Transition: Sendable, Codable, Hashable {
        public var from: String
        public var to: String
        /// Weighted number of times it was observed (journeys × conversions + nulls).
        public var count: Double
        public var probability: Double
    }

    public var order: Int
    /// Transient states, `(start)` first; a state of order k is up to k channels joined by `>`.
    public var states: [String]
    /// Every observed transition, including those into `(conversion)` and `(null)`.
    public var transitions: [Transition]
    /// Probability that a journey started in `(start)` is absorbed in `(conversion)`.
    public var conversionProbability: Double
    /// Expected conversion value of a journey started in `(start)`.
    public var expectedValue: Double
    /// Removal effect of each channel on the conversion probability, 1 − P(conv | channel removed)/P(conv).
    public var removalEffects: [Double]
    /// The same on the expected conversion value.
    public var valueRemovalEffects: [Double]
    /// Conversions and value shared in proportion to the removal effects.
    public var attribution: AttributionModelResult
    /// `dense-lu` or `gauss-seidel`.
    public var solver: String
    /// The largest Gauss–Seidel sweep count over all solves (0 for the dense solver).
    public var iterations: Int
    /// The largest residual ‖x − Qx − r‖∞ over all solves.
    public var residual: Double
}

/// A Shapley-value attribution result.
public struct ShapleyAttributionResult: Sendable, Codable {
    /// `simplified`, `ordered` or `coalition`.
    public var variant: String
    /// For the coalition variant, the characteristic function (`conversion_rate` or `conversions`).
    public var characteristic: String?
    /// Whether the values are exact (all coalitions) or estimated from sampled permutations.
    public var exact: Bool
    /// Permutations sampled when not exact.
    public var samples: Int?
    /// The raw Shapley value of each channel under the characteristic function.
    public var shapleyValues: [Double]
    /// For the ordered variant: `positionConversions[channel][i]` is the conversions credited to
    /// the channel when it is the (i+1)-th distinct channel of a journey.
    public var positionConversions: [[Double]]?
    public var attribution: AttributionModelResult
}
