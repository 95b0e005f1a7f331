import BeaconCore
import Foundation
import GRDB

extension SQLiteEventStore {
    public func writeKeys(workspaceId: String) async throws -> [WriteKeyRecord] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT key_hash, label, created_at FROM write_keys WHERE workspace_id = ? ORDER BY created_at, key_hash",
                arguments: [workspaceId]
            ).map { WriteKeyRecord(hash: $0[0], label: $0[1], createdAt: Timestamp.date(milliseconds: $0[2])) }
        }
    }

    public func revokeWriteKey(workspaceId: String, hash: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM write_keys WHERE workspace_id = ? AND key_hash = ?", arguments: [workspaceId, hash])
            return db.changesCount > 0
        }
    }
}
