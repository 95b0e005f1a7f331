import BeaconCore
import Foundation
import PostgresNIO

extension PostgresEventStore {
    public func writeKeys(workspaceId: String) async throws -> [WriteKeyRecord] {
        var out: [WriteKeyRecord] = []
        for try await (hash, label, created) in try await client.query(
            "SELECT key_hash, label, created_at FROM write_keys WHERE workspace_id = \(workspaceId) ORDER BY created_at, key_hash",
            logger: logger
        ).decode((String, String, Int64).self) {
            out.append(WriteKeyRecord(hash: hash, label: label, createdAt: Timestamp.date(milliseconds: created)))
        }
        return out
    }

    public func revokeWriteKey(workspaceId: String, hash: String) async throws -> Bool {
        var removed = false
        for try await _ in try await client.query(
            "DELETE FROM write_keys WHERE workspace_id = \(workspaceId) AND key_hash = \(hash) RETURNING key_hash",
            logger: logger
        ).decode(String.self) { removed = true }
        return removed
    }
}
