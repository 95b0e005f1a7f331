import Foundation

/// A person who signs in to the dashboard.
///
/// Users are installation-wide (not per workspace): an `admin` sees every workspace and
/// manages users; a `member` sees only the workspaces granted to them. Only the password's
/// salted hash is kept (see `PasswordHasher` in BeaconEngine).
public struct DashboardUser: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case admin, member
    }

    public var id: String
    /// Lower-cased; unique across the installation.
    public var email: String
    public var name: String
    public var role: Role
    public var passwordHash: String
    public var createdAt: Date

    public init(id: String, email: String, name: String, role: Role, passwordHash: String, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// A signed-in browser session: the SHA-256 of the cookie's secret, whose user, and when
/// it stops being valid. The secret itself is never stored.
public struct DashboardSessionRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userId: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, userId: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userId = userId
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// Dashboard users, their workspace grants and their sessions; both real backends keep them.
public protocol UserStore: Sendable {
    /// Stores a new user. - Throws: `StoreError.conflict` when the email is taken.
    func createUser(_ user: DashboardUser) async throws
    /// Replaces name, role and password hash of an existing user.
    func updateUser(_ user: DashboardUser) async throws
    /// Deletes a user with their grants and sessions; false when there was none.
    func deleteUser(id: String) async throws -> Bool
    func user(id: String) async throws -> DashboardUser?
    func user(email: String) async throws -> DashboardUser?
    func listUsers() async throws -> [DashboardUser]

    /// Lets a member see a workspace (idempotent).
    func grantWorkspace(userId: String, workspaceId: String) async throws
    func revokeWorkspace(userId: String, workspaceId: String) async throws
    /// The workspaces granted to a user (admins see all regardless).
    func grantedWorkspaceIds(userId: String) async throws -> Set<String>

    func createSession(_ session: DashboardSessionRecord) async throws
    func session(tokenHash: String) async throws -> DashboardSessionRecord?
    func deleteSession(tokenHash: String) async throws
    /// Signs a user out everywhere (after a password change or removal).
    func deleteSessions(userId: String) async throws
    /// Removes sessions that expired before `date`; returns how many.
    func deleteExpiredSessions(before date: Date) async throws -> Int
}
