import BeaconCore
import Foundation

/// Dashboard users, grants and sessions in SQL written once for both backends.
struct SQLUserStore: UserStore {
    let driver: any SQLDriver

    func createUser(_ user: DashboardUser) async throws {
        do {
            try await driver.execute(
                "INSERT INTO dashboard_users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    .text(user.id), .text(user.email), .text(user.name), .text(user.role.rawValue),
                    .text(user.passwordHash), SQLValue(user.createdAt),
                ])
        } catch SQLDriverError.uniqueViolation {
            throw StoreError(.conflict, "a user with email '\(user.email)' already exists")
        }
    }

    func updateUser(_ user: DashboardUser) async throws {
        let updated = try await driver.query(
            "UPDATE dashboard_users SET name = ?, role = ?, password_hash = ? WHERE id = ? RETURNING id",
            [.text(user.name), .text(user.role.rawValue), .text(user.passwordHash), .text(user.id)])
        if updated.isEmpty { throw StoreError(.notFound, "there is no user with id '\(user.id)'") }
    }

    func deleteUser(id: String) async throws -> Bool {
        try await !driver.query("DELETE FROM dashboard_users WHERE id = ? RETURNING id", [.text(id)]).isEmpty
    }

    func user(id: String) async throws -> DashboardUser? {
        try await users("SELECT \(Self.userColumns) FROM dashboard_users WHERE id = ?", [.text(id)]).first
    }

    func user(email: String) async throws -> DashboardUser? {
        try await users("SELECT \(Self.userColumns) FROM dashboard_users WHERE email = ?", [.text(email)]).first
    }

    func listUsers() async throws -> [DashboardUser] {
        try await users("SELECT \(Self.userColumns) FROM dashboard_users ORDER BY email", [])
    }

    func grantWorkspace(userId: String, workspaceId: String) async throws {
        try await driver.execute(
            "INSERT INTO dashboard_grants (user_id, workspace_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [.text(userId), .text(workspaceId)])
    }

    func revokeWorkspace(userId: String, workspaceId: String) async throws {
        try await driver.execute(
            "DELETE FROM dashboard_grants WHERE user_id = ? AND workspace_id = ?", [.text(userId), .text(workspaceId)])
    }

    func grantedWorkspaceIds(userId: String) async throws -> Set<String> {
        Set(
            try await driver.query("SELECT workspace_id FROM dashboard_grants WHERE user_id = ?", [.text(userId)])
                .map { try $0.string("workspace_id") })
    }

    func createSession(_ session: DashboardSessionRecord) async throws {
        try await driver.execute(
            "INSERT INTO dashboard_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            [.text(session.tokenHash), .text(session.userId), SQLValue(session.createdAt), SQLValue(session.expiresAt)])
    }

    func session(tokenHash: String) async throws -> DashboardSessionRecord? {
        try await driver.query(
            "SELECT token_hash, user_id, created_at, expires_at FROM dashboard_sessions WHERE token_hash = ?",
            [.text(tokenHash)]
        ).first.map { row in
            DashboardSessionRecord(
                tokenHash: try row.string("token_hash"), userId: try row.string("user_id"),
                createdAt: try row.date("created_at"), expiresAt: try row.date("expires_at"))
        }
    }

    func deleteSession(tokenHash: String) async throws {
        try await driver.execute("DELETE FROM dashboard_sessions WHERE token_hash = ?", [.text(tokenHash)])
    }

    func deleteSessions(userId: String) async throws {
        try await driver.execute("DELETE FROM dashboard_sessions WHERE user_id = ?", [.text(userId)])
    }

    func deleteExpiredSessions(before date: Date) async throws -> Int {
        try await driver.query(
            "DELETE FROM dashboard_sessions WHERE expires_at < ? RETURNING token_hash", [SQLValue(date)]
        ).count
    }

    private static let userColumns = "id, email, name, role, password_hash, created_at"

    private func users(_ sql: String, _ arguments: [SQLValue]) async throws -> [DashboardUser] {
        try await driver.query(sql, arguments).map { row in
            let id = try row.string("id"), role = try row.string("role")
            guard let parsed = DashboardUser.Role(rawValue: role) else {
                throw StoreError(.corrupt, "user \(id) has an unknown role '\(role)'")
            }
            return DashboardUser(
                id: id, email: try row.string("email"), name: try row.string("name"), role: parsed,
                passwordHash: try row.string("password_hash"), createdAt: try row.date("created_at"))
        }
    }
}
