import BeaconCore
import BeaconStore
import Foundation

/// Loads workspaces' event logs into ClickHouse in batches (`JSONEachRow`, gzip, one `INSERT`
/// per batch; never a row at a time) behind one durable cursor per workspace.
///
/// Batches go through `SinkBatchCopier`; a batch redone after a crash inserts the same rows
/// again, which the table's `ReplacingMergeTree` key and `FINAL` reads collapse
/// (`ClickHouseEventTable`).
public struct ClickHouseSink: Sendable {
    public let client: ClickHouseClient
    public let table: String
    let copier: SinkBatchCopier

    public init(
        client: ClickHouseClient, table: String = ClickHouseEventTable.name, events: any EventStore,
        cursors: any SinkCursorStore, batchSize: Int = 50_000
    ) {
        self.client = client
        self.table = table
        self.copier = SinkBatchCopier(
            sinkId: Self.sinkId(client: client, table: table), events: events, cursors: cursors, batchSize: batchSize)
    }

    /// The cursor name of a sink into `table` of the server at `client.url`.
    public static func sinkId(client: ClickHouseClient, table: String) -> String {
        "clickhouse:\(client.url.host ?? ""):\(client.url.port ?? 8123)/\(client.database).\(table)"
    }

    /// Creates the table when it does not exist.
    public func prepare() async throws {
        try await client.execute(ClickHouseEventTable.createStatement(table: table))
    }

    /// Loads every event of the workspace after its cursor.
    /// - Returns: the events loaded and the cursor after the run.
    public func load(workspaceId: String, progress: (Int) -> Void = { _ in }) async throws -> SinkBatchCopier.Copied {
        try await copier.copy(
            workspaceId: workspaceId,
            write: { batch in
                var body: [UInt8] = []
                body.reserveCapacity(batch.count * 900)
                for stored in batch {
                    body += ClickHouseEventTable.row(stored).serialized().utf8
                    body.append(UInt8(ascii: "\n"))
                }
                try await client.insert(into: table, ndjson: body)
            }, progress: progress)
    }
}
