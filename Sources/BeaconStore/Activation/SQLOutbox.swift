import BeaconCore
import Foundation

/// The outbox in SQL written once for both backends.
struct SQLOutbox: Outbox {
    let driver: any SQLDriver

    func enqueue(_ messages: [OutboxMessage]) async throws {
        guard !messages.isEmpty else { return }
        try await driver.transaction(messages.map { (OutboxRows.insert, OutboxRows.arguments($0)) })
    }

    func claim(destinationId: String, owner: String, now: Date, leaseUntil: Date, limit: Int) async throws
        -> [OutboxMessage]
    {
        // The inner query picks the oldest due message of each order key whose older
        // messages are all settled; the outer conditions re-check the lease so two workers
        // racing for the same rows cannot both take one.
        try await driver.query(
            """
            UPDATE outbox_messages SET lease_owner = ?, lease_until = ?
            WHERE seq IN (
              SELECT m.seq FROM outbox_messages m
              WHERE m.destination_id = ? AND m.state = 'pending' AND m.next_attempt_at <= ?
                AND (m.lease_until IS NULL OR m.lease_until < ?)
                AND NOT EXISTS (SELECT 1 FROM outbox_messages e WHERE e.destination_id = m.destination_id
                  AND e.order_key = m.order_key AND e.state = 'pending' AND e.seq < m.seq)
              ORDER BY m.seq LIMIT ?)
            AND state = 'pending' AND (lease_until IS NULL OR lease_until < ?)
            RETURNING \(OutboxRows.columns)
            """,
            [
                .text(owner), SQLValue(leaseUntil), .text(destinationId), SQLValue(now), SQLValue(now),
                SQLValue(limit), SQLValue(now),
            ]
        ).map(OutboxRows.message).sorted { $0.sequence < $1.sequence }
    }

    func settle(_ m: OutboxMessage, owner: String) async throws -> Bool {
        try await !driver.query(Self.settleSQL + " RETURNING seq", Self.settleArguments(m, owner)).isEmpty
    }

    func settle(_ messages: [OutboxMessage], owner: String) async throws {
        guard !messages.isEmpty else { return }
        try await driver.transaction(messages.map { (Self.settleSQL, Self.settleArguments($0, owner)) })
    }

    static let settleSQL = """
        UPDATE outbox_messages SET state = ?, attempts = ?, next_attempt_at = ?, delivered_at = ?, last_status = ?,
          last_error = ?, lease_owner = NULL, lease_until = NULL
        WHERE workspace_id = ? AND message_id = ? AND lease_owner = ?
        """

    static func settleArguments(_ m: OutboxMessage, _ owner: String) -> [SQLValue] {
        [
            .text(m.state.rawValue), SQLValue(m.attempts), SQLValue(m.nextAttemptAt), SQLValue(m.deliveredAt),
            SQLValue(m.lastStatus), SQLValue(m.lastError.map { String($0.prefix(500)) }), .text(m.workspaceId),
            .text(m.id), .text(owner),
        ]
    }

    func messages(workspaceId: String, destinationId: String, state: OutboxMessage.State?, limit: Int) async throws
        -> [OutboxMessage]
    {
        let filter = state == nil ? "" : " AND state = ?"
        return try await driver.query(
            """
            SELECT \(OutboxRows.columns) FROM outbox_messages WHERE workspace_id = ? AND destination_id = ?\(filter)
            ORDER BY seq DESC LIMIT ?
            """,
            [.text(workspaceId), .text(destinationId)] + (state.map { [.text($0.rawValue)] } ?? []) + [SQLValue(limit)]
        ).map(OutboxRows.message)
    }

    func message(workspaceId: String, id: String) async throws -> OutboxMessage? {
        try await driver.query(
            "SELECT \(OutboxRows.columns) FROM outbox_messages WHERE workspace_id = ? AND message_id = ?",
            [.text(workspaceId), .text(id)]
        ).first.map(OutboxRows.message)
    }

    func replay(workspaceId: String, destinationId: String, ids: [String]?, now: Date) async throws -> Int {
        var sql = """
            UPDATE outbox_messages SET state = 'pending', attempts = 0, next_attempt_at = ?, lease_owner = NULL,
              lease_until = NULL
            WHERE workspace_id = ? AND destination_id = ? AND state = 'dead'
            """
        var arguments: [SQLValue] = [SQLValue(now), .text(workspaceId), .text(destinationId)]
        if let ids {
            guard !ids.isEmpty else { return 0 }
            sql += " AND message_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))"
            arguments += ids.map(SQLValue.text)
        }
        return try await driver.query(sql + " RETURNING seq", arguments).count
    }

    func counts(workspaceId: String, destinationId: String) async throws -> [OutboxMessage.State: Int] {
        var out: [OutboxMessage.State: Int] = [:]
        for row in try await driver.query(
            """
            SELECT state, COUNT(*) AS n FROM outbox_messages WHERE workspace_id = ? AND destination_id = ?
            GROUP BY state
            """, [.text(workspaceId), .text(destinationId)])
        {
            if let s = OutboxMessage.State(rawValue: try row.string("state")) { out[s] = try row.int("n") }
        }
        return out
    }
}
