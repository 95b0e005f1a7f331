import BeaconCore
import Foundation
import PostgresNIO

extension PostgresEventStore: UserStore {
    public func createUser(_ user: DashboardUser) async throws {
        do {
            try await client.query(
                """
                INSERT INTO dashboard_users (id, email, name, role, password_hash, created_at)
                VALUES (\(user.id), \(user.email), \(user.name), \(user.role.rawValue), \(user.passwordHash),
                        \(Timestamp.milliseconds(user.createdAt)))
                """, logger: logger)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw StoreError(.conflict, "a user with email '\(user.email)' already exists")
        }
    }

    public func updateUser(_ user: DashboardUser) async throws {
        let found = try await scalar(
            "UPDATE dashboard_users SET name = \(user.name), role = \(user.role.rawValue), password_hash = \(user.passwordHash) WHERE id = \(user.id) RETURNING id")
        if found == nil { throw StoreError(.notFound, "there is no user with id '\(user.id)'") }
    }

    public func deleteUser(id: String) async throws -> Bool {
        try await scalar("DELETE FROM dashboard_users WHERE id = \(id) RETURNING id") != nil
    }

    public func user(id: String) async throws -> DashboardUser? {
        try await users("SELECT id, email, name, role, password_hash, created_at FROM dashboard_users WHERE id = \(id)").first
    }

    public func user(email: String) async throws -> DashboardUser? {
        try await users("SELECT id, email, name, role, password_hash, created_at FROM dashboard_users WHERE email = \(email)")
            .first
    }

    public func listUsers() async throws -> [DashboardUser] {
        try await users("SELECT id, email, name, role, password_hash, created_at FROM dashboard_users ORDER BY email")
    }

    public func grantWorkspace(userId: String, workspaceId: String) async throws {
        try await client.query(
            "INSERT INTO dashboard_grants (user_id, workspace_id) VALUES (\(userId), \(workspaceId)) ON CONFLICT DO NOTHING",
            logger: logger)
    }

    public func revokeWorkspace(userId: String, workspaceId: String) async throws {
        try await client.query(
            "DELETE FROM dashboard_grants WHERE user_id = \(userId) AND workspace_id = \(workspaceId)", logger: logger)
    }

    public func grantedWorkspaceIds(userId: String) async throws -> Set<String> {
        var out: Set<String> = []
        for try await id in try await client.query(
            "SELECT workspace_id FROM dashboard_grants WHERE user_id = \(userId)", logger: logger
        ).decode(String.self) { out.insert(id) }
        return out
    }

    public func createSession(_ session: DashboardSessionRecord) async throws {
        try await client.query(
            """
            INSERT INTO dashboard_sessions (token_hash, user_id, created_at, expires_at)
            VALUES (\(session.tokenHash), \(session.userId), \(Timestamp.milliseconds(session.createdAt)),
                    \(Timestamp.milliseconds(session.expiresAt)))
            """, logger: logger)
    }

    public func session(tokenHash: String) async throws -> DashboardSessionRecord? {
        for try await (hash, user, created, expires) in try await client.query(
            "SELECT token_hash, user_id, created_at, expires_at FROM dashboard_sessions WHERE token_hash = \(tokenHash)",
            logger: logger
        ).decode((String, String, Int64, Int64).self) {
            return DashboardSessionRecord(
                tokenHash: hash, userId: user, createdAt: Timestamp.date(milliseconds: created),
                expiresAt: Timestamp.date(milliseconds: expires))
        }
        return nil
    }

    public func deleteSession(tokenHash: String) async throws {
        try await client.query("DELETE FROM dashboard_sessions WHERE token_hash = \(tokenHash)", logger: logger)
    }

    public func deleteSessions(userId: String) async throws {
        try await client.query("DELETE FROM dashboard_sessions WHERE user_id = \(userId)", logger: logger)
    }

    public func deleteExpiredSessions(before date: Date) async throws -> Int {
        var n = 0
        for try await _ in try await client.query(
            "DELETE FROM dashboard_sessions WHERE expires_at < \(Timestamp.milliseconds(date)) RETURNING token_hash",
            logger: logger
        ).decode(String.self) { n += 1 }
        return n
    }

    /// The first column of the first row, if any.
    private func scalar(_ query: PostgresQuery) async throws -> String? {
        for try await value in try await client.query(query, logger: logger).decode(String.self) { return value }
        return nil
    }

    private func users(_ query: PostgresQuery) async throws -> [DashboardUser] {
        var out: [DashboardUser] = []
        for try await (id, email, name, role, hash, created) in try await client.query(query, logger: logger).decode(
            (String, String, String, String, String, Int64).self)
        {
            guard let parsed = DashboardUser.Role(rawValue: role) else {
                throw StoreError(.corrupt, "user \(id) has an unknown role '\(role)'")
            }
            out.append(
                DashboardUser(
                    id: id, email: email, name: name, role: parsed, passwordHash: hash,
                    createdAt: Timestamp.date(milliseconds: created)))
        }
        return out
    }
}
