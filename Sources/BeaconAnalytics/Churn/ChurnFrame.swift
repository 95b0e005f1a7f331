/// A table of customers as text cells, the raw input of the churn models.
///
/// Kept as strings (the way a CSV file or an export arrives) so that column types are
/// decided once, by `inferKinds`, with errors that name the file line and column of a bad
/// cell. `lines[i]` is the line number a person would open in an editor for row `i`.
/// Short rows read as blank cells.
public struct ChurnFrame: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// The 1-based file line of each row (header is line 1), for error messages.
    public var lines: [Int]

    /// A frame; `lines` defaults to `2, 3, …` as in a CSV file with a header line.
    public init(header: [String], rows: [[String]], lines: [Int]? = nil) {
        self.header = header
        self.rows = rows
        self.lines = lines ?? Array((0..<rows.count).map { $0 + 2 })
    }

    /// The column type the preprocessing pipeline gives each feature.
    public enum ColumnKind: String, Codable, Sendable {
        /// Numbers; blank cells are imputed.
        case numeric
        /// Labels; one indicator column per level.
        case categorical
    }

    /// The index of a column by exact name, then case-insensitively.
    public func column(_ name: String) -> Int? {
        header.firstIndex(of: name) ?? header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// The index of a column.
    /// - Throws: `ChurnError.missingColumn` listing the columns the table has.
    public func requireColumn(_ name: String) throws -> Int {
        guard let index = column(name) else {
            throw ChurnError(
                .missingColumn, "column '\(name)' not found; the file has: \(header.joined(separator: ", "))")
        }
        return index
    }

    /// The trimmed cell at row `row`, column `column` ("" for a short row).
    public func cell(_ row: Int, _ column: Int) -> String {
        let fields = rows[row]
        guard column < fields.count else { return "" }
        return ChurnFrame.trim(fields[column])
    }

    /// The 0/1 labels of `target`: 1 where the cell equals `positive`.
    ///
    /// - Throws: `ChurnError.emptyInput` for no rows, `.missingColumn`, `.badTarget` for a blank
    ///   target cell (naming its line), for a third distinct label, or when one class is absent.
    public func labels(target: String, positive: String) throws -> [Double] {
        guard !rows.isEmpty else { throw ChurnError(.emptyInput, "the input has no data rows") }
        let t = try requireColumn(target)
        var negative: String? = nil
        var labels = [Double](repeating: 0, count: rows.count)
        for i in rows.indices {
            let value = cell(i, t)
            if value.isEmpty {
                throw ChurnError(.badTarget, "line \(lines[i]), column '\(header[t])': the target is blank")
            }
            if value == positive {
                labels[i] = 1
            } else if negative == nil {
                negative = value
            } else if value != negative {
                throw ChurnError(
                    .badTarget,
                    "line \(lines[i]), column '\(header[t])': '\(value)' is a third label; the target must be "
                        + "'\(positive)' or one other value (already seen '\(negative!)')")
            }
        }
        let positives = labels.reduce(0, +)
        if positives == 0 {
            throw ChurnError(
                .badTarget, "no row has \(header[t]) = '\(positive)'; the column holds '\(negative ?? "")'")
        }
        if positives == Double(rows.count) {
            throw ChurnError(.badTarget, "every row has \(header[t]) = '\(positive)'; a model needs both classes")
        }
        return labels
    }

    /// The identifier column: the first text column whose cells are all distinct and
    /// non-blank (e.g. `customerID`), or nil. Such a column cannot generalise, so it is used
    /// to name customers rather than as a feature.
    public func detectIdentifier(excluding: Set<Int> = []) -> Int? {
        guard rows.count > 1 else { return nil }
        for c in header.indices where !excluding.contains(c) {
            var seen = Set<String>()
            var ok = true
            for i in rows.indices {
                let v = cell(i, c)
                if v.isEmpty || Double(v) != nil || !seen.insert(v).inserted {
                    ok = false
                    break
                }
            }
            if ok { return c }
        }
        return nil
    }

    /// The kind of each column in `columns`, from all rows.
    ///
    /// A column is numeric when at least 90 % of its non-blank cells parse as finite
    /// numbers; any other non-blank cell in it is then an error, not a silent level, because
    /// it is almost always a typo or a unit (`"12 USD"`). Blank cells are allowed in numeric
    /// columns and are imputed later.
    /// - Throws: `ChurnError.badValue` naming the line and column of the first bad cell.
    public func inferKinds(columns: [Int]) throws -> [ColumnKind] {
        try columns.map { c in
            var numbers = 0
            var nonBlank = 0
            for i in rows.indices {
                let v = cell(i, c)
                if v.isEmpty { continue }
                nonBlank += 1
                if let x = Double(v), x.isFinite { numbers += 1 }
            }
            guard nonBlank > 0, Double(numbers) >= 0.9 * Double(nonBlank) else { return .categorical }
            if numbers < nonBlank,
                let i = rows.indices.first(where: { !cell($0, c).isEmpty && !ChurnFrame.isNumber(cell($0, c)) })
            {
                throw ChurnError(
                    .badValue,
                    "line \(lines[i]), column '\(header[c])': '\(cell(i, c))' is not a number "
                        + "(\(numbers) of \(nonBlank) non-blank cells in this column are numbers)")
            }
            return .numeric
        }
    }

    static func isNumber(_ s: String) -> Bool {
        if let x = Double(s) { return x.isFinite }
        return false
    }

    static func trim(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == " " || f == "\t" { sub.removeFirst() }
        while let l = sub.last, l == " " || l == "\t" { sub.removeLast() }
        return sub.count == s.count ? s : String(sub)
    }
}
