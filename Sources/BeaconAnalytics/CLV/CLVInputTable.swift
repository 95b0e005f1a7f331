/// A table of text cells (a parsed CSV or whitespace file) turned into the inputs of the CLV
/// models, with every error naming the file line and column.
///
/// The command line parses files with `CSVTable` and hands the cells here, so the conversion
/// and its checks are library code that tests can reach. Column names are matched
/// case-insensitively, with the aliases of the data sets in use: `frequency`/`x`,
/// `recency`/`t_x`, `T`, `monetary_value`/`zbar`; `customer`/`customer_id`/`id`,
/// `date`, `amount`/`dollar_value`; `periods`/`T`, `weights`/`count`; `cohort`.
public struct CLVInputTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// The file line of each row (for messages); defaults to 2, 3, … (line 1 being the header).
    public var lines: [Int]

    public init(header: [String], rows: [[String]], lines: [Int]? = nil) {
        self.header = header.map { $0.trimmingWhitespace() }
        self.rows = rows
        self.lines = lines ?? rows.indices.map { $0 + 2 }
    }

    /// A whitespace-separated file without a header, e.g. CDNOW_master.txt (`id date cds dollars`)
    /// or CDNOW_sample.txt (`id sampleid date cds dollars`); `names` labels the columns.
    public static func whitespaceSeparated(_ text: String, names: [String]) -> CLVInputTable {
        var rows: [[String]] = []
        var lines: [Int] = []
        // "\r\n" is one Character in Swift: split on isNewline to handle both line endings.
        for (i, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if fields.isEmpty { continue }
            // A header line (CDNOW_master.txt has one) is any line whose last field is not a number.
            if rows.isEmpty && Double(fields.last!) == nil { continue }
            rows.append(fields)
            lines.append(i + 1)
        }
        return CLVInputTable(header: names, rows: rows, lines: lines)
    }

    /// The index of the first column named one of `names`.
    public func column(_ names: String...) -> Int? {
        for n in names {
            if let i = header.firstIndex(where: { $0.caseInsensitiveEquals(n) }) { return i }
        }
        return nil
    }

    private func require(_ names: String...) throws(CLVInputError) -> Int {
        for n in names {
            if let i = header.firstIndex(where: { $0.caseInsensitiveEquals(n) }) { return i }
        }
        throw CLVInputError(
            .empty, row: 0, column: names[0],
            message: "missing; the file has columns: \(header.joined(separator: ", "))")
    }

    private func nonEmpty() throws(CLVInputError) {
        guard !rows.isEmpty else {
            throw CLVInputError(.empty, row: 0, column: header.first ?? "?", message: "the file has no data rows")
        }
    }

    private func numbers(_ index: Int) throws(CLVInputError) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(rows.count)
        for (r, row) in rows.enumerated() {
            let raw = index < row.count ? row[index].trimmingWhitespace() : ""
            guard let v = Double(raw), v.isFinite else {
                throw CLVInputError(
                    .notFinite, line: lines[r], column: header[index], message: "'\(raw)' is not a number")
            }
            out.append(v)
        }
        return out
    }

    private func strings(_ index: Int) -> [String] {
        rows.map { index < $0.count ? $0[index].trimmingWhitespace() : "" }
    }

    /// Re-labels an error from array row numbers to file lines.
    private func located(_ e: CLVInputError) -> CLVInputError {
        var e = e
        if e.row > 0 && e.row <= lines.count { e.row = lines[e.row - 1] }
        e.rowIsFileLine = true
        return e
    }

    /// The customers' ids (the `ID`/`customer_id` column, else the line numbers) and RFM summary.
    public func summary() throws(CLVInputError) -> (customers: [String], data: CLVSummaryData) {
        try nonEmpty()
        let f = try numbers(try require("frequency", "x"))
        let r = try numbers(try require("recency", "t_x"))
        let t = try numbers(try require("T"))
        let m = try column("monetary_value", "zbar").map { i throws(CLVInputError) in try numbers(i) }
        let ids = column("ID", "customer_id", "customer").map(strings) ?? lines.map(String.init)
        do {
            return (ids, try CLVSummaryData(frequency: f, recency: r, T: t, monetaryValue: m))
        } catch { throw located(error) }
    }

    /// A transaction log from `customer,date[,amount]` (CSV) or the CDNOW layouts.
    public func transactionLog() throws(CLVInputError) -> CLVTransactionLog {
        try nonEmpty()
        let ids = strings(try require("customer", "customer_id", "id"))
        let dateColumn = try require("date", "datetime", "timestamp")
        var days: [Int] = []
        for (r, row) in rows.enumerated() {
            let raw = dateColumn < row.count ? row[dateColumn] : ""
            guard let d = CLVDate.parse(raw) else {
                throw CLVInputError(
                    .notFinite, line: lines[r], column: header[dateColumn],
                    message: "'\(raw)' is not a date (YYYY-MM-DD or YYYYMMDD)")
            }
            days.append(d)
        }
        let amounts = try column("amount", "dollar_value", "monetary_value", "value").map { i throws(CLVInputError) in
            try numbers(i)
        }
        do { return try CLVTransactionLog(customers: ids, days: days, amounts: amounts) } catch { throw located(error) }
    }

    /// BG/BB histories: `frequency,recency,periods[,weights]` or `frequency,recency,T` per donor.
    public func bgbbData() throws(CLVInputError) -> BGBBData {
        try nonEmpty()
        let f = try numbers(try require("frequency", "x"))
        let r = try numbers(try require("recency", "t_x"))
        let n = try numbers(try require("periods", "T", "n"))
        let w = try column("weights", "count").map { i throws(CLVInputError) in try numbers(i) }
        do { return try BGBBData(frequency: f, recency: r, periods: n, weights: w) } catch { throw located(error) }
    }

    /// Survivor counts per cohort from `recency,T[,cohort]` rows (see
    /// ``ShiftedBetaGeometricModel/survivors(recency:T:)``), cohorts in order of appearance.
    public func sbgCohorts() throws(CLVInputError) -> [(cohort: String, survivors: [Double])] {
        try nonEmpty()
        let r = try numbers(try require("recency"))
        let t = try numbers(try require("T"))
        let cohorts = column("cohort").map(strings) ?? Array(repeating: "all", count: rows.count)
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (i, c) in cohorts.enumerated() {
            if members[c] == nil { order.append(c) }
            members[c, default: []].append(i)
        }
        var out: [(cohort: String, survivors: [Double])] = []
        for c in order {
            let idx = members[c]!
            do {
                out.append(
                    (c, try ShiftedBetaGeometricModel.survivors(recency: idx.map { r[$0] }, T: idx.map { t[$0] })))
            } catch {
                var e = error
                if e.row > 0 {
                    e.row = lines[idx[e.row - 1]]
                    e.rowIsFileLine = true
                }
                throw e
            }
        }
        return out
    }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    fileprivate func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
