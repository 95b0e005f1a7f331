import BeaconCore
import Foundation
import GRDB

extension SQLiteEventStore: IdentityRuleStore {
    public func identityRules(workspaceId: String) async throws -> [IdentityRulesVersion] {
        let rows = try await pool.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT after_seq, document, updated_at FROM identity_rules WHERE workspace_id = ? ORDER BY after_seq",
                arguments: [workspaceId])
        }
        return try rows.map { row in
            IdentityRulesVersion(
                workspaceId: workspaceId, afterSeq: row[0], rules: try IdentityRulesVersion.rules(row[1]),
                updatedAt: Date(timeIntervalSince1970: Double(row[2] as Int64) / 1_000))
        }
    }

    public func saveIdentityRules(_ version: IdentityRulesVersion, replacingHistory: Bool) async throws {
        try await pool.write { db in
            if replacingHistory {
                try db.execute(
                    sql: "DELETE FROM identity_rules WHERE workspace_id = ?", arguments: [version.workspaceId])
            }
            try db.execute(
                sql: """
                    INSERT INTO identity_rules (workspace_id, after_seq, document, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (workspace_id, after_seq) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at
                    """,
                arguments: [
                    version.workspaceId, version.afterSeq, version.document, Timestamp.milliseconds(version.updatedAt),
                ])
        }
    }
}
