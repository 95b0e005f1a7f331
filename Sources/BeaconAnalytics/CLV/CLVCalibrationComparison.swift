/// The standard check of a repeat-purchase model: customers grouped by calibration-period
/// frequency, their mean actual holdout purchases against the model's mean conditional expectation.
///
/// Fader, Hardie & Lee (2005), Figure 4 ("conditional expectations" by number of calibration
/// purchases); lifetimes' `plot_calibration_purchases_vs_holdout_purchases`. Frequencies at or
/// above `maxFrequency` share the last bucket.
public struct CLVCalibrationComparison: Sendable, Equatable {
    public struct Bucket: Sendable, Equatable {
        /// Calibration frequency (the last bucket holds this and every larger value).
        public var frequency: Int
        public var customers: Int
        /// Mean observed purchases in the holdout period.
        public var actual: Double
        /// Mean E[Y(holdout duration) | x, t_x, T] from the model.
        public var expected: Double
    }

    public var buckets: [Bucket]
    /// The holdout duration the expectations were computed for.
    public var holdoutDuration: Double

    /// Compares `model`'s predictions with the holdout behaviour of `split`'s customers.
    public init(model: some CLVTransactionModel, split: CLVTransactionLog.CalibrationHoldout, maxFrequency: Int = 7) {
        let cap = max(maxFrequency, 0)
        var count = [Int](repeating: 0, count: cap + 1)
        var actual = [Double](repeating: 0, count: cap + 1)
        var expected = [Double](repeating: 0, count: cap + 1)
        let data = split.calibration
        for i in 0..<data.count {
            let k = min(Int(data.frequency[i]), cap)
            count[k] += 1
            actual[k] += split.holdoutFrequency[i]
            expected[k] += model.expectedPurchases(
                in: split.holdoutDuration, frequency: data.frequency[i], recency: data.recency[i], T: data.T[i])
        }
        buckets = (0...cap).filter { count[$0] > 0 }.map {
            Bucket(
                frequency: $0, customers: count[$0], actual: actual[$0] / Double(count[$0]),
                expected: expected[$0] / Double(count[$0]))
        }
        holdoutDuration = split.holdoutDuration
    }
}
