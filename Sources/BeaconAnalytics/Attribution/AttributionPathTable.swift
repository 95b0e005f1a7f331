/// Reads journeys from rows of a ChannelAttribution-style path table.
///
/// The format is the one of the ChannelAttribution package (Altomare & Loris): one row per
/// distinct path, `path;total_conversions;total_conversion_value;total_null`, the path being
/// channel names joined by `>` (spaces around names are ignored, as ChannelAttribution does).
/// Column names and the path separator are options. The caller splits the file into fields
/// (the CLI uses `CSVTable`); this type only interprets them, so errors name the line.
///
/// Rejected with an `AttributionInputError` naming the line and column: a missing column, an
/// empty path or an empty channel name in it, and a count that is not a finite number or is
/// negative. A row with neither conversions nor nulls is accepted and carries no weight, as in
/// ChannelAttribution.
public struct AttributionPathTable: Sendable {
    /// Column names and the path separator.
    public struct Format: Sendable, Hashable, Codable {
        public var pathColumn: String
        public var conversionsColumn: String
        /// The revenue column; when nil, or absent from a file while `requireValue` is false,
        /// values are 0.
        public var valueColumn: String?
        /// The non-converting count column; when nil or absent (and not required), nulls are 0.
        public var nullColumn: String?
        /// Whether a missing value or null column is an error rather than zeros.
        public var requireOptionalColumns: Bool
        /// Separates channels inside a path.
        public var separator: String

        public init(
            pathColumn: String = "path", conversionsColumn: String = "total_conversions",
            valueColumn: String? = "total_conversion_value", nullColumn: String? = "total_null",
            requireOptionalColumns: Bool = false, separator: String = ">"
        ) {
            self.pathColumn = pathColumn
            self.conversionsColumn = conversionsColumn
            self.valueColumn = valueColumn
            self.nullColumn = nullColumn
            self.requireOptionalColumns = requireOptionalColumns
            self.separator = separator
        }
    }

    /// One row of fields and the 1-based line it came from (the header is line 1).
    public typealias Row = (line: Int, fields: [String])

    /// Parses the rows into a data set.
    /// - Parameters:
    ///   - header: the column names.
    ///   - rows: the data rows with their line numbers.
    ///   - format: column names and separator.
    /// - Throws: `AttributionInputError` naming the line and column at fault.
    public static func dataset(header: [String], rows: [Row], format: Format = Format()) throws
        -> AttributionDataset
    {
        func column(_ name: String) -> Int? {
            header.firstIndex(of: name) ?? header.firstIndex { $0.lowercased() == name.lowercased() }
        }
        func require(_ name: String) throws -> Int {
            guard let i = column(name) else {
                throw AttributionInputError(
                    line: 1, column: name,
                    message: "column '\(name)' not found; the file has: \(header.joined(separator: ", "))")
            }
            return i
        }
        let pathIndex = try require(format.pathColumn)
        let conversionIndex = try require(format.conversionsColumn)
        let valueIndex = try format.valueColumn.flatMap {
            format.requireOptionalColumns ? try require($0) : column($0)
        }
        let nullIndex = try format.nullColumn.flatMap {
            format.requireOptionalColumns ? try require($0) : column($0)
        }
        guard !format.separator.isEmpty else {
            throw AttributionInputError(line: nil, column: nil, message: "the path separator is empty")
        }

        var interner = AttributionChannelInterner()
        var journeys: [AttributionJourney] = []
        journeys.reserveCapacity(rows.count)
        for row in rows {
            func field(_ index: Int) -> Substring {
                index < row.fields.count ? trimmed(row.fields[index][...]) : ""
            }
            func count(_ index: Int?, _ name: String?) throws -> Double {
                guard let index, let name else { return 0 }
                let raw = field(index)
                guard let value = Double(raw), value.isFinite else {
                    throw AttributionInputError(
                        line: row.line, column: name, message: "'\(raw)' is not a number")
                }
                guard value >= 0 else {
                    throw AttributionInputError(line: row.line, column: name, message: "\(raw) is negative")
                }
                return value
            }
            let path = field(pathIndex)
            guard !path.isEmpty else {
                throw AttributionInputError(line: row.line, column: format.pathColumn, message: "the path is empty")
            }
            var touches: [Int] = []
            for token in path.split(separator: format.separator, omittingEmptySubsequences: false) {
                let name = trimmed(token)
                guard !name.isEmpty else {
                    throw AttributionInputError(
                        line: row.line, column: format.pathColumn,
                        message: "the path '\(path)' has an empty channel name")
                }
                touches.append(interner.index(of: String(name)))
            }
            journeys.append(
                AttributionJourney(
                    touches: touches,
                    conversions: try count(conversionIndex, format.conversionsColumn),
                    value: try count(valueIndex, format.valueColumn),
                    nulls: try count(nullIndex, format.nullColumn)))
        }
        return AttributionDataset(channels: interner.names, journeys: journeys)
    }

    private static func trimmed(_ s: Substring) -> Substring {
        var s = s
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}

/// Bad attribution input: names the line (1-based, header = 1) and column when known.
public struct AttributionInputError: Error, CustomStringConvertible, Equatable, Sendable {
    public var line: Int?
    public var column: String?
    public var message: String

    public init(line: Int?, column: String?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let line { parts.append("line \(line)") }
        if let column { parts.append("column '\(column)'") }
        return parts.isEmpty ? message : parts.joined(separator: ", ") + ": " + message
    }
}
