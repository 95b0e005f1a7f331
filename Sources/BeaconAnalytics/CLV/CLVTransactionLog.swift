/// A transaction log (customer, day, amount) and its reduction to the RFM summary the CLV
/// models are fitted on, with an optional calibration/holdout split.
///
/// Follows lifetimes 0.11.3 (`summary_data_from_transaction_data`, `calibration_and_holdout_data`)
/// with `freq="D"`: purchases on the same day merge into one transaction (amounts summed);
/// frequency = distinct purchase days − 1, recency = last − first purchase day, T = end − first
/// purchase day, monetary value = mean of the repeat days' totals (0 without repeats), all divided
/// by `daysPerPeriod` (1 for days, 7 for weeks as in Fader & Hardie's CDNOW summary). Customers
/// whose first purchase is after the end are left out.
public struct CLVTransactionLog: Sendable {
    public let customers: [String]
    public let days: [Int]
    public let amounts: [Double]

    /// Validates the log.
    /// - Throws: ``CLVInputError`` naming the first row with a non-finite amount, or on length mismatch/empty input.
    public init(customers: [String], days: [Int], amounts: [Double]? = nil) throws(CLVInputError) {
        guard !customers.isEmpty else {
            throw CLVInputError(.empty, row: 0, column: "customer", message: "no transactions")
        }
        guard days.count == customers.count else {
            throw CLVInputError(
                .lengthMismatch, row: 0, column: "date",
                message: "has \(days.count) values but customer has \(customers.count)")
        }
        if let amounts {
            guard amounts.count == customers.count else {
                throw CLVInputError(
                    .lengthMismatch, row: 0, column: "amount",
                    message: "has \(amounts.count) values but customer has \(customers.count)")
            }
            if let bad = amounts.firstIndex(where: { !$0.isFinite }) {
                throw CLVInputError(
                    .notFinite, row: bad + 1, column: "amount", message: "\(amounts[bad]) is not a finite number")
            }
        }
        self.customers = customers
        self.days = days
        self.amounts = amounts ?? Array(repeating: 0, count: customers.count)
    }

    /// The RFM summary per customer.
    public struct Summary: Sendable, Equatable {
        /// Customer ids, in order of first appearance in the log.
        public var customers: [String]
        public var data: CLVSummaryData
    }

    /// Calibration summary plus what each calibration customer did in the holdout period.
    public struct CalibrationHoldout: Sendable, Equatable {
        public var customers: [String]
        public var calibration: CLVSummaryData
        /// Distinct purchase days in (calibrationEnd, observationEnd].
        public var holdoutFrequency: [Double]
        /// Mean per-day total in the holdout period (0 without holdout purchases).
        public var holdoutMonetaryValue: [Double]
        /// (observationEnd − calibrationEnd) / daysPerPeriod.
        public var holdoutDuration: Double
    }

    /// Per customer the sorted distinct purchase days with their day totals, restricted to `range`.
    private func dailyTotals(in range: ClosedRange<Int>) -> (
        order: [String], days: [String: [(day: Int, total: Double)]]
    ) {
        var order: [String] = []
        var byCustomer: [String: [Int: Double]] = [:]
        for i in customers.indices where range.contains(days[i]) {
            if byCustomer[customers[i]] == nil { order.append(customers[i]) }
            byCustomer[customers[i], default: [:]][days[i], default: 0] += amounts[i]
        }
        var out: [String: [(day: Int, total: Double)]] = [:]
        for (c, totals) in byCustomer { out[c] = totals.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        return (order, out)
    }

    /// The RFM summary of transactions up to and including day `observationEnd`.
    /// - Throws: ``CLVInputError`` when no customer purchased by `observationEnd`.
    public func summary(observationEnd: Int, daysPerPeriod: Double = 1) throws(CLVInputError) -> Summary {
        let (order, perCustomer) = dailyTotals(in: Int.min...observationEnd)
        var f: [Double] = [], r: [Double] = [], t: [Double] = [], m: [Double] = []
        for c in order {
            let d = perCustomer[c]!
            let repeats = d.dropFirst()
            f.append(Double(repeats.count))
            r.append(Double(d.last!.day - d[0].day) / daysPerPeriod)
            t.append(Double(observationEnd - d[0].day) / daysPerPeriod)
            m.append(repeats.isEmpty ? 0 : repeats.reduce(0) { $0 + $1.total } / Double(repeats.count))
        }
        guard !order.isEmpty else {
            throw CLVInputError(
                .empty, row: 0, column: "date", message: "no transaction on or before the end of the observation period"
            )
        }
        return Summary(customers: order, data: try CLVSummaryData(frequency: f, recency: r, T: t, monetaryValue: m))
    }

    /// Splits the log at `calibrationEnd`: the calibration summary (transactions ≤ calibrationEnd)
    /// and, for the same customers, the holdout transactions in (calibrationEnd, observationEnd].
    /// - Throws: ``CLVInputError`` when `observationEnd` is not after `calibrationEnd` or the
    ///   calibration period is empty.
    public func calibrationHoldout(calibrationEnd: Int, observationEnd: Int, daysPerPeriod: Double = 1)
        throws(CLVInputError) -> CalibrationHoldout
    {
        guard observationEnd > calibrationEnd else {
            throw CLVInputError(
                .outOfRange, row: 0, column: "date", message: "the observation end must come after the calibration end")
        }
        let calibration = try summary(observationEnd: calibrationEnd, daysPerPeriod: daysPerPeriod)
        let holdout = dailyTotals(in: (calibrationEnd + 1)...observationEnd).days
        var frequency: [Double] = [], value: [Double] = []
        for c in calibration.customers {
            let d = holdout[c] ?? []
            frequency.append(Double(d.count))
            value.append(d.isEmpty ? 0 : d.reduce(0) { $0 + $1.total } / Double(d.count))
        }
        return CalibrationHoldout(
            customers: calibration.customers, calibration: calibration.data, holdoutFrequency: frequency,
            holdoutMonetaryValue: value, holdoutDuration: Double(observationEnd - calibrationEnd) / daysPerPeriod)
    }
}
