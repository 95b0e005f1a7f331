import BeaconEngine
import BeaconCore
import Foundation
import HTTPTypes
import Hummingbird

/// The dashboard's account and user-management pages: `GET /dashboard/account` with
/// `POST /dashboard/account/password` for everyone, and `GET/POST /dashboard/users` (add),
/// `POST /dashboard/users/grant|revoke|delete` for administrators.
///
/// Forms post as plain HTML (no script needed) and answer with a redirect back to the page
/// (post/redirect/get); refused input re-renders the page with a 4xx and a message naming
/// the field. Members get a 403 page for the administrators' routes.
struct DashboardUsersController<Context: RequestContext>: Sendable {
    let dashboard: DashboardController<Context>
    let users: UserService

    struct UserForm: Decodable {
        var email: String?
        var name: String?
        var role: String?
        var password: String?
        var workspaces: [String]?
        var user: String?
        var workspace: String?
        var current: String?
        var `repeat`: String?
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/users") { request, _ in try await list(request) }
        router.post("/dashboard/users") { request, _ in try await create(request) }
        router.post("/dashboard/users/grant") { request, _ in try await changeGrant(request, grant: true) }
        router.post("/dashboard/users/revoke") { request, _ in try await changeGrant(request, grant: false) }
        router.post("/dashboard/users/delete") { request, _ in try await delete(request) }
        router.get("/dashboard/account") { request, _ in try await account(request, error: nil, status: .ok) }
        router.post("/dashboard/account/password") { request, _ in try await changePassword(request) }
    }

    // MARK: Users (administrators)

    func list(_ request: Request) async throws -> Response {
        try await adminOnly(request) { me in
            let notice: String? =
                switch request.uri.queryParameters["done"].map(String.init) {
                case "created": "User added. They can sign in now with the password you chose."
                case "granted": "Workspace granted."
                case "revoked": "Workspace revoked."
                case "deleted": "User removed; their sessions have ended."
                default: nil
                }
            return try await page(request, me: me, notice: notice)
        }
    }

    func create(_ request: Request) async throws -> Response {
        try await adminOnly(request) { me in
            let form = try await Self.form(request)
            let role = DashboardUser.Role(rawValue: form.role ?? "member")
            do {
                guard let role else { throw UserError(field: "role", "choose member or admin") }
                let all = try await dashboard.runtime.workspaces.all()
                let chosen = try (form.workspaces ?? []).map { name in
                    guard let w = all.first(where: { $0.name == name }) else {
                        throw UserError(field: "workspaces", "there is no workspace named '\(name)'")
                    }
                    return w
                }
                let user = try await users.createUser(
                    email: form.email ?? "", name: form.name ?? "", password: form.password ?? "", role: role)
                for w in chosen { try await users.store.grantWorkspace(userId: user.id, workspaceId: w.id) }
                return Self.back("created")
            } catch let error as UserError {
                return try await page(
                    request, me: me, error: "\(error.field): \(error.message)", field: error.field, status: .badRequest,
                    draft: form)
            } catch let error as StoreError where error.code == .conflict {
                return try await page(
                    request, me: me, error: "email: \(error.message)", field: "email", status: .conflict, draft: form)
            }
        }
    }

    func changeGrant(_ request: Request, grant: Bool) async throws -> Response {
        try await adminOnly(request) { me in
            let form = try await Self.form(request)
            guard let user = try await users.store.user(id: form.user ?? "") else {
                return try await page(request, me: me, error: "user: there is no such user", field: "user", status: .notFound)
            }
            guard let w = try await dashboard.runtime.workspaces.named(form.workspace ?? "") else {
                return try await page(
                    request, me: me, error: "workspace: there is no workspace named '\(form.workspace ?? "")'",
                    field: "workspace", status: .notFound)
            }
            if grant {
                try await users.store.grantWorkspace(userId: user.id, workspaceId: w.id)
            } else {
                try await users.store.revokeWorkspace(userId: user.id, workspaceId: w.id)
            }
            return Self.back(grant ? "granted" : "revoked")
        }
    }

