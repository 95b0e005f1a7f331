import BeaconCore
import Foundation
import GRDB

/// The embedded default store: one SQLite file in WAL mode through GRDB.
///
/// Durability: `synchronous = FULL`, so a committed transaction survives a crash of the
/// process *and* of the machine; the cost (one fsync per commit) is paid once per group of
/// requests because ingest groups concurrent requests into one `append` call.
/// Readers never block the writer (WAL, `DatabasePool`).
public final class SQLiteEventStore: EventStore, StoreLifecycle, SQLBackend, PersonalFieldProtecting {
    public let backend = "sqlite"
    let pool: DatabasePool
    /// The protection of the profile tables' personal fields (none: in clear).
    public let personalFields = PersonalFieldProtectionSlot()
    /// The writer's page cache (SQLite's default is 2 MiB).
    static let writerCacheKiB = 64 * 1024

    /// Opens (creating if needed) the database file at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // Deleted content is overwritten with zeros, so an erased person's rows leave no
            // copy in freed pages of the file (docs/privacy.md).
            try db.execute(sql: "PRAGMA secure_delete = ON")
            if !db.configuration.readonly {
                // The writer keeps the index pages it updates in its own cache instead of
                // re-reading them for every group commit (docs/benchmarks.md: commit 1.17×
                // faster). Checkpoints stay at SQLite's 1,000 pages: a longer WAL between them
                // made commits faster still but stalled single-event requests behind each
                // checkpoint (p99 128–174 ms against 24–43 ms).
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError(.invalidConfiguration, "cannot open SQLite database at '\(path)': \(error)")
        }
    }

    public var driver: any SQLDriver { GRDBDriver(pool: pool) }

    public func migrate() async throws {
        var migrator = DatabaseMigrator()
        for migration in Migrations.all {
            migrator.registerMigration(migration.id) { db in
                for sql in migration.sqlite { try db.execute(sql: sql) }
            }
        }
        let registered = migrator
        _ = try Migrations.pending(applied: try await pool.read { try registered.appliedIdentifiers($0) })
        try migrator.migrate(pool)
        try await EventLogProjection.backfill(events: self, driver: driver)
    }

    public func append(_ batches: [EventBatch]) async throws -> [AppendResult] {
        try await pool.write { db in try Self.insert(batches, in: db) }
    }

    /// Inserts the batches and their projection rows in the caller's transaction, skipping
    /// events already stored; the body of `append` and of `replaceEvents`.
    static func insert(_ batches: [EventBatch], in db: Database) throws -> [AppendResult] {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO events (workspace_id, message_id, type, user_id, anonymous_id, event, timestamp, received_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, message_id) DO NOTHING
            """)
        var results: [AppendResult] = []
        results.reserveCapacity(batches.count)
        var stored: [(workspaceId: String, sequence: Int64, event: Event)] = []
        for batch in batches {
            var inserted = 0
            for event in batch.events {
                let c = event.storedColumns
                try statement.execute(arguments: [
                    batch.workspaceId, event.messageId, c.type, c.userId, c.anonymousId, c.event,
                    c.timestamp, c.receivedAt, event.json.serialized(),
                ])
                guard db.changesCount > 0 else { continue }
                inserted += 1
                stored.append((batch.workspaceId, db.lastInsertedRowID, event))
            }
            results.append(AppendResult(inserted: inserted, duplicates: batch.events.count - inserted))
        }
        // The projections of the new events (`EventLogProjection`), in the same transaction.
        for s in EventLogProjection.statements(stored, rowsPerStatement: 500) {
            try db.execute(sql: s.sql, arguments: GRDBDriver.arguments(s.arguments))
        }
        return results
    }

    public func events(in workspaceId: String, from: Date?, to: Date?, after: Int64?, limit: Int) async throws -> [StoredEvent] {
        // Without a time range, walk the log by `seq` (the rowid): the `+` keeps SQLite from
        // choosing a `(workspace_id, …)` index and sorting the whole workspace for every page,
        // which made each projection step cost time proportional to the log.
        let sql = from == nil && to == nil
            ? "SELECT seq, payload FROM events WHERE +workspace_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?5"
            : "SELECT seq, payload FROM events WHERE workspace_id = ?1 AND seq > ?2 AND timestamp >= ?3 AND timestamp < ?4 ORDER BY seq LIMIT ?5"
        return try await pool.read { db in
            try Row.fetchAll(
                db, sql: sql,
                arguments: [workspaceId, after ?? 0, from.map(Timestamp.milliseconds) ?? Int64.min,
                            to.map(Timestamp.milliseconds) ?? Int64.max, limit]
            ).map { row in
                StoredEvent(workspaceId: workspaceId, sequence: row[0], event: try Event.fromPayload(row[1]))
            }
        }
    }

    public func newestEvents(in workspaceId: String, limit: Int) async throws -> [StoredEvent] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT seq, payload FROM events WHERE +workspace_id = ? ORDER BY seq DESC LIMIT ?",
                arguments: [workspaceId, limit]
            ).map { row in
                StoredEvent(workspaceId: workspaceId, sequence: row[0], event: try Event.fromPayload(row[1]))
            }
        }
    }

    public func eventCount(in workspaceId: String) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE workspace_id = ?", arguments: [workspaceId]) ?? 0
        }
    }

    public func containsEvent(workspaceId: String, messageId: String) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM events WHERE workspace_id = ? AND message_id = ?)",
                arguments: [workspaceId, messageId]) ?? false
        }
    }

    public func close() async throws {
        try pool.close()
    }
}
