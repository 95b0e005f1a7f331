/// A user's role in one workspace: owner, admin, member or viewer, from most to least power.
///
/// - `owner` manages everything an admin does and may make other owners;
/// - `admin` manages keys, tokens, destinations, activations and the workspace's people (up to admin);
/// - `member` builds and changes segments, rules and recomputes, and reads everything;
/// - `viewer` reads dashboards and reports only.
///
/// Nobody grants a role above their own (`canGrant(_:)`). Whether a user sees personal fields
/// unmasked is a separate permission (`WorkspaceAccess.personalData`), not implied by a role.
public enum WorkspaceRole: String, Sendable, Codable, CaseIterable, Comparable {
    case viewer, member, admin, owner

    /// 0 for viewer up to 3 for owner.
    public var rank: Int {
        switch self {
        case .viewer: 0
        case .member: 1
        case .admin: 2
        case .owner: 3
        }
    }

    public static func < (a: WorkspaceRole, b: WorkspaceRole) -> Bool { a.rank < b.rank }

    /// Whether someone with this role may give `role` to another user: only admins and owners
    /// manage people, and never above their own role.
    public func canGrant(_ role: WorkspaceRole) -> Bool {
        self >= .admin && role <= self
    }
}

/// What one user may do in one workspace: a role and whether personal fields are shown to them.
public struct WorkspaceAccess: Sendable, Equatable, Codable {
    public var role: WorkspaceRole
    /// The "personal data" permission: without it emails, names, phones and other personal
    /// traits are masked in every response.
    public var personalData: Bool

    public init(role: WorkspaceRole, personalData: Bool) {
        self.role = role
        self.personalData = personalData
    }
}
