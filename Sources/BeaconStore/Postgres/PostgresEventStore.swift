import BeaconCore
import Foundation
import Logging
import PostgresNIO

/// The production store: PostgreSQL through postgres-nio's connection pool.
///
/// Same schema and semantics as `SQLiteEventStore` (payload is `jsonb` here); an append of
/// many batches is one transaction of multi-row `INSERT … ON CONFLICT DO NOTHING`
/// statements, so duplicates are skipped by the primary key `(workspace_id, message_id)`.
public final class PostgresEventStore: EventStore, StoreLifecycle, SQLBackend, PersonalFieldProtecting {
    public let backend = "postgres"
    let client: PostgresClient
    let logger: Logger
    /// The protection of the profile tables' personal fields (none: in clear).
    public let personalFields = PersonalFieldProtectionSlot()
    private let runner: Task<Void, Never>
    /// Finished when the client's `run()` is being called: the pool serves leases only then.
    private let running: AsyncStream<Void>

    /// Connects to `url` (`postgres://user:password@host:port/database`).
    /// - Throws: `StoreError.invalidConfiguration` naming what is wrong with the URL.
    public init(url: String, logger: Logger) throws {
        let configuration = try PostgresEventStore.configuration(from: url)
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        let (running, started) = AsyncStream<Void>.makeStream()
        self.running = running
        runner = Task {
            started.finish()
            await client.run()
        }
    }

