import BeaconCore
import Foundation

/// Writing the segmentation commands' results: CSV rows, JSON documents, number formats and
/// stderr notes, to standard output or a file.
enum SegmentationOutput {
    /// One CSV line (RFC 4180 quoting where needed), without the line break.
    static func csvLine(_ fields: [String]) -> String {
        CSVRecord.line(fields)
    }

    /// A number for CSV/text: integers without a fraction, others with up to `digits`
    /// significant decimals; non-finite values as an empty string.
    static func number(_ value: Double, digits: Int = 6) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.\(digits)g", value)
    }

    /// A fixed-decimals number for text tables.
    static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "n/a"
    }

    /// A JSON number, or null for NaN and infinities (JSON has no such values).
    static func json(_ value: Double) -> Any { value.isFinite ? value : NSNull() }

    /// Serialises a JSON object with sorted keys.
    static func jsonText(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes `text` (plus a final newline) to `path`, or to standard output when nil.
    static func emit(_ text: String, to path: String?) throws {
        let body = text.hasSuffix("\n") ? text : text + "\n"
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: Data(body.utf8)) else {
                throw CommandError("cannot write file '\(path)'")
            }
        } else {
            FileHandle.standardOutput.write(Data(body.utf8))
        }
    }

    /// A note for the person at the terminal, on standard error so pipes stay clean.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data(("note: " + text + "\n").utf8))
    }

    /// A left-aligned text table with a header row.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        let render = { (row: [String]) in
            row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([render(header)] + rows.map(render)).joined(separator: "\n")
    }
}
