import BeaconAnalytics
import BeaconCore
import Foundation

/// A CSV file's rows with VADER's `neg`, `neu`, `pos` and `compound` for one text column
/// appended, as `beacon sentiment` writes them.
///
/// The input must be UTF-8 (an ill-formed byte is an error naming the line, the column and the
/// field); an empty text scores 0 on all four, as `vadersentiment` 3.3.2 scores it. Scores are
/// written in Python's `repr` form, so the output can be diffed against the reference's.
public struct SentimentAnnotation: Sendable {
    /// The output forms: CSV (the input's columns, then the four scores) or a JSON array of
    /// objects with the same keys in the same order.
    public enum Format: String, CaseIterable, Sendable {
        case csv, json
    }

    /// The appended column names.
    public static let scoreColumns = ["neg", "neu", "pos", "compound"]

    public var header: [String]
    public var rows: [[String]]
    public var scores: [SentimentScores]

    /// Reads `bytes` (the whole CSV file, gzip already inflated) and scores `textColumn`.
    /// - Parameter source: the file's name in error messages ("standard input" for "-").
    /// - Throws: `SentimentInputError` naming the file, and the line, column and field at fault.
    public init(
        csv bytes: [UInt8], source: String, textColumn: String, delimiter: Character = ",",
        analyzer: VADERSentimentAnalyzer = VADERSentimentAnalyzer()
    ) throws {
        if let bad = UTF8Validation.firstInvalid(in: bytes) {
            let field = Self.field(containing: bad.offset, of: bytes, delimiter: delimiter)
            throw SentimentInputError(
                source: source, line: bad.line, column: bad.column, field: field,
                message: "not UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true))); convert the file, "
                    + "e.g. iconv -f latin1 -t utf-8")
        }
        let table = CSVTable(bytes: bytes, delimiter: delimiter)
        guard !table.header.isEmpty else {
            throw SentimentInputError(source: source, line: 1, message: "the file is empty (expected a header row)")
        }
        guard let column = table.column(textColumn) else {
            throw SentimentInputError(
                source: source, line: 1,
                message: "--text-column '\(textColumn)' not found; the header has: "
                    + table.header.joined(separator: ", "))
        }
        header = table.header
        rows = table.rows.map(\.fields)
        let texts = table.rows.map { $0[column] }
        scores = Self.score(texts, with: analyzer)
    }

    /// Scores texts in parallel chunks; the analyzer is pure, so order is all that matters.
    static func score(_ texts: [String], with analyzer: VADERSentimentAnalyzer) -> [SentimentScores] {
        let chunk = 2_048
        let chunks = (texts.count + chunk - 1) / chunk
        guard chunks > 1 else { return texts.map(analyzer.scores) }
        let results = UnsafeMutableBufferPointer<SentimentScores>.allocate(capacity: texts.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min(texts.count, (c + 1) * chunk) {
                (output.baseAddress! + i).initialize(to: analyzer.scores(texts[i]))
            }
        }
        return Array(results)
    }

    /// The annotated table in `format`, UTF-8.
    public func rendered(_ format: Format) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 64)
        switch format {
        case .csv:
            out += Self.csvLine(header + Self.scoreColumns)
            for (row, score) in zip(rows, scores) {
                out += Self.csvLine(Self.padded(row, to: header.count) + Self.values(score))
            }
        case .json:
            out += "["
            for (index, (row, score)) in zip(rows, scores).enumerated() {
                out += index == 0 ? "\n{" : ",\n{"
                let fields = Self.padded(row, to: header.count)
                for (k, name) in header.enumerated() {
                    if k > 0 { out += "," }
                    out += JSONValue.string(name).serialized() + ":" + JSONValue.string(fields[k]).serialized()
                }
                for (name, value) in zip(Self.scoreColumns, Self.values(score)) {
                    out += "," + JSONValue.string(name).serialized() + ":" + value
                }
                out += "}"
            }
            out += rows.isEmpty ? "]\n" : "\n]\n"
        }
        return out
    }

    static func values(_ s: SentimentScores) -> [String] {
        [s.neg, s.neu, s.pos, s.compound].map { "\($0)" }
    }

    static func padded(_ row: [String], to count: Int) -> [String] {
        row.count >= count ? row : row + Array(repeating: "", count: count - row.count)
    }

    /// One RFC 4180 record: fields with a comma, quote or line break are quoted.
    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\n"
    }

    /// The header name of the field a byte offset falls in, found by parsing the file up to it.
    static func field(containing offset: Int, of bytes: [UInt8], delimiter: Character) -> String? {
        let prefix = Array(bytes[..<offset])
        let table = CSVTable(bytes: prefix + [UInt8(ascii: "x")], delimiter: delimiter)
        guard let last = table.rows.last else { return nil }
        let index = last.fields.count - 1
        return index < table.header.count ? table.header[index] : nil
    }
}

/// Bad input to `SentimentAnnotation`, naming the file, line, column and field.
public struct SentimentInputError: Error, CustomStringConvertible, Equatable {
    public var source: String
    public var line: Int
    public var column: Int?
    public var field: String?
    public var message: String

    public init(source: String, line: Int, column: Int? = nil, field: String? = nil, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var place = "\(source), line \(line)"
        if let column { place += ", column \(column)" }
        if let field { place += " (field '\(field)')" }
        return "\(place): \(message)"
    }
}
