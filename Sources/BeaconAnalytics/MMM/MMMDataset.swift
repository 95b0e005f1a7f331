/// The input of a marketing-mix model in "wide" form: one row per period (day or week) with
/// the target, one spend column per paid channel, and optional control and event columns.
///
/// `validated()` checks what the model relies on and names the column and row of the first
/// problem: dates parse as `YYYY-MM-DD`, ascend with one fixed step of 1 (daily) or 7
/// (weekly) days and none missing; every value is finite; spend is never negative; and no
/// channel or control is constant (it could not be told apart from the intercept).
public struct MMMDataset: Codable, Sendable {
    /// One named column of numbers.
    public struct Column: Codable, Sendable, Equatable {
        public var name: String
        public var values: [Double]
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// The period dates as written in the input (`YYYY-MM-DD`).
    public var dates: [String]
    /// The name of the target column (e.g. `revenue`).
    public var targetName: String
    public var target: [Double]
    /// Spend per paid channel, in the target's currency.
    public var channels: [Column]
    /// Continuous controls (price, competitor activity, organic reach …).
    public var controls: [Column]
    /// Holiday and event indicators (0/1 or intensities).
    public var events: [Column]

    public init(
        dates: [String], targetName: String = "revenue", target: [Double], channels: [Column],
        controls: [Column] = [], events: [Column] = []
    ) {
        self.dates = dates
        self.targetName = targetName
        self.target = target
        self.channels = channels
        self.controls = controls
        self.events = events
    }

    public var count: Int { dates.count }

    /// The checked dataset's calendar: parsed dates and the step between periods.
    public struct Calendar: Sendable {
        public var dates: [MMMCalendarDate]
        /// 1 for daily data, 7 for weekly.
        public var stepDays: Int
        /// Periods per year (365.25 or 365.25 / 7).
        public var periodsPerYear: Double { 365.25 / Double(stepDays) }
    }

    /// Checks the data and returns its calendar.
    /// - Throws: `MMMError` naming the column and row of the first problem found.
    public func validated(minimumRows: Int = 10) throws -> Calendar {
        let n = dates.count
        guard n >= minimumRows else {
            throw MMMError(.tooFewRows, "need at least \(minimumRows) periods, got \(n)")
        }
        guard !channels.isEmpty else { throw MMMError(.badSetting, "at least one channel is required") }
        for column in [Column(name: targetName, values: target)] + channels + controls + events {
            guard column.values.count == n else {
                throw MMMError(
                    .lengthMismatch, column: column.name,
                    "has \(column.values.count) values for \(n) dates")
            }
            if let bad = column.values.firstIndex(where: { !$0.isFinite }) {
                throw MMMError(.nonFinite, column: column.name, row: bad, "value is not a finite number")
            }
        }
        var parsed: [MMMCalendarDate] = []
        parsed.reserveCapacity(n)
        for (i, text) in dates.enumerated() {
            guard let d = MMMCalendarDate(iso: text) else {
                throw MMMError(.badDate, column: "date", row: i, "'\(text)' is not a YYYY-MM-DD date")
            }
            parsed.append(d)
        }
        var gaps: [Int: Int] = [:]
        for i in 1..<n {
            let gap = parsed[i].day - parsed[i - 1].day
            guard gap > 0 else {
                throw MMMError(
                    .unsortedDates, column: "date", row: i,
                    "\(parsed[i]) does not come after \(parsed[i - 1]); sort the rows by date and remove duplicates")
            }
            gaps[gap, default: 0] += 1
        }
        let step = gaps.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
        guard step == 1 || step == 7 else {
            throw MMMError(
                .irregularFrequency, column: "date",
                "dates are \(step) days apart; the model needs daily or weekly periods")
        }
        for i in 1..<n where parsed[i].day - parsed[i - 1].day != step {
            let missing = (parsed[i].day - parsed[i - 1].day) / step - 1
            throw MMMError(
                .missingDates, column: "date", row: i,
                "\(missing > 0 ? "\(missing) period(s) missing" : "irregular step") between \(parsed[i - 1]) and \(parsed[i]) (data is \(step == 1 ? "daily" : "weekly"))"
            )
        }
        for channel in channels {
            if let bad = channel.values.firstIndex(where: { $0 < 0 }) {
                throw MMMError(
                    .negativeSpend, column: channel.name, row: bad,
                    "spend \(channel.values[bad]) is negative")
            }
        }
        for column in channels + controls + [Column(name: targetName, values: target)] {
            let first = column.values[0]
            if column.values.allSatisfy({ $0 == first }) {
                throw MMMError(
                    .constantColumn, column: column.name,
                    "every value is \(first); a constant column cannot be separated from the intercept")
            }
        }
        return Calendar(dates: parsed, stepDays: step)
    }
}
