import PostgresNIO

extension PostgresEventStore {
    /// Makes deleted rows physically gone from PostgreSQL's tables: `VACUUM` of each table an
    /// erasure or retention run touched, so their dead tuples are removed and their space
    /// reused (its WAL and backups still hold them until they roll over).
    public func reclaimSpace(tables: [String]) async throws {
        for table in Set(tables).sorted() where table.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            _ = try await client.query(PostgresQuery(unsafeSQL: "VACUUM \(table)"), logger: logger)
        }
    }
}
