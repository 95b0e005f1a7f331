import BeaconCore

/// What replacing a slice of a workspace's event log did: the events removed and those stored
/// in their place, in one transaction (`EventStore.replaceEvents`).
public struct EventReplacement: Sendable, Equatable {
    public var removed: Int
    public var inserted: Int

    public init(removed: Int, inserted: Int) {
        self.removed = removed
        self.inserted = inserted
    }

    /// The `WHERE` condition of the events a replacement removes: the workspace's events whose
    /// message id starts with one of `prefixes` (compared with `substr`, so no character of a
    /// prefix is a pattern).
    static func condition(workspaceId: String, prefixes: [String]) -> (sql: String, arguments: [SQLValue]) {
        let alternatives = prefixes.map { "substr(message_id, 1, \($0.count)) = ?" }.joined(separator: " OR ")
        return ("workspace_id = ? AND (\(prefixes.isEmpty ? "1 = 0" : alternatives))",
                [.text(workspaceId)] + prefixes.map(SQLValue.text))
    }

    /// The statements that count (first) and then remove the events a replacement removes,
    /// with the rows the log's projections hold for them (`EventLogProjection`) and the
    /// identity links left without an event, as retention removes them.
    static func removals(workspaceId: String, prefixes: [String]) -> (
        count: (sql: String, arguments: [SQLValue]), delete: [(sql: String, arguments: [SQLValue])]
    ) {
        let c = condition(workspaceId: workspaceId, prefixes: prefixes)
        let delete: [(sql: String, arguments: [SQLValue])] = [
            ("DELETE FROM commerce_facts WHERE workspace_id = ? AND seq IN (SELECT seq FROM events WHERE \(c.sql))",
             [.text(workspaceId)] + c.arguments),
            ("DELETE FROM consent_records WHERE workspace_id = ? AND seq IN (SELECT seq FROM events WHERE \(c.sql))",
             [.text(workspaceId)] + c.arguments),
            ("DELETE FROM events WHERE \(c.sql)", c.arguments),
            ("""
             DELETE FROM identity_links WHERE workspace_id = ? AND NOT EXISTS
               (SELECT 1 FROM events e WHERE e.workspace_id = identity_links.workspace_id AND e.seq = identity_links.seq)
             """, [.text(workspaceId)]),
        ]
        return (("SELECT COUNT(*) AS n FROM events WHERE \(c.sql)", c.arguments), delete)
    }
}
