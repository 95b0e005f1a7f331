/// Histories for the BG/BB model: per customer (or per weighted pattern) the number of
/// transactions x, the opportunity of the last one t_x and the number of opportunities n.
///
/// Fader, Hardie & Shang (2010), §2. Valid rows have integers 0 ≤ x ≤ t_x ≤ n with t_x = 0 exactly
/// when x = 0, and positive weights; the initialiser names the first row and column that is not.
public struct BGBBData: Sendable, Equatable {
    public let frequency: [Int]
    public let recency: [Int]
    public let periods: [Int]
    public let weights: [Double]

    public var count: Int { frequency.count }

    /// Validates the histories; the values are Doubles as read from files and must be whole numbers.
    /// - Throws: ``CLVInputError`` naming the first bad row and column.
    public init(frequency: [Double], recency: [Double], periods: [Double], weights: [Double]? = nil)
        throws(CLVInputError)
    {
        guard !frequency.isEmpty else {
            throw CLVInputError(.empty, row: 0, column: "frequency", message: "no customers")
        }
        for (name, c) in [("recency", recency), ("periods", periods), ("weights", weights ?? frequency)]
        where c.count != frequency.count {
            throw CLVInputError(
                .lengthMismatch, row: 0, column: name,
                message: "has \(c.count) values but frequency has \(frequency.count)")
        }
        var f: [Int] = [], r: [Int] = [], n: [Int] = []
        func whole(_ v: Double, _ row: Int, _ column: String) throws(CLVInputError) -> Int {
            guard v.isFinite else {
                throw CLVInputError(.notFinite, row: row, column: column, message: "\(v) is not a finite number")
            }
            guard v >= 0 else { throw CLVInputError(.negative, row: row, column: column, message: "\(v) is negative") }
            guard v == v.rounded(), v < 1e9 else {
                throw CLVInputError(
                    .notInteger, row: row, column: column, message: "\(v) is not a whole number of opportunities")
            }
            return Int(v)
        }
        for i in frequency.indices {
            let row = i + 1
            let x = try whole(frequency[i], row, "frequency")
            let tx = try whole(recency[i], row, "recency")
            let nn = try whole(periods[i], row, "periods")
            if x > tx {
                throw CLVInputError(
                    .outOfRange, row: row, column: "frequency", message: "frequency \(x) exceeds recency \(tx)")
            }
            if tx > nn {
                throw CLVInputError(
                    .recencyAfterT, row: row, column: "recency", message: "recency \(tx) exceeds periods \(nn)")
            }
            if x == 0 && tx != 0 {
                throw CLVInputError(
                    .zeroFrequencyWithRecency, row: row, column: "recency",
                    message: "recency must be 0 when frequency is 0")
            }
            if let w = weights?[i], !(w > 0 && w.isFinite) {
                throw CLVInputError(
                    .outOfRange, row: row, column: "weights", message: "weight must be positive (got \(w))")
            }
            f.append(x); r.append(tx); n.append(nn)
        }
        self.init(unchecked: f, r, n, weights ?? Array(repeating: 1, count: f.count))
    }

    private init(unchecked f: [Int], _ r: [Int], _ n: [Int], _ w: [Double]) {
        frequency = f
        recency = r
        periods = n
        weights = w
    }

    /// Distinct (x, t_x, n) patterns with summed weights.
    public func deduplicated() -> BGBBData {
        struct Key: Hashable { let x, tx, n: Int }
        var order: [Key] = []
        var sums: [Key: Double] = [:]
        for i in 0..<count {
            let k = Key(x: frequency[i], tx: recency[i], n: periods[i])
            if sums[k] == nil { order.append(k) }
            sums[k, default: 0] += weights[i]
        }
        return BGBBData(unchecked: order.map(\.x), order.map(\.tx), order.map(\.n), order.map { sums[$0]! })
    }
}
