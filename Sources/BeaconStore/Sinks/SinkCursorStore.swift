import Foundation

/// The durable cursors of the event log's sinks: one per sink and workspace.
///
/// A sink copies a batch in three steps: `begin` records the batch's last sequence, the sink
/// writes the batch to its destination, `confirm` moves the cursor past it. A crash between
/// the steps leaves the batch recorded as pending, so the next run repeats that batch and
/// nothing else: no event is skipped, and none lands in two differently named objects.
public protocol SinkCursorStore: Sendable {
    /// The cursor of `sinkId` for a workspace; a fresh one (nothing copied) when none is stored.
    func cursor(sinkId: String, workspaceId: String) async throws -> SinkCursor
    /// Every stored cursor of a sink (all workspaces), by workspace.
    func cursors(sinkId: String) async throws -> [SinkCursor]
    /// Every stored cursor of every sink, by sink and workspace.
    func allCursors() async throws -> [SinkCursor]
    /// Records that the batch ending at `through` is being written.
    func begin(sinkId: String, workspaceId: String, through: Int64, at: Date) async throws
    /// Moves the cursor to `through` after the destination confirmed the batch of `count`
    /// events, and clears the pending batch.
    /// - Throws: `StoreError(.conflict)` when the stored cursor is not at `from` (another
    ///   process moved it meanwhile), so two archivers never both advance one cursor.
    func confirm(sinkId: String, workspaceId: String, from: Int64, through: Int64, count: Int, at: Date) async throws
}
