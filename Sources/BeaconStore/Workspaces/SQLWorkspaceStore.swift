import BeaconCore
import Foundation

/// Workspaces, write keys and API tokens, in SQL written once for both backends.
struct SQLWorkspaceStore: WorkspaceStore {
    let driver: any SQLDriver

    func createWorkspace(name: String) async throws -> Workspace {
        let workspace = Workspace(id: UUID().uuidString.lowercased(), name: name, createdAt: Timestamp.truncated(Date()))
        do {
            try await driver.execute(
                "INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)",
                [.text(workspace.id), .text(name), SQLValue(workspace.createdAt)])
        } catch SQLDriverError.uniqueViolation {
            throw StoreError(.conflict, "a workspace named '\(name)' already exists")
        }
        return workspace
    }

    func workspace(named name: String) async throws -> Workspace? {
        try await workspaces("SELECT id, name, created_at FROM workspaces WHERE name = ?", [.text(name)]).first
    }

    func workspace(id: String) async throws -> Workspace? {
        try await workspaces("SELECT id, name, created_at FROM workspaces WHERE id = ?", [.text(id)]).first
    }

    func listWorkspaces() async throws -> [Workspace] {
        try await workspaces("SELECT id, name, created_at FROM workspaces ORDER BY name", [])
    }

    func renameWorkspace(id: String, to name: String) async throws {
        do {
            try await driver.execute("UPDATE workspaces SET name = ? WHERE id = ?", [.text(name), .text(id)])
        } catch SQLDriverError.uniqueViolation {
            throw StoreError(.conflict, "a workspace named '\(name)' already exists")
        }
    }

    func deleteWorkspace(id: String) async throws -> Bool {
        try await !driver.query("DELETE FROM workspaces WHERE id = ? RETURNING id", [.text(id)]).isEmpty
    }

    func addWriteKey(hash: String, workspaceId: String, label: String) async throws {
        try await driver.execute(
            "INSERT INTO write_keys (workspace_id, key_hash, label, created_at) VALUES (?, ?, ?, ?)",
            [.text(workspaceId), .text(hash), .text(label), SQLValue(Date())])
    }

    func workspace(writeKeyHash: String) async throws -> Workspace? {
        try await workspaces(
            """
            SELECT w.id, w.name, w.created_at FROM write_keys k JOIN workspaces w ON w.id = k.workspace_id
            WHERE k.key_hash = ?
            """, [.text(writeKeyHash)]
        ).first
    }

    func writeKeys(workspaceId: String) async throws -> [CredentialRecord] {
        try await credentials(table: "write_keys", hashColumn: "key_hash", workspaceId: workspaceId)
    }

    func revokeWriteKey(workspaceId: String, hash: String) async throws -> Bool {
        try await !driver.query(
            "DELETE FROM write_keys WHERE workspace_id = ? AND key_hash = ? RETURNING key_hash",
            [.text(workspaceId), .text(hash)]
        ).isEmpty
    }

    func addAPIToken(hash: String, workspaceId: String, label: String) async throws {
        try await driver.execute(
            "INSERT INTO api_tokens (workspace_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)",
            [.text(workspaceId), .text(hash), .text(label), SQLValue(Date())])
    }

    func workspace(apiTokenHash: String) async throws -> Workspace? {
        try await workspaces(
            """
            SELECT w.id, w.name, w.created_at FROM api_tokens t JOIN workspaces w ON w.id = t.workspace_id
            WHERE t.token_hash = ?
            """, [.text(apiTokenHash)]
        ).first
    }

    func apiTokens(workspaceId: String) async throws -> [CredentialRecord] {
        try await credentials(table: "api_tokens", hashColumn: "token_hash", workspaceId: workspaceId)
    }

    func revokeAPIToken(workspaceId: String, hash: String) async throws -> Bool {
        try await !driver.query(
            "DELETE FROM api_tokens WHERE workspace_id = ? AND token_hash = ? RETURNING token_hash",
            [.text(workspaceId), .text(hash)]
        ).isEmpty
    }

    /// The rows of a credential table (`write_keys` or `api_tokens`) for a workspace, oldest first.
    private func credentials(table: String, hashColumn: String, workspaceId: String) async throws -> [CredentialRecord] {
        try await driver.query(
            "SELECT \(hashColumn) AS hash, label, created_at FROM \(table) WHERE workspace_id = ? ORDER BY created_at, \(hashColumn)",
            [.text(workspaceId)]
        ).map { row in
            CredentialRecord(hash: try row.string("hash"), label: try row.string("label"), createdAt: try row.date("created_at"))
        }
    }

    private func workspaces(_ sql: String, _ arguments: [SQLValue]) async throws -> [Workspace] {
        try await driver.query(sql, arguments).map { row in
            Workspace(id: try row.string("id"), name: try row.string("name"), createdAt: try row.date("created_at"))
        }
    }
}
