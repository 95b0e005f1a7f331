import BeaconCore
import BeaconStore
import Foundation

/// Everything Beacon holds about one data subject, gathered from every table of
/// `PersonalDataRegistry`: the profile, its identities, every event, the consent history,
/// segment memberships and changes, outbox deliveries and the rest, as JSON or CSV.
public struct SubjectExport: Sendable {
    public var workspaceId: String
    public var identifier: String
    public var generatedAt: Date
    /// The profile as the API shows it, when the subject has one.
    public var profile: JSONValue?
    /// The rows of each registered table, by export section (`events`, `consent`, …).
    public var sections: [(section: String, table: String, rows: [[String: JSONValue]])]

    /// Rows in `section`, from all its tables.
    public func rows(_ section: String) -> [[String: JSONValue]] {
        sections.filter { $0.section == section }.flatMap(\.rows)
    }

    /// Whether anything at all was found.
    public var isEmpty: Bool { profile == nil && sections.allSatisfy { $0.rows.isEmpty } }

    /// `{"workspace", "identifier", "generatedAt", "profile", "<section>": [rows…]}`; document
    /// columns (an event's payload, a profile document) are nested JSON, not strings.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "workspace": .string(workspaceId), "identifier": .string(identifier),
            "generatedAt": .string(Timestamp.format(generatedAt)), "profile": profile ?? .null,
        ]
        for s in sections {
            var rows = o[s.section]?.arrayValue ?? []
            rows += s.rows.map { JSONValue.object($0.merging(["table": .string(s.table)]) { a, _ in a }) }
            o[s.section] = .array(rows)
        }
        return .object(o)
    }

    /// One line per cell: `section,table,row,column,value` (values as JSON text when not a
    /// plain string), after a header; the profile is section `profile`, table `profile`.
    public var csv: String {
        var lines = [CSVRecord.line(["section", "table", "row", "column", "value"])]
        func cell(_ v: JSONValue) -> String { v.stringValue ?? v.serialized() }
        if case .object(let p)? = profile {
            for k in p.keys.sorted() { lines.append(CSVRecord.line(["profile", "profile", "0", k, cell(p[k]!)], protectingFormulas: true)) }
        }
        for s in sections {
            for (n, row) in s.rows.enumerated() {
                for k in row.keys.sorted() {
                    lines.append(CSVRecord.line([s.section, s.table, String(n), k, cell(row[k]!)], protectingFormulas: true))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A row read from the store as JSON: numbers as numbers, document columns parsed.
    static func json(_ row: SQLRow, table: PersonalDataTable) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (column, value) in row.values {
            switch value {
            case .null: out[column] = .null
            case .integer(let i): out[column] = .number(Double(i))
            case .real(let d): out[column] = .number(d)
            case .text(let s):
                let role = table.columns[column]
                if role == .document || role == .searchedDocument, let parsed = try? JSONValue.parse(Data(s.utf8)) {
                    out[column] = parsed
                } else {
                    out[column] = .string(s)
                }
            }
        }
        return out
    }
}