    func delete(_ request: Request) async throws -> Response {
        try await adminOnly(request) { me in
            let form = try await Self.form(request)
            guard form.user != me.id else {
                return try await page(
                    request, me: me, error: "user: you cannot remove yourself; ask another administrator",
                    field: "user", status: .badRequest)
            }
            guard try await users.store.deleteUser(id: form.user ?? "") else {
                return try await page(request, me: me, error: "user: there is no such user", field: "user", status: .notFound)
            }
            return Self.back("deleted")
        }
    }

    // MARK: Account (everyone)

    func account(_ request: Request, error: String?, status: HTTPResponse.Status) async throws -> Response {
        guard let me = DashboardSession.user else { throw HTTPError(.unauthorized) }
        let (current, all) = try await dashboard.workspaces(request)
        return try dashboard.render(
            "account", title: "Account", path: "/dashboard/account", workspace: current, all: all, asOf: nil,
            page: AccountPage(email: me.email, name: me.name, role: me.role.rawValue, error: error), status: status)
    }

    func changePassword(_ request: Request) async throws -> Response {
        guard let me = DashboardSession.user else { throw HTTPError(.unauthorized) }
        let form = try await Self.form(request)
        guard form.password == form.repeat else {
            return try await account(request, error: "repeat: the two new passwords differ", status: .badRequest)
        }
        do {
            try await users.changeOwnPassword(me, current: form.current ?? "", new: form.password ?? "")
        } catch let error as UserError {
            return try await account(request, error: "\(error.field): \(error.message)", status: .badRequest)
        }
        return Response(status: .seeOther, headers: [.location: "/login?next=%2Fdashboard%2Faccount"])
    }

    // MARK: Steps

    private func adminOnly(_ request: Request, _ body: (DashboardUser) async throws -> Response) async throws -> Response {
        guard let me = DashboardSession.user else { throw HTTPError(.unauthorized) }
        guard me.role == .admin else {
            let (current, all) = try await dashboard.workspaces(request)
            return try dashboard.render(
                "message", title: "Users", path: "/dashboard/users", workspace: current, all: all, asOf: nil,
                page: MessagePage(
                    heading: "Administrators only", text: "Ask an administrator to add people or change their access.",
                    linkHref: "/dashboard", linkLabel: "Back to the overview"), status: .forbidden)
        }
        return try await body(me)
    }

    private func page(
        _ request: Request, me: DashboardUser, notice: String? = nil, error: String? = nil, field: String? = nil,
        status: HTTPResponse.Status = .ok, draft: UserForm? = nil
    ) async throws -> Response {
        let (current, all) = try await dashboard.workspaces(request)
        let everyone = try await users.store.listUsers()
        var grants: [String: Set<String>] = [:]
        for u in everyone where u.role == .member { grants[u.id] = try await users.store.grantedWorkspaceIds(userId: u.id) }
        let page = UsersPage(
            users: everyone, grants: grants, workspaces: all, me: me, notice: notice, error: error, errorField: field,
            draftEmail: draft?.email ?? "", draftName: draft?.name ?? "")
        if let table = try DashboardTableDownload.requestedTable(request) {
            return try DashboardTableDownload.response(
                table, among: [page.table], page: "users", fileOwner: "beacon", day: Date())
        }
        return try dashboard.render(
            "users", title: "Users", path: "/dashboard/users", workspace: current, all: all, asOf: nil, page: page,
            status: status, download: DashboardTableDownload.link(request))
    }

    static func form(_ request: Request) async throws -> UserForm {
        try await DashboardForm.decode(UserForm.self, from: request)
    }

    static func back(_ done: String) -> Response {
        Response(status: .seeOther, headers: [.location: "/dashboard/users?done=\(done)"])
    }
}
