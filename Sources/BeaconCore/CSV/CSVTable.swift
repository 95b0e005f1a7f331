import Foundation

/// A parsed CSV file: a header and rows of string fields, parsed per RFC 4180.
///
/// Quoted fields may contain the delimiter, doubled quotes and line breaks. A UTF-8 byte
/// order mark before the header is dropped. Rows keep their 1-based line number in the
/// file so that errors can name the line a person would open in an editor.
public struct CSVTable: Sendable {
    /// One data row with the line number (1-based, header is line 1) it started on.
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]

    /// Parses `text`; the first record is the header.
    /// - Parameters:
    ///   - text: the whole file.
    ///   - delimiter: the field separator (`,` by default; `;` and tab are common too).
    public init(text: String, delimiter: Character = ",") {
        self.init(records: CSVTable.parseRecords(text, delimiter: delimiter))
    }

    /// Parses UTF-8 bytes (the fast path for large files); the first record is the header.
    public init(bytes: [UInt8], delimiter: Character = ",") {
        self.init(records: bytes.withUnsafeBufferPointer {
            CSVTable.parseRecords(bytes: $0, delimiter: delimiter.asciiValue ?? UInt8(ascii: ","))
        })
    }

    private init(records: [Row]) {
        var records = records
        if var first = records.first?.fields.first, first.hasPrefix("\u{FEFF}") {
            first.removeFirst()
            records[0].fields[0] = first
        }
        header = records.first.map { $0.fields.map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        rows = Array(records.dropFirst())
    }

    /// The index of a column by name (exact match first, then case-insensitive).
    public func column(_ name: String) -> Int? {
        header.firstIndex(of: name) ?? header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The index of a column by name.
    /// - Throws: `CSVError.missingColumn` naming the column and the columns the file has.
    public func requireColumn(_ name: String) throws -> Int {
        guard let index = column(name) else { throw CSVError.missingColumn(name, available: header) }
        return index
    }

    static func parseRecords(_ text: String, delimiter: Character) -> [Row] {
        var text = text
        return text.withUTF8 { parseRecords(bytes: $0, delimiter: delimiter.asciiValue ?? UInt8(ascii: ",")) }
    }

    /// Byte-level RFC 4180 state machine; fields are decoded as UTF-8 once, when complete.
    static func parseRecords(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> [Row] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldStarted = false
        var line = 1
        var recordLine = 1
        var i = 0
        let n = bytes.count
        func endRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Row(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }
        while i < n {
            let c = bytes[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < n, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if c == lf { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case quote where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case delimiter:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
            case lf, cr:
                endRecord()
                if c == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                line += 1
                recordLine = line
            default:
                field.append(c)
                fieldStarted = true
            }
            i += 1
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}

/// An error reading a CSV file, naming the file, column, line or field at fault.
public enum CSVError: Error, CustomStringConvertible, Equatable {
    case missingColumn(String, available: [String])
    case badValue(line: Int, column: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .missingColumn(let name, let available):
            return "column '\(name)' not found; the file has: \(available.joined(separator: ", "))"
        case .badValue(let line, let column, let value, let expected):
            return "line \(line), column '\(column)': '\(value)' is not \(expected)"
        }
    }
}

extension CSVTable.Row {
    /// The field at `index`, or "" for a short row.
    public subscript(_ index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }

    /// The field at `index` as a `Double`.
    /// - Throws: `CSVError.badValue` naming the line and column.
    public func double(_ index: Int, column: String) throws -> Double {
        let raw = self[index].trimmingCharacters(in: .whitespaces)
        guard let value = Double(raw), value.isFinite else {
            throw CSVError.badValue(line: line, column: column, value: raw, expected: "a number")
        }
        return value
    }
}
