import BeaconCore
import BeaconStore
import Foundation

/// Copies a workspace's event log to a sink in batches behind the sink's durable cursor: the
/// loop the archive and the ClickHouse sink share.
///
/// Each batch runs in three steps (see `SinkCursorStore`): record the batch's last sequence as
/// pending, hand the batch to the sink's `write`, move the cursor. A process killed at any
/// point leaves either the cursor before the batch with the batch pending, which the next run
/// hands to `write` again (the same events: a sink keys what it writes by the batch or by the
/// events, so the second write replaces the first), or the cursor past it. Event appends
/// commit in sequence order on both backends, so nothing can appear behind the cursor.
public struct SinkBatchCopier: Sendable {
    public let sinkId: String
    let events: any EventStore
    let cursors: any SinkCursorStore
    /// Events per batch.
    let batchSize: Int
    let now: @Sendable () -> Date

    public init(
        sinkId: String, events: any EventStore, cursors: any SinkCursorStore, batchSize: Int,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.sinkId = sinkId
        self.events = events
        self.cursors = cursors
        self.batchSize = max(1, batchSize)
        self.now = now
    }

    /// What a run copied.
    public struct Copied: Sendable, Equatable {
        public var events: Int
        public var batches: Int
        /// The cursor after the run.
        public var lastSequence: Int64
    }

    /// Copies every event after the cursor, batch by batch, until none is left or `maxBatches` ran.
    /// - Parameters:
    ///   - write: writes one batch (in log order) to the sink; throwing leaves the batch pending.
    ///   - progress: called after each batch with the events copied so far in this run.
    /// - Throws: `write`'s error, or `StoreError(.conflict)` when another process moved the cursor.
    public func copy(
        workspaceId: String, maxBatches: Int = .max, write: ([StoredEvent]) async throws -> Void,
        progress: (Int) -> Void = { _ in }
    ) async throws -> Copied {
        var copied = Copied(events: 0, batches: 0, lastSequence: 0)
        while copied.batches < maxBatches {
            let cursor = try await cursors.cursor(sinkId: sinkId, workspaceId: workspaceId)
            copied.lastSequence = cursor.lastSequence
            let batch: [StoredEvent]
            let through: Int64
            if let pending = cursor.pendingThrough {
                batch = try await events(in: workspaceId, after: cursor.lastSequence, through: pending)
                through = pending
            } else {
                batch = try await events.events(in: workspaceId, after: cursor.lastSequence, limit: batchSize)
                guard let last = batch.last else { break }
                through = last.sequence
                try await cursors.begin(sinkId: sinkId, workspaceId: workspaceId, through: through, at: now())
            }
            if !batch.isEmpty { try await write(batch) }
            try await cursors.confirm(
                sinkId: sinkId, workspaceId: workspaceId, from: cursor.lastSequence, through: through,
                count: batch.count, at: now())
            copied.events += batch.count
            copied.batches += 1
            copied.lastSequence = through
            progress(copied.events)
        }
        return copied
    }

    /// The workspace's events in `(after, through]`, read in pages: the pending batch again.
    func events(in workspaceId: String, after: Int64, through: Int64) async throws -> [StoredEvent] {
        var out: [StoredEvent] = []
        var position = after
        while position < through {
            let page = try await events.events(in: workspaceId, after: position, limit: batchSize)
            out += page.prefix { $0.sequence <= through }
            guard let last = page.last, last.sequence < through, page.count == batchSize else { break }
            position = last.sequence
        }
        return out
    }
}
