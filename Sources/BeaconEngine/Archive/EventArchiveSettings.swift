import BeaconStore
import Foundation

/// The archive's settings: which bucket, under which key prefix, in batches of how many events.
public struct EventArchiveSettings: Sendable, Equatable {
    public var s3: S3Configuration
    /// The key prefix of every segment (`events` by default).
    public var prefix: String
    /// Events per batch.
    public var batchSize: Int

    public init(s3: S3Configuration, prefix: String = "events", batchSize: Int = 10_000) {
        self.s3 = s3
        self.prefix = prefix
        self.batchSize = batchSize
    }

    /// The cursor name of this archive.
    public var sinkId: String { EventArchiver.sinkId(bucket: s3.bucket, prefix: prefix) }

    /// The archiver over the runtime's log and cursors, writing to the configured bucket.
    public func archiver(runtime: BeaconRuntime) -> EventArchiver {
        EventArchiver(
            sinkId: sinkId, prefix: prefix, destination: S3Client(s3), events: runtime.stores.events,
            cursors: runtime.stores.sinkCursors, batchSize: batchSize)
    }
}

/// How far the archive is behind one workspace's log.
public struct EventArchiveStatus: Sendable, Equatable {
    public var workspaceId: String
    public var workspaceName: String
    /// The last sequence archived (0: none yet).
    public var archivedThrough: Int64
    public var eventsArchived: Int64
    /// The batch being written when the archiver last stopped, if it did not finish.
    public var pendingThrough: Int64?
    /// Events in the log now minus events archived: what the next pass copies (retention
    /// deleting archived events makes this an under-estimate).
    public var eventsBehind: Int64
    public var updatedAt: Date?

    /// The status of every workspace for the archive named `sinkId`.
    public static func all(sinkId: String, runtime: BeaconRuntime) async throws -> [EventArchiveStatus] {
        let cursors = Dictionary(
            uniqueKeysWithValues: try await runtime.stores.sinkCursors.cursors(sinkId: sinkId).map { ($0.workspaceId, $0) })
        var out: [EventArchiveStatus] = []
        for workspace in try await runtime.stores.workspaces.listWorkspaces() {
            let cursor = cursors[workspace.id]
            let count = Int64(try await runtime.eventLog.eventCount(in: workspace.id))
            out.append(
                EventArchiveStatus(
                    workspaceId: workspace.id, workspaceName: workspace.name,
                    archivedThrough: cursor?.lastSequence ?? 0, eventsArchived: cursor?.eventsCopied ?? 0,
                    pendingThrough: cursor?.pendingThrough, eventsBehind: max(0, count - (cursor?.eventsCopied ?? 0)),
                    updatedAt: cursor?.updatedAt))
        }
        return out
    }
}
