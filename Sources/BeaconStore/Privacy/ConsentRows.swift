import BeaconCore
import Foundation

/// The statements that append the consent history (`consent_records`) for events just
/// stored, written once for both backends and run in the events' own transaction, so a
/// committed event's consent is committed with it. `ON CONFLICT DO NOTHING`: the history is
/// append-only and a row is never rewritten.
enum ConsentRows {
    static let columns = [
        "workspace_id", "message_id", "identifier_kind", "identifier_value", "category", "granted", "source", "at",
        "policy_version", "seq",
    ]

    static func statements(_ stored: [(workspaceId: String, sequence: Int64, event: Event)], rowsPerStatement: Int = 500)
        -> [(sql: String, arguments: [SQLValue])]
    {
        var rows: [[SQLValue]] = []
        for (workspaceId, sequence, event) in stored {
            for r in ConsentPreferences.records(in: event) {
                rows.append([
                    .text(workspaceId), .text(r.messageId), .text(r.identifier.kind), .text(r.identifier.value),
                    .text(r.category), .integer(r.granted ? 1 : 0), .text(r.source), SQLValue(r.at),
                    SQLValue(r.policyVersion), .integer(sequence),
                ])
            }
        }
        var out: [(sql: String, arguments: [SQLValue])] = []
        var start = 0
        let row = "(" + columns.map { _ in "?" }.joined(separator: ",") + ")"
        while start < rows.count {
            let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
            start += chunk.count
            out.append((
                "INSERT INTO consent_records (\(columns.joined(separator: ", "))) VALUES "
                    + Array(repeating: row, count: chunk.count).joined(separator: ",")
                    + " ON CONFLICT (workspace_id, message_id, identifier_kind, category) DO NOTHING",
                chunk.flatMap { $0 }))
        }
        return out
    }
}
