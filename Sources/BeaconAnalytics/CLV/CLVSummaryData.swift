/// The RFM summary the buy-till-you-die models are fitted on: one row per customer with the
/// number of repeat purchases x (frequency), the time of the last one t_x (recency) and the
/// length of observation T, all measured from the customer's first purchase, optionally with
/// the mean value of the repeat purchases (monetary value) and a row weight.
///
/// Fader, Hardie & Lee (2005), §2 ("x, t_x, T"); the column names follow lifetimes'
/// `summary_data_from_transaction_data`. The initialiser validates every row, so a model never
/// sees a negative frequency or a recency beyond T. Weights count identical customers:
/// ``deduplicated()`` collapses equal (x, t_x, T) rows, which is how fitting stays fast on large
/// customer bases (there are far fewer distinct histories than customers).
public struct CLVSummaryData: Sendable, Equatable {
    public let frequency: [Double]
    public let recency: [Double]
    public let T: [Double]
    /// Mean repeat-purchase value per customer (0 where frequency is 0), when known.
    public let monetaryValue: [Double]?
    /// How many customers each row stands for (all 1 unless given).
    public let weights: [Double]

    public var count: Int { frequency.count }
    /// Σ weights: the number of customers.
    public var totalWeight: Double { weights.reduce(0, +) }

    /// Validates and stores the summary.
    /// - Throws: ``CLVInputError`` naming the first bad row and column: empty input, unequal
    ///   lengths, non-finite or negative values, a fractional frequency, recency > T, recency > 0 with frequency 0,
    ///   non-positive weights.
    public init(
        frequency: [Double], recency: [Double], T: [Double], monetaryValue: [Double]? = nil,
        weights: [Double]? = nil
    ) throws(CLVInputError) {
        guard !frequency.isEmpty else {
            throw CLVInputError(.empty, row: 0, column: "frequency", message: "no customers")
        }
        for (name, column) in [
            ("recency", recency), ("T", T), ("monetary_value", monetaryValue ?? frequency),
            ("weights", weights ?? frequency),
        ] where column.count != frequency.count {
            throw CLVInputError(
                .lengthMismatch, row: 0, column: name,
                message: "has \(column.count) values but frequency has \(frequency.count)")
        }
        for i in frequency.indices {
            let row = i + 1
            try Self.check(frequency[i], row: row, column: "frequency")
            if frequency[i] != frequency[i].rounded() {
                throw CLVInputError(
                    .notInteger, row: row, column: "frequency",
                    message: "\(frequency[i]) is not a whole number of repeat purchases")
            }
            try Self.check(recency[i], row: row, column: "recency")
            try Self.check(T[i], row: row, column: "T")
            if recency[i] > T[i] * (1 + 1e-12) {
                throw CLVInputError(
                    .recencyAfterT, row: row, column: "recency",
                    message: "recency \(recency[i]) is greater than T \(T[i])")
            }
            if frequency[i] == 0 && recency[i] != 0 {
                throw CLVInputError(
                    .zeroFrequencyWithRecency, row: row, column: "recency",
                    message: "recency must be 0 when frequency is 0 (got \(recency[i]))")
            }
            if let m = monetaryValue?[i] { try Self.check(m, row: row, column: "monetary_value") }
            if let w = weights?[i], !(w > 0 && w.isFinite) {
                throw CLVInputError(
                    .outOfRange, row: row, column: "weights", message: "weight must be positive (got \(w))")
            }
        }
        self.frequency = frequency
        self.recency = recency
        self.T = T
        self.monetaryValue = monetaryValue
        self.weights = weights ?? Array(repeating: 1, count: frequency.count)
    }

    private init(unchecked frequency: [Double], _ recency: [Double], _ T: [Double], _ weights: [Double]) {
        self.frequency = frequency
        self.recency = recency
        self.T = T
        self.monetaryValue = nil
        self.weights = weights
    }

    private static func check(_ v: Double, row: Int, column: String) throws(CLVInputError) {
        guard v.isFinite else {
            throw CLVInputError(.notFinite, row: row, column: column, message: "\(v) is not a finite number")
        }
        guard v >= 0 else { throw CLVInputError(.negative, row: row, column: column, message: "\(v) is negative") }
    }

    /// The distinct (x, t_x, T) rows with summed weights (monetary values dropped), and for each
    /// original row the index of its distinct row.
    public func deduplicated() -> (data: CLVSummaryData, index: [Int]) {
        struct Key: Hashable { let x, tx, t: Double }
        var position: [Key: Int] = [:]
        var f: [Double] = [], r: [Double] = [], t: [Double] = [], w: [Double] = []
        var index = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let key = Key(x: frequency[i], tx: recency[i], t: T[i])
            if let p = position[key] {
                w[p] += weights[i]
                index[i] = p
            } else {
                position[key] = f.count
                index[i] = f.count
                f.append(frequency[i]); r.append(recency[i]); t.append(T[i]); w.append(weights[i])
            }
        }
        return (CLVSummaryData(unchecked: f, r, t, w), index)
    }
}
