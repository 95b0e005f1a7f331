import BeaconCore
import Foundation

/// Workspaces, write keys and API tokens, in SQL written once for both backends.
struct SQLWorkspaceStore: WorkspaceStore {
    let driver: any SQLDriver

    func createWorkspace(name: String, currency: String) async throws -> Workspace {
        let workspace = Workspace(
            id: UUID().uuidString.lowercased(), name: name, createdAt: Timestamp.truncated(Date()), currency: currency)
        do {
            try await driver.execute(
                "INSERT INTO workspaces (id, name, created_at, currency) VALUES (?, ?, ?, ?)",
                [.text(workspace.id), .text(name), SQLValue(workspace.createdAt), .text(currency)])
        } catch SQLDriverError.uniqueViolation {
            throw StoreError(.conflict, "a workspace named '\(name)' already exists")
        }
        return workspace
    }

    func workspace(named name: String) async throws -> Workspace? {
        try await workspaces("SELECT id, name, created_at, currency FROM workspaces WHERE name = ?", [.text(name)]).first
    }

    func workspace(id: String) async throws -> Workspace? {
        try await workspaces("SELECT id, name, created_at, currency FROM workspaces WHERE id = ?", [.text(id)]).first
    }

    func listWorkspaces() async throws -> [Workspace] {
        try await workspaces("SELECT id, name, created_at, currency FROM workspaces ORDER BY name", [])
    }

    func renameWorkspace(id: String, to name: String) async throws {
        do {
            try await driver.execute("UPDATE workspaces SET name = ? WHERE id = ?", [.text(name), .text(id)])
        } catch SQLDriverError.uniqueViolation {
            throw StoreError(.conflict, "a workspace named '\(name)' already exists")
        }
    }

    func setCurrency(id: String, to currency: String) async throws {
        try await driver.execute("UPDATE workspaces SET currency = ? WHERE id = ?", [.text(currency), .text(id)])
    }

    func deleteWorkspace(id: String) async throws -> Bool {
        try await !driver.query("DELETE FROM workspaces WHERE id = ? RETURNING id", [.text(id)]).isEmpty
    }

    func addWriteKey(hash: String, workspaceId: String, label: String) async throws {
        try await add(.writeKeys, hash: hash, workspaceId: workspaceId, label: label)
    }

    func workspace(writeKeyHash: String) async throws -> Workspace? {
        try await workspace(.writeKeys, hash: writeKeyHash)
    }

    func writeKeys(workspaceId: String) async throws -> [CredentialRecord] {
        try await credentials(.writeKeys, workspaceId: workspaceId)
    }

    func revokeWriteKey(workspaceId: String, hash: String) async throws -> Bool {
        try await revoke(.writeKeys, workspaceId: workspaceId, hash: hash)
    }

    func addAPIToken(hash: String, workspaceId: String, label: String) async throws {
        try await add(.apiTokens, hash: hash, workspaceId: workspaceId, label: label)
    }

    func workspace(apiTokenHash: String) async throws -> Workspace? {
        try await workspace(.apiTokens, hash: apiTokenHash)
    }

    func apiTokens(workspaceId: String) async throws -> [CredentialRecord] {
        try await credentials(.apiTokens, workspaceId: workspaceId)
    }

    func revokeAPIToken(workspaceId: String, hash: String) async throws -> Bool {
        try await revoke(.apiTokens, workspaceId: workspaceId, hash: hash)
    }

    /// The two credential tables: same shape, their own names.
    private enum Credentials {
        case writeKeys, apiTokens

        var table: String { self == .writeKeys ? "write_keys" : "api_tokens" }
        var hash: String { self == .writeKeys ? "key_hash" : "token_hash" }
    }

    private func add(_ c: Credentials, hash: String, workspaceId: String, label: String) async throws {
        try await driver.execute(
            "INSERT INTO \(c.table) (workspace_id, \(c.hash), label, created_at) VALUES (?, ?, ?, ?)",
            [.text(workspaceId), .text(hash), .text(label), SQLValue(Date())])
    }

    private func workspace(_ c: Credentials, hash: String) async throws -> Workspace? {
        try await workspaces(
            """
            SELECT w.id, w.name, w.created_at, w.currency FROM \(c.table) c JOIN workspaces w ON w.id = c.workspace_id
            WHERE c.\(c.hash) = ?
            """, [.text(hash)]
        ).first
    }

    /// A workspace's credentials of one kind, oldest first.
    private func credentials(_ c: Credentials, workspaceId: String) async throws -> [CredentialRecord] {
        try await driver.query(
            "SELECT \(c.hash) AS hash, label, created_at FROM \(c.table) WHERE workspace_id = ? ORDER BY created_at, \(c.hash)",
            [.text(workspaceId)]
        ).map { row in
            CredentialRecord(hash: try row.string("hash"), label: try row.string("label"), createdAt: try row.date("created_at"))
        }
    }

    private func revoke(_ c: Credentials, workspaceId: String, hash: String) async throws -> Bool {
        try await !driver.query(
            "DELETE FROM \(c.table) WHERE workspace_id = ? AND \(c.hash) = ? RETURNING \(c.hash)",
            [.text(workspaceId), .text(hash)]
        ).isEmpty
    }

    private func workspaces(_ sql: String, _ arguments: [SQLValue]) async throws -> [Workspace] {
        try await driver.query(sql, arguments).map { row in
            Workspace(
                id: try row.string("id"), name: try row.string("name"), createdAt: try row.date("created_at"),
                currency: try row.string("currency"))
        }
    }
}
