import BeaconCore
import Foundation

/// The statements that write the analytics projection (`commerce_facts`, `identity_links`),
/// written once for both backends: appends run them in the event's transaction, the backfill
/// over existing logs.
///
/// Both are `INSERT … ON CONFLICT DO NOTHING`, so writing a fact twice (a resumed backfill)
/// changes nothing, and an identity link keeps the first event that made it.
enum CommerceFactRows {
    static let factColumns = [
        "workspace_id", "seq", "message_id", "kind", "type", "name", "time", "day", "user_id", "anonymous_id",
        "order_id", "amount", "revenue", "utm_source", "utm_medium", "utm_campaign", "referrer", "touch_channel",
        "has_source", "spend_channel",
    ]
    static let linkColumns = ["workspace_id", "anonymous_id", "user_id", "seq", "time"]

    /// Facts and links of the events `(workspace, sequence, event)` just stored.
    static func rows(_ stored: [(workspaceId: String, sequence: Int64, event: Event)])
        -> (facts: [[SQLValue]], links: [[SQLValue]])
    {
        var facts: [[SQLValue]] = []
        var links: [[SQLValue]] = []
        for (workspaceId, sequence, event) in stored {
            if let fact = CommerceFact(event, sequence: sequence) {
                facts.append(values(fact, workspaceId: workspaceId))
            }
            for link in IdentityLink.links(in: event, sequence: sequence) {
                links.append([
                    .text(workspaceId), .text(link.anonymousId), .text(link.userId), .integer(link.sequence),
                    SQLValue(link.time),
                ])
            }
        }
        return (facts, links)
    }

    static func values(_ f: CommerceFact, workspaceId: String) -> [SQLValue] {
        [
            .text(workspaceId), .integer(f.sequence), .text(f.messageId), .text(f.kind.rawValue),
            .text(f.type.rawValue),
            .text(f.name), SQLValue(f.time), .integer(Int64(f.day)), SQLValue(f.userId), SQLValue(f.anonymousId),
            SQLValue(f.orderId), f.amount.map(SQLValue.real) ?? .null, f.revenue.map(SQLValue.real) ?? .null,
            SQLValue(f.touch.utmSource), SQLValue(f.touch.utmMedium), SQLValue(f.touch.utmCampaign),
            SQLValue(f.touch.referrer), SQLValue(f.touch.channel), .integer(f.hasSource ? 1 : 0),
            SQLValue(f.spendChannel),
        ]
    }

    /// `INSERT` of `count` facts.
    static func insertFacts(count: Int) -> String {
        insert("commerce_facts", factColumns, count: count, key: "workspace_id, seq")
    }

    /// `INSERT` of `count` identity links.
    static func insertLinks(count: Int) -> String {
        insert("identity_links", linkColumns, count: count, key: "workspace_id, anonymous_id, user_id")
    }

    /// Statements writing `rows` in chunks of at most `rowsPerStatement` (PostgreSQL's 65,535
    /// binds per statement allow 3,000 facts of 20 columns).
    static func statements(_ rows: (facts: [[SQLValue]], links: [[SQLValue]]), rowsPerStatement: Int = 1_000)
        -> [(sql: String, arguments: [SQLValue])]
    {
        var out: [(sql: String, arguments: [SQLValue])] = []
        for (table, rows) in [(true, rows.facts), (false, rows.links)] {
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
                start += chunk.count
                let sql = table ? insertFacts(count: chunk.count) : insertLinks(count: chunk.count)
                out.append((sql, chunk.flatMap { $0 }))
            }
        }
        return out
    }

    private static func insert(_ table: String, _ columns: [String], count: Int, key: String) -> String {
        let row = "(" + columns.map { _ in "?" }.joined(separator: ",") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: count).joined(separator: ",") + " ON CONFLICT (\(key)) DO NOTHING"
    }
}
