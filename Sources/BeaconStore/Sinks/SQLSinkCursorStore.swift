import BeaconCore
import Foundation

/// Sink cursors in SQL written once for both backends.
struct SQLSinkCursorStore: SinkCursorStore {
    let driver: any SQLDriver

    func cursor(sinkId: String, workspaceId: String) async throws -> SinkCursor {
        try await rows("WHERE sink_id = ? AND workspace_id = ?", [.text(sinkId), .text(workspaceId)]).first
            ?? SinkCursor(sinkId: sinkId, workspaceId: workspaceId)
    }

    func cursors(sinkId: String) async throws -> [SinkCursor] {
        try await rows("WHERE sink_id = ? ORDER BY workspace_id", [.text(sinkId)])
    }

    func allCursors() async throws -> [SinkCursor] {
        try await rows("ORDER BY sink_id, workspace_id", [])
    }

    func begin(sinkId: String, workspaceId: String, through: Int64, at: Date) async throws {
        try await driver.execute(
            """
            INSERT INTO sink_cursors (sink_id, workspace_id, last_seq, pending_through_seq, events_copied, updated_at)
            VALUES (?, ?, 0, ?, 0, ?)
            ON CONFLICT (sink_id, workspace_id) DO UPDATE SET pending_through_seq = excluded.pending_through_seq,
              updated_at = excluded.updated_at
            """,
            [.text(sinkId), .text(workspaceId), .integer(through), SQLValue(at)])
    }

    func confirm(sinkId: String, workspaceId: String, from: Int64, through: Int64, count: Int, at: Date) async throws {
        let moved = try await driver.query(
            """
            UPDATE sink_cursors SET last_seq = ?, pending_through_seq = NULL, events_copied = events_copied + ?,
              updated_at = ?
            WHERE sink_id = ? AND workspace_id = ? AND last_seq = ? RETURNING last_seq
            """,
            [.integer(through), SQLValue(count), SQLValue(at), .text(sinkId), .text(workspaceId), .integer(from)])
        guard !moved.isEmpty else {
            throw StoreError(
                .conflict,
                "sink '\(sinkId)': the cursor of workspace \(workspaceId) is no longer at \(from); "
                    + "another process is copying the same log")
        }
    }

    private func rows(_ clause: String, _ arguments: [SQLValue]) async throws -> [SinkCursor] {
        try await driver.query(
            """
            SELECT sink_id, workspace_id, last_seq, pending_through_seq, events_copied, updated_at FROM sink_cursors
            \(clause)
            """, arguments
        ).map { row in
            SinkCursor(
                sinkId: try row.string("sink_id"), workspaceId: try row.string("workspace_id"),
                lastSequence: try row.int64("last_seq"), pendingThrough: try row.optionalInt64("pending_through_seq"),
                eventsCopied: try row.int64("events_copied"), updatedAt: try row.date("updated_at"))
        }
    }
}
