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
