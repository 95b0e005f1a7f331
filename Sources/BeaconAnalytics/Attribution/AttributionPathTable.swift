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
        let lookup = AttributionColumnLookup(header: header)
        let column = lookup.index
        let require = lookup.require
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
        let separator = Array(format.separator.utf8)
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
            let complete = splitPath(path, separator: separator) { interner.index(of: $0) }
            guard let touchList = complete else {
                throw AttributionInputError(
                    line: row.line, column: format.pathColumn, message: "the path '\(path)' has an empty channel name")
            }
            journeys.append(
                AttributionJourney(
                    touches: touchList,
                    conversions: try count(conversionIndex, format.conversionsColumn),
                    value: try count(valueIndex, format.valueColumn),
                    nulls: try count(nullIndex, format.nullColumn)))
        }
        return AttributionDataset(channels: interner.names, journeys: journeys)
    }

    /// Splits a path on `separator` at the UTF-8 level (paths are the bulk of a large file),
    /// trimming spaces and tabs around each channel; nil when a channel name is empty.
    private static func splitPath(_ path: Substring, separator: [UInt8], intern: (String) -> Int) -> [Int]? {
        var touches: [Int] = []
        var failed = false
        var copy = path
        copy.withUTF8 { bytes in
            let n = bytes.count
            let m = separator.count
            var start = 0
            var i = 0
            func emit(_ from: Int, _ to: Int) {
                var a = from
                var b = to
                while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
                while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
                if a == b {
                    failed = true
                } else {
                    touches.append(intern(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)))
                }
            }
            while i + m <= n {
                var match = true
                for k in 0..<m where bytes[i + k] != separator[k] {
                    match = false
                    break
                }
                if match {
                    emit(start, i)
                    i += m
                    start = i
                } else {
                    i += 1
                }
            }
            emit(start, n)
        }
        return failed ? nil : touches
    }

    private static func trimmed(_ s: Substring) -> Substring {
        let utf8 = s.utf8
        var a = utf8.startIndex
        var b = utf8.endIndex
        while a < b, utf8[a] == 0x20 || utf8[a] == 0x09 { a = utf8.index(after: a) }
        while b > a, utf8[utf8.index(before: b)] == 0x20 || utf8[utf8.index(before: b)] == 0x09 {
            b = utf8.index(before: b)
        }
        return Substring(utf8[a..<b])
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
