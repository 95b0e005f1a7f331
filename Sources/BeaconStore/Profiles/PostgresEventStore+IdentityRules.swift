import BeaconCore
import Foundation
import PostgresNIO

extension PostgresEventStore: IdentityRuleStore {
    public func identityRules(workspaceId: String) async throws -> [IdentityRulesVersion] {
        var out: [IdentityRulesVersion] = []
        for try await (afterSeq, document, updatedAt) in try await client.query(
            """
            SELECT after_seq, document, updated_at FROM identity_rules WHERE workspace_id = \(workspaceId) ORDER BY after_seq
            """, logger: logger
        ).decode((Int64, String, Int64).self) {
            out.append(
                IdentityRulesVersion(
                    workspaceId: workspaceId, afterSeq: afterSeq, rules: try IdentityRulesVersion.rules(document),
                    updatedAt: Date(timeIntervalSince1970: Double(updatedAt) / 1_000)))
        }
        return out
    }

    public func saveIdentityRules(_ version: IdentityRulesVersion, replacingHistory: Bool) async throws {
        let (w, seq, doc, at) = (
            version.workspaceId, version.afterSeq, version.document, Timestamp.milliseconds(version.updatedAt)
        )
        try await client.withTransaction(logger: logger) { conn in
            if replacingHistory {
                try await conn.query("DELETE FROM identity_rules WHERE workspace_id = \(w)", logger: logger)
            }
            try await conn.query(
                """
                INSERT INTO identity_rules (workspace_id, after_seq, document, updated_at) VALUES (\(w), \(seq), \(doc), \(at))
                ON CONFLICT (workspace_id, after_seq) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at
                """, logger: logger)
        }
    }
}
