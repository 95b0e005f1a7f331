import BeaconCore
import BeaconStore
import Foundation

/// Copies workspaces' event logs to an object store as day-partitioned gzipped NDJSON
/// segments, in batches, behind one durable cursor per workspace.
///
/// Batches go through `SinkBatchCopier`: the batch is recorded as pending, its segments (one
/// per UTC day, named by their first and last sequence) are written, then the cursor moves. A
/// process killed at any point either finds the batch pending and writes it again under the
/// same names, or finds the cursor past it, so the archive never misses an event and never
/// holds one in two objects.
public struct EventArchiver: Sendable {
    public let sinkId: String
    let prefix: String
    let destination: any ArchiveDestination
    let events: any EventStore
    let cursors: any SinkCursorStore
    /// Events per batch (a batch makes one object per day it spans).
    let batchSize: Int
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - sinkId: names the cursor; one per bucket and prefix (`S3Client` archives use `sinkId(for:prefix:)`).
    ///   - prefix: the key prefix of every segment (`events`).
    public init(
        sinkId: String, prefix: String, destination: any ArchiveDestination, events: any EventStore,
        cursors: any SinkCursorStore, batchSize: Int = 10_000, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.sinkId = sinkId
        self.prefix = prefix
        self.destination = destination
        self.events = events
        self.cursors = cursors
        self.batchSize = max(1, batchSize)
        self.now = now
    }

    /// The cursor name of an archive in `bucket` under `prefix`: a new bucket or prefix starts
    /// from the log's beginning.
    public static func sinkId(bucket: String, prefix: String) -> String {
        "archive:s3://\(bucket)/\(prefix.trimmingCharacters(in: CharacterSet(charactersIn: "/")))"
    }

    /// What one pass over a workspace did.
    public struct PassResult: Sendable, Equatable {
        public var events: Int
        public var objects: Int
        /// Bytes written (compressed).
        public var bytes: Int
        /// The cursor after the pass.
        public var lastSequence: Int64
    }

    /// Archives every event of the workspace after its cursor, batch by batch, until none is left.
    /// - Parameter progress: called after each batch with the events archived so far in this pass.
    /// - Throws: the destination's error (the batch stays pending and is redone next time), or
    ///   `StoreError(.conflict)` when another process moved the cursor.
    public func archive(
        workspaceId: String, maxBatches: Int = .max, progress: (Int) -> Void = { _ in }
    ) async throws -> PassResult {
        let copier = SinkBatchCopier(sinkId: sinkId, events: events, cursors: cursors, batchSize: batchSize, now: now)
        var objects = 0
        var bytes = 0
        let copied = try await copier.copy(
            workspaceId: workspaceId, maxBatches: maxBatches,
            write: { batch in
                for segment in ArchiveSegment.segments(of: batch, workspaceId: workspaceId) {
                    let body = try segment.encoded()
                    try await destination.putSegment(key: segment.key(prefix: prefix), body: body)
                    objects += 1
                    bytes += body.count
                }
            }, progress: progress)
        return PassResult(events: copied.events, objects: objects, bytes: bytes, lastSequence: copied.lastSequence)
    }
}
