import BeaconCore
import GRDB

extension SQLiteEventStore {
    public func replaceEvents(
        in workspaceId: String, messageIdPrefixes: [String], with events: [Event]
    ) async throws -> EventReplacement {
        let removals = EventReplacement.removals(workspaceId: workspaceId, prefixes: messageIdPrefixes)
        return try await pool.write { db in
            let removed = try Int.fetchOne(
                db, sql: removals.count.sql, arguments: GRDBDriver.arguments(removals.count.arguments)) ?? 0
            for s in removals.delete { try db.execute(sql: s.sql, arguments: GRDBDriver.arguments(s.arguments)) }
            let result = try Self.insert([EventBatch(workspaceId: workspaceId, events: events)], in: db)[0]
            return EventReplacement(removed: removed, inserted: result.inserted)
        }
    }
}
