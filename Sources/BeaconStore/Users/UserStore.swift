import BeaconCore
import Foundation

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
