import BeaconCore
import Foundation

/// Identity rules versions in SQL written once for both backends.
struct SQLIdentityRuleStore: IdentityRuleStore {
    let driver: any SQLDriver

    func identityRules(workspaceId: String) async throws -> [IdentityRulesVersion] {
        try await driver.query(
            "SELECT after_seq, document, updated_at FROM identity_rules WHERE workspace_id = ? ORDER BY after_seq",
            [.text(workspaceId)]
        ).map { row in
            IdentityRulesVersion(
                workspaceId: workspaceId, afterSeq: try row.int64("after_seq"),
                rules: try IdentityRulesVersion.rules(try row.string("document")), updatedAt: try row.date("updated_at"))
        }
    }

    func saveIdentityRules(_ version: IdentityRulesVersion, replacingHistory: Bool) async throws {
        let save = (
            sql: """
                INSERT INTO identity_rules (workspace_id, after_seq, document, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (workspace_id, after_seq) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at
                """,
            arguments: [
                SQLValue.text(version.workspaceId), .integer(version.afterSeq), .text(version.document),
                SQLValue(version.updatedAt),
            ])
        let clear = (sql: "DELETE FROM identity_rules WHERE workspace_id = ?", arguments: [SQLValue.text(version.workspaceId)])
        try await driver.transaction(replacingHistory ? [clear, save] : [save])
    }
}
