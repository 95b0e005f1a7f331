import BeaconCore
import Foundation

/// The administrators' page of dashboard users: who exists, their role and the workspaces
/// a member may see, with forms to add a user, grant or revoke a workspace and remove a user.
struct UsersPage: Sendable {
    struct Row: Sendable {
        struct Grant: Sendable {
            var workspace: String
        }

        var id: String
        var email: String
        var name: String
        var role: String
        var isAdmin: Bool
        var isSelf: Bool
        var created: String
        var grants: [Grant]
        var hasGrants: Bool
        /// Workspaces the member does not see yet (for the grant form).
        var grantable: [String]
        var canGrant: Bool
    }

    struct WorkspaceChoice: Sendable {
        var name: String
        var index: Int
    }

    var rows: [Row]
    var workspaces: [WorkspaceChoice]
    /// A confirmation or an error from the last form, with the field it names.
    var notice: String?
    var error: String?
    var errorField: String?
    /// What was typed into the add-user form, kept when it is refused.
    var draftEmail: String
    var draftName: String
    /// The users as a table for the CSV download (`users`); the page shows them with their forms.
    var table: DashboardTable

    init(
        users: [DashboardUser], grants: [String: Set<String>], workspaces: [Workspace], me: DashboardUser?,
        notice: String? = nil, error: String? = nil, errorField: String? = nil, draftEmail: String = "",
        draftName: String = ""
    ) {
        let byId = Dictionary(uniqueKeysWithValues: workspaces.map { ($0.id, $0.name) })
        rows = users.map { u in
            let granted = (grants[u.id] ?? []).compactMap { byId[$0] }.sorted()
            let grantable = workspaces.map(\.name).filter { !granted.contains($0) }.sorted()
            return Row(
                id: u.id, email: u.email, name: u.name, role: u.role.rawValue, isAdmin: u.role == .admin,
                isSelf: u.id == me?.id, created: DashboardFormat.day(u.createdAt),
                grants: granted.map { Row.Grant(workspace: $0) }, hasGrants: !granted.isEmpty, grantable: grantable,
                canGrant: u.role == .member && !grantable.isEmpty)
        }
        self.workspaces = workspaces.map(\.name).sorted().enumerated().map { WorkspaceChoice(name: $1, index: $0) }
        self.notice = notice
        self.error = error
        self.errorField = errorField
        self.draftEmail = draftEmail
        self.draftName = draftName
        table = DashboardTable(
            id: "users", title: "Everyone with a dashboard sign-in",
            columns: [.init("Email"), .init("Name"), .init("Role"), .init("Workspaces"), .init("Since", .date)],
            rows: zip(users, rows).map { u, r in
                [.text(r.email), .text(r.name), .text(r.role),
                 .text(r.isAdmin ? "all" : r.grants.map(\.workspace).joined(separator: "; ")), .date(u.createdAt)]
            },
            currency: .usDollar)
    }
}

/// The account page: who is signed in, and the form to change one's own password.
struct AccountPage: Sendable {
    var email: String
    var name: String
    var role: String
    var error: String?
}
