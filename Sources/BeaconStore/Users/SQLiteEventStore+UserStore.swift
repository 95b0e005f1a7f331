import BeaconCore
import Foundation
import GRDB

extension SQLiteEventStore: UserStore {
    public func createUser(_ user: DashboardUser) async throws {
        do {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO dashboard_users (id, email, name, role, password_hash, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [user.id, user.email, user.name, user.role.rawValue, user.passwordHash,
                                Timestamp.milliseconds(user.createdAt)])
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
        {
            throw StoreError(.conflict, "a user with email '\(user.email)' already exists")
        }
    }

    public func updateUser(_ user: DashboardUser) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE dashboard_users SET name = ?, role = ?, password_hash = ? WHERE id = ?",
                arguments: [user.name, user.role.rawValue, user.passwordHash, user.id])
            if db.changesCount == 0 { throw StoreError(.notFound, "there is no user with id '\(user.id)'") }
        }
    }

    public func deleteUser(id: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM dashboard_users WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func user(id: String) async throws -> DashboardUser? {
        try await fetchUsers("SELECT \(Self.userColumns) FROM dashboard_users WHERE id = ?", [id]).first
    }

    public func user(email: String) async throws -> DashboardUser? {
        try await fetchUsers("SELECT \(Self.userColumns) FROM dashboard_users WHERE email = ?", [email]).first
    }

    public func listUsers() async throws -> [DashboardUser] {
        try await fetchUsers("SELECT \(Self.userColumns) FROM dashboard_users ORDER BY email", [])
    }

    public func grantWorkspace(userId: String, workspaceId: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO dashboard_grants (user_id, workspace_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                arguments: [userId, workspaceId])
        }
    }

    public func revokeWorkspace(userId: String, workspaceId: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM dashboard_grants WHERE user_id = ? AND workspace_id = ?", arguments: [userId, workspaceId])
        }
    }

    public func grantedWorkspaceIds(userId: String) async throws -> Set<String> {
        try await pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT workspace_id FROM dashboard_grants WHERE user_id = ?", arguments: [userId]))
        }
    }

    public func createSession(_ session: DashboardSessionRecord) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO dashboard_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [session.tokenHash, session.userId, Timestamp.milliseconds(session.createdAt),
                            Timestamp.milliseconds(session.expiresAt)])
        }
    }

    public func session(tokenHash: String) async throws -> DashboardSessionRecord? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT token_hash, user_id, created_at, expires_at FROM dashboard_sessions WHERE token_hash = ?",
                arguments: [tokenHash]
            ).map {
                DashboardSessionRecord(
                    tokenHash: $0[0], userId: $0[1], createdAt: Timestamp.date(milliseconds: $0[2]),
                    expiresAt: Timestamp.date(milliseconds: $0[3]))
            }
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM dashboard_sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    public func deleteSessions(userId: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM dashboard_sessions WHERE user_id = ?", arguments: [userId])
        }
    }

    public func deleteExpiredSessions(before date: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM dashboard_sessions WHERE expires_at < ?", arguments: [Timestamp.milliseconds(date)])
            return db.changesCount
        }
    }

    private static let userColumns = "id, email, name, role, password_hash, created_at"

    private func fetchUsers(_ sql: String, _ arguments: StatementArguments) async throws -> [DashboardUser] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let role: String = row[3]
                guard let parsed = DashboardUser.Role(rawValue: role) else {
                    throw StoreError(.corrupt, "user \(row[0] as String) has an unknown role '\(role)'")
                }
                return DashboardUser(
                    id: row[0], email: row[1], name: row[2], role: parsed, passwordHash: row[4],
                    createdAt: Timestamp.date(milliseconds: row[5]))
            }
        }
    }
}
