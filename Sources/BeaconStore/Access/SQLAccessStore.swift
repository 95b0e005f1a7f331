import BeaconCore
import Foundation

/// Tokens and workspace roles in SQL written once for both backends, each change in the same
/// transaction as its audit entry.
struct SQLAccessStore: AccessStore {
    let writer: SQLAuditWriter
    var driver: any SQLDriver { writer.driver }

    func addAPIToken(_ t: APITokenRecord, audit: AuditAppend) async throws {
        try await writer.append(
            audit,
            alongside: [
                (
                    """
                    INSERT INTO api_tokens (workspace_id, token_hash, label, created_at, scopes, expires_at, last_used_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(t.workspaceId), .text(t.hash), .text(t.label), SQLValue(t.createdAt),
                        .text(t.scopes.description), SQLValue(t.expiresAt), SQLValue(t.lastUsedAt),
                    ]
                )
            ])
    }

    func apiToken(hash: String) async throws -> APITokenRecord? {
        try await tokens("WHERE token_hash = ?", [.text(hash)]).first
    }

    func apiTokens(workspaceId: String) async throws -> [APITokenRecord] {
        try await tokens("WHERE workspace_id = ? ORDER BY created_at, token_hash", [.text(workspaceId)])
    }

    func revokeAPIToken(workspaceId: String, hash: String, audit: AuditAppend) async throws -> Bool {
        let existing = try await tokens("WHERE workspace_id = ? AND token_hash = ?", [.text(workspaceId), .text(hash)])
        guard !existing.isEmpty else { return false }
        try await writer.append(
            audit,
            alongside: [
                ("DELETE FROM api_tokens WHERE workspace_id = ? AND token_hash = ?", [.text(workspaceId), .text(hash)])
            ])
        return true
    }

    func touchAPIToken(hash: String, at date: Date) async throws {
        try await driver.execute("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?", [SQLValue(date), .text(hash)])
    }

    func setWorkspaceAccess(userId: String, workspaceId: String, access: WorkspaceAccess, audit: AuditAppend) async throws {
        try await writer.append(
            audit,
            alongside: [
                (
                    """
                    INSERT INTO dashboard_grants (user_id, workspace_id, role, personal_data) VALUES (?, ?, ?, ?)
                    ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = excluded.role, personal_data = excluded.personal_data
                    """,
                    [.text(userId), .text(workspaceId), .text(access.role.rawValue), .integer(access.personalData ? 1 : 0)]
                )
            ])
    }

    func workspaceAccess(userId: String, workspaceId: String) async throws -> WorkspaceAccess? {
        try await grants("WHERE user_id = ? AND workspace_id = ?", [.text(userId), .text(workspaceId)]).first?.1
    }

    func workspaceAccesses(userId: String) async throws -> [String: WorkspaceAccess] {
        Dictionary(try await grants("WHERE user_id = ?", [.text(userId)]), uniquingKeysWith: { a, _ in a })
    }

    private func grants(_ condition: String, _ arguments: [SQLValue]) async throws -> [(String, WorkspaceAccess)] {
        try await driver.query("SELECT workspace_id, role, personal_data FROM dashboard_grants \(condition)", arguments)
            .map { row in
                let text = try row.string("role")
                guard let role = WorkspaceRole(rawValue: text) else {
                    throw StoreError(.corrupt, "a workspace grant has an unknown role '\(text)'")
                }
                return (try row.string("workspace_id"), WorkspaceAccess(role: role, personalData: try row.int64("personal_data") != 0))
            }
    }

    private func tokens(_ condition: String, _ arguments: [SQLValue]) async throws -> [APITokenRecord] {
        try await driver.query(
            "SELECT workspace_id, token_hash, label, created_at, scopes, expires_at, last_used_at FROM api_tokens \(condition)",
            arguments
        ).map { row in
            let hash = try row.string("token_hash"), scopes = try row.string("scopes")
            let parsed: AccessScopes
            do {
                parsed = try AccessScopes(parsing: scopes)
            } catch {
                throw StoreError(.corrupt, "API token \(hash.prefix(12)) has unreadable scopes '\(scopes)'")
            }
            return APITokenRecord(
                workspaceId: try row.string("workspace_id"), hash: hash, label: try row.string("label"), scopes: parsed,
                createdAt: try row.date("created_at"), expiresAt: try row.optionalDate("expires_at"),
                lastUsedAt: try row.optionalDate("last_used_at"))
        }
    }
}
