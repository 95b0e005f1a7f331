import BeaconCore
import Foundation

/// The outbox's SQL shared by `SQLOutbox` and the projection steps that queue messages in
/// their own transaction: one insert, one column list, one row reader.
enum OutboxRows {
    /// Inserts one message unless its id is already stored.
    static let insert = """
        INSERT INTO outbox_messages (workspace_id, message_id, destination_id, order_key, cause, payload, state, attempts,
          next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (workspace_id, message_id) DO NOTHING
        """

    static func arguments(_ m: OutboxMessage) -> [SQLValue] {
        [
            .text(m.workspaceId), .text(m.id), .text(m.destinationId), .text(m.orderKey), .text(m.cause),
            .text(m.payload), .text(m.state.rawValue), SQLValue(m.attempts), SQLValue(m.nextAttemptAt),
            SQLValue(m.createdAt),
        ]
    }

    static let columns = """
        seq, workspace_id, message_id, destination_id, order_key, cause, payload, state, attempts, next_attempt_at,
        created_at, delivered_at, last_status, last_error
        """

    static func message(_ row: SQLRow) throws -> OutboxMessage {
        OutboxMessage(
            workspaceId: try row.string("workspace_id"), id: try row.string("message_id"),
            destinationId: try row.string("destination_id"), orderKey: try row.string("order_key"),
            cause: try row.string("cause"), payload: try row.string("payload"),
            state: OutboxMessage.State(rawValue: try row.string("state")) ?? .dead, attempts: try row.int("attempts"),
            nextAttemptAt: try row.date("next_attempt_at"), createdAt: try row.date("created_at"),
            deliveredAt: try row.optionalDate("delivered_at"),
            lastStatus: try row.optionalInt64("last_status").map { Int($0) },
            lastError: try row.optionalString("last_error"), sequence: try row.int64("seq"))
    }
}
