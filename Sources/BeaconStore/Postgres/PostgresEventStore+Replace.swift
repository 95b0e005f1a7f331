import BeaconCore
import PostgresNIO

extension PostgresEventStore {
    public func replaceEvents(
        in workspaceId: String, messageIdPrefixes: [String], with events: [Event]
    ) async throws -> EventReplacement {
        let removals = EventReplacement.removals(workspaceId: workspaceId, prefixes: messageIdPrefixes)
        let driver = PostgresDriver(client: client, logger: logger)
        let count = try driver.statement(removals.count.sql, removals.count.arguments)
        let deletes = try removals.delete.map { try driver.statement($0.sql, $0.arguments) }
        return try await client.withTransaction(logger: logger) { conn in
            var removed = 0
            for try await n in try await conn.query(count, logger: self.logger).decode(Int64.self) { removed = Int(n) }
            for q in deletes { try await conn.query(q, logger: self.logger) }
            let inserted = try await self.insert(events.map { (workspaceId, $0) }, on: conn)
            return EventReplacement(removed: removed, inserted: inserted.count)
        }
    }
}