    /// Parses a `postgres://` URL into a client configuration.
    static func configuration(from url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
              components.scheme == "postgres" || components.scheme == "postgresql"
        else {
            throw StoreError(.invalidConfiguration, "database URL must look like postgres://user:password@host:5432/database, got '\(url)'")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError(.invalidConfiguration, "database URL '\(url)' has no host")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432,
            username: components.user ?? "postgres", password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        configuration.options.maximumConnections = 16
        return configuration
    }

    public var driver: any SQLDriver { PostgresDriver(client: client, logger: logger) }

    public func migrate() async throws {
        // The first use (`StoreFactory.open` migrates first) waits for the client to run, so no
        // query asks the pool for a connection before it serves any.
        for await _ in running {}
        try await client.withTransaction(logger: logger) { conn in
            try await conn.query("SELECT pg_advisory_xact_lock(424242)", logger: logger)
            try await conn.query(
                "CREATE TABLE IF NOT EXISTS beacon_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)",
                logger: logger)
            var applied: Set<String> = []
            for try await id in try await conn.query("SELECT id FROM beacon_migrations", logger: logger).decode(String.self) {
                applied.insert(id)
            }
            for migration in try Migrations.pending(applied: applied) {
                for sql in migration.postgres { try await conn.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
                try await conn.query(
                    "INSERT INTO beacon_migrations (id, applied_at) VALUES (\(migration.id), \(Timestamp.milliseconds(Date())))",
                    logger: logger)
            }
        }
        try await EventLogProjection.backfill(events: self, driver: driver)
    }

    /// Rows per multi-row INSERT: 9 binds each, well under the protocol's 65,535.
    static let rowsPerStatement = 1000

    public func append(_ batches: [EventBatch]) async throws -> [AppendResult] {
        let rows = batches.flatMap { batch in batch.events.map { (batch.workspaceId, $0) } }
        let insertedKeys = try await client.withTransaction(logger: logger) { conn in try await self.insert(rows, on: conn) }
        return Self.credit(insertedKeys, to: batches)
    }

    /// A stored event's key: the log's primary key.
    struct EventKey: Hashable {
        var workspace: String
        var message: String
    }

    /// Inserts the rows and their projection rows on the caller's transaction, skipping events
    /// already stored; the body of `append` and of `replaceEvents`. Returns the keys stored.
    func insert(_ rows: [(String, Event)], on conn: PostgresConnection) async throws -> Set<EventKey> {
        var inserted: Set<EventKey> = []
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + Self.rowsPerStatement, rows.count)]
            start += chunk.count
            var sql = "INSERT INTO events (workspace_id, message_id, type, user_id, anonymous_id, event, timestamp, received_at, payload) VALUES "
            var binds = PostgresBindings(capacity: chunk.count * 9)
            for (n, (workspaceId, event)) in chunk.enumerated() {
                let b = n * 9
                sql += n == 0 ? "" : ","
                sql += "($\(b + 1),$\(b + 2),$\(b + 3),$\(b + 4),$\(b + 5),$\(b + 6),$\(b + 7),$\(b + 8),$\(b + 9)::jsonb)"
                let c = event.storedColumns
                try binds.append(workspaceId)
                try binds.append(event.messageId)
                try binds.append(c.type)
                try binds.append(c.userId)
                try binds.append(c.anonymousId)
                try binds.append(c.event)
                try binds.append(c.timestamp)
                try binds.append(c.receivedAt)
                try binds.append(event.json.serialized())
            }
            sql += " ON CONFLICT (workspace_id, message_id) DO NOTHING RETURNING workspace_id, message_id, seq"
            let result = try await conn.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            var sequences: [EventKey: Int64] = [:]
            for try await (w, m, seq) in result.decode((String, String, Int64).self) {
                inserted.insert(EventKey(workspace: w, message: m))
                sequences[EventKey(workspace: w, message: m)] = seq
            }
            // The projections of the new events (`EventLogProjection`), in the same transaction.
            var stored: [(workspaceId: String, sequence: Int64, event: Event)] = []
            for (workspaceId, event) in chunk {
                guard let seq = sequences.removeValue(forKey: EventKey(workspace: workspaceId, message: event.messageId))
                else { continue }
                stored.append((workspaceId, seq, event))
            }
            let driver = PostgresDriver(client: client, logger: logger)
            for s in EventLogProjection.statements(stored, rowsPerStatement: 1_000) {
                try await conn.query(try driver.statement(s.sql, s.arguments), logger: logger)
            }
        }
        return inserted
    }

    /// Each batch's count of new and duplicate events, crediting a newly stored row to the
    /// first batch that carried it.
    static func credit(_ insertedKeys: Set<EventKey>, to batches: [EventBatch]) -> [AppendResult] {
        var claimed: Set<EventKey> = []
        return batches.map { batch in
            var n = 0
            for event in batch.events {
                let key = EventKey(workspace: batch.workspaceId, message: event.messageId)
                if insertedKeys.contains(key), claimed.insert(key).inserted { n += 1 }
            }
            return AppendResult(inserted: n, duplicates: batch.events.count - n)
        }
    }

    public func events(in workspaceId: String, from: Date?, to: Date?, after: Int64?, limit: Int) async throws -> [StoredEvent] {
        let lower = from.map(Timestamp.milliseconds) ?? Int64.min
        let upper = to.map(Timestamp.milliseconds) ?? Int64.max
        let rows = try await client.query(
            """
            SELECT seq, payload::text FROM events WHERE workspace_id = \(workspaceId) AND seq > \(after ?? 0)
            AND timestamp >= \(lower) AND timestamp < \(upper) ORDER BY seq LIMIT \(limit)
            """,
            logger: logger)
        var out: [StoredEvent] = []
        for try await (seq, payload) in rows.decode((Int64, String).self) {
            out.append(StoredEvent(workspaceId: workspaceId, sequence: seq, event: try Event.fromPayload(payload)))
        }
        return out
    }

    public func newestEvents(in workspaceId: String, limit: Int) async throws -> [StoredEvent] {
        let rows = try await client.query(
            "SELECT seq, payload::text FROM events WHERE workspace_id = \(workspaceId) ORDER BY seq DESC LIMIT \(limit)",
            logger: logger)
        var out: [StoredEvent] = []
        for try await (seq, payload) in rows.decode((Int64, String).self) {
            out.append(StoredEvent(workspaceId: workspaceId, sequence: seq, event: try Event.fromPayload(payload)))
        }
        return out
    }

    public func eventCount(in workspaceId: String) async throws -> Int {
        let rows = try await client.query("SELECT COUNT(*) FROM events WHERE workspace_id = \(workspaceId)", logger: logger)
        for try await count in rows.decode(Int64.self) { return Int(count) }
        return 0
    }

    public func containsEvent(workspaceId: String, messageId: String) async throws -> Bool {
        let rows = try await client.query(
            "SELECT EXISTS (SELECT 1 FROM events WHERE workspace_id = \(workspaceId) AND message_id = \(messageId))",
            logger: logger)
        for try await exists in rows.decode(Bool.self) { return exists }
        return false
    }

    public func close() async throws {
        runner.cancel()
    }
}
