import BeaconCore
import GRDB

extension SQLiteEventStore {
    /// Makes deleted rows physically gone from the SQLite files: every connection runs with
    /// `secure_delete` on (deleted content is overwritten with zeros in the pages it leaves),
    /// and the WAL, which still holds the pages as they were before the delete, is
    /// checkpointed into the database and truncated to zero bytes. A checkpoint that readers
    /// keep from finishing is retried; one that never finishes throws, so an erasure never
    /// reports done while old pages remain in the WAL.
    func reclaimSpace() async throws {
        for attempt in 0..<50 {
            let busy = try await pool.writeWithoutTransaction { db -> Int in
                try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")?[0] ?? 1
            }
            if busy == 0 { return }
            try await Task.sleep(nanoseconds: UInt64(20_000_000 * (attempt + 1)))
        }
        throw StoreError(.invalidConfiguration, "the SQLite WAL could not be checkpointed: readers kept it busy")
    }
}
