/// The preprocessing pipeline of the churn models: median imputation and standardisation of
/// numeric columns, one-hot encoding of categorical ones.
///
/// Mirrors the scikit-learn pipeline most churn notebooks use, so results can be checked
/// side by side: `SimpleImputer(strategy="median")` then `StandardScaler` (population
/// standard deviation; a constant column keeps scale 1) on numbers, and
/// `OneHotEncoder(handle_unknown="ignore")` with levels in sorted order on labels. Every
/// statistic is fitted on the training rows only, so test rows never leak into the model.
/// A level first seen at scoring time encodes as all zeros; a blank numeric cell takes the
/// training median (the Telco file has 11 blank `TotalCharges`).
public struct ChurnPreprocessor: Codable, Sendable {
    /// One input column and the statistics fitted for it.
    public struct Column: Codable, Sendable {
        public var name: String
        public var kind: ChurnFrame.ColumnKind
        /// Numeric: the imputation value (training median).
        public var fill: Double
        /// Numeric: the training mean and standard deviation after imputation.
        public var center: Double
        public var scale: Double
        /// Categorical: the levels in sorted order, one output column each.
        public var levels: [String]
    }

    public private(set) var columns: [Column]
    /// The name of each output column: the input name for numbers, `name=level` for labels.
    public private(set) var featureNames: [String]
    /// For each output column, the index in `columns` of the input column it encodes.
    public private(set) var featureColumn: [Int]

    /// Fits the pipeline on `rows` of `frame`, for the columns named in `names`.
    /// - Throws: `ChurnError` for a missing column or a non-numeric cell in a numeric column.
    public static func fit(frame: ChurnFrame, columns names: [String], rows: [Int]) throws -> ChurnPreprocessor {
        let indices = try names.map { try frame.requireColumn($0) }
        let kinds = try frame.inferKinds(columns: indices)
        var columns: [Column] = []
        for (c, kind) in zip(indices, kinds) {
            var column = Column(name: frame.header[c], kind: kind, fill: 0, center: 0, scale: 1, levels: [])
            switch kind {
            case .numeric:
                var values = rows.compactMap { Double(frame.cell($0, c)) }
                values.sort()
                column.fill = values.isEmpty ? 0 : ChurnPreprocessor.median(sorted: values)
                let n = Double(rows.count)
                var sum = 0.0
                for r in rows { sum += Double(frame.cell(r, c)) ?? column.fill }
                let mean = sum / n
                var squares = 0.0
                for r in rows {
                    let d = (Double(frame.cell(r, c)) ?? column.fill) - mean
                    squares += d * d
                }
                let sd = (squares / n).squareRoot()
                column.center = mean
                column.scale = sd > 1e-12 * max(1, abs(mean)) ? sd : 1
            case .categorical:
                column.levels = Set(rows.map { frame.cell($0, c) }).sorted()
            }
            columns.append(column)
        }
        var featureNames: [String] = []
        var featureColumn: [Int] = []
        for (j, column) in columns.enumerated() {
            switch column.kind {
            case .numeric:
                featureNames.append(column.name)
                featureColumn.append(j)
            case .categorical:
                for level in column.levels {
                    featureNames.append("\(column.name)=\(level)")
                    featureColumn.append(j)
                }
            }
        }
        return ChurnPreprocessor(columns: columns, featureNames: featureNames, featureColumn: featureColumn)
    }

    /// The number of output columns.
    public var width: Int { featureNames.count }

    /// Encodes every row of `frame` (columns are found by name, in any order).
    /// - Returns: an `n × width` matrix.
    /// - Throws: `ChurnError.missingColumn`, or `.badValue` naming the line and column of a
    ///   cell that is neither blank nor a number in a numeric column.
    public func transform(_ frame: ChurnFrame) throws -> Matrix {
        let indices = try columns.map { try frame.requireColumn($0.name) }
        var out = Matrix(rows: frame.rows.count, columns: width)
        let levelIndex: [[String: Int]] = columns.map { column in
            Dictionary(uniqueKeysWithValues: column.levels.enumerated().map { ($1, $0) })
        }
        var offsets: [Int] = []
        var offset = 0
        for column in columns {
            offsets.append(offset)
            offset += column.kind == .numeric ? 1 : column.levels.count
        }
        let p = width
        for i in 0..<frame.rows.count {
            for (j, column) in columns.enumerated() {
                let raw = frame.cell(i, indices[j])
                switch column.kind {
                case .numeric:
                    var x = column.fill
                    if !raw.isEmpty {
                        guard let v = Double(raw), v.isFinite else {
                            throw ChurnError(
                                .badValue, "line \(frame.lines[i]), column '\(column.name)': '\(raw)' is not a number")
                        }
                        x = v
                    }
                    out.elements[i * p + offsets[j]] = (x - column.center) / column.scale
                case .categorical:
                    if let k = levelIndex[j][raw] { out.elements[i * p + offsets[j] + k] = 1 }
                }
            }
        }
        return out
    }

    /// The median of a sorted, non-empty array (mean of the two middle values for even counts).
    static func median(sorted values: [Double]) -> Double {
        let n = values.count
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
    }
}
