import BeaconCore
import BeaconEngine
import Foundation
import HTTPTypes
import Hummingbird

/// The People page of the selected workspace (`?ws=`): `GET /dashboard/people` lists who holds
/// which role, `POST /dashboard/people` gives a dashboard user a role and the personal-data
/// permission, both for the workspace's admins and owners (`AccessPolicy`).
///
/// Roles are given through `AccessService.grant`, which refuses a role above the giver's own
/// (403 naming `role`) or a personal-data permission they do not hold (403 naming
/// `personalData`) and records `grant.set` in the audit log in the same transaction.
struct WorkspacePeopleController<Context: RequestContext>: Sendable {
    let dashboard: DashboardController<Context>

    var runtime: BeaconRuntime { dashboard.runtime }

    struct RoleForm: Decodable {
        var email: String?
        var role: String?
        var personalData: String?
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/people") { request, _ in
            let notice = request.uri.queryParameters["done"] == "saved" ? "Role saved." : nil
            return try await page(request, notice: notice)
        }
        router.post("/dashboard/people") { request, _ in try await save(request) }
    }

    func save(_ request: Request) async throws -> Response {
        guard let me = DashboardSession.user else { throw HTTPError(.unauthorized) }
        let (current, _) = try await dashboard.workspaces(request)
        guard let workspace = current else { throw ProblemDetails(.notFound, detail: "no workspace selected", field: "ws") }
        let form = try await DashboardForm.decode(RoleForm.self, from: request)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard let role = WorkspaceRole(rawValue: form.role ?? "") else {
            return try await page(
                request, error: "role: choose one of \(WorkspaceRole.allCases.map(\.rawValue).joined(separator: ", "))",
                field: "role", status: .badRequest, draftEmail: email)
        }
        guard let user = try await runtime.users.store.user(email: email) else {
            return try await page(
                request, error: "email: there is no dashboard user '\(email)' (an installation administrator adds users)",
                field: "email", status: .notFound, draftEmail: email)
        }
        do {
            try await runtime.access.grant(
                WorkspaceAccess(role: role, personalData: form.personalData == "on"), to: user, in: workspace, by: me)
        } catch let error as AuditError {
            return try await page(
                request, error: "\(error.field): \(error.message)", field: error.field, status: .forbidden, draftEmail: email)
        }
        // The grant recorded its own audit entry (grant.set) with the change.
        RequestAccess.noteRecorded()
        return Response(status: .seeOther, headers: [.location: "/dashboard/people?ws=\(Self.encoded(workspace.name))&done=saved"])
    }

    func page(
        _ request: Request, notice: String? = nil, error: String? = nil, field: String? = nil,
        status: HTTPResponse.Status = .ok, draftEmail: String = ""
    ) async throws -> Response {
        guard let me = DashboardSession.user else { throw HTTPError(.unauthorized) }
        let (current, all) = try await dashboard.workspaces(request)
        guard let workspace = current else { throw ProblemDetails(.notFound, detail: "no workspace selected", field: "ws") }
        let rows = try await Self.rows(runtime, workspace)
        let own = try await runtime.access.access(of: me, in: workspace.id)
        let grantable = WorkspaceRole.allCases.filter { own?.role.canGrant($0) == true }.map(\.rawValue)
        let view = WorkspacePeoplePage(
            rows: rows, grantable: grantable, mayGrantPersonalData: own?.personalData == true,
            query: "?ws=\(Self.encoded(workspace.name))", notice: notice, error: error, errorField: field,
            draftEmail: draftEmail)
        if let table = try DashboardTableDownload.requestedTable(request) {
            return try DashboardTableDownload.response(
                table, among: [view.table], page: "people", workspace: workspace, day: Date())
        }
        return try dashboard.render(
            "people", title: "People", path: "/dashboard/people", workspace: workspace, all: all, asOf: nil, page: view,
            status: status, download: DashboardTableDownload.link(request))
    }

    /// Everyone with a role in `workspace`; the page and `beacon export tables` both list them here.
    static func rows(_ runtime: BeaconRuntime, _ workspace: Workspace) async throws -> [WorkspacePeoplePage.Row] {
        var rows: [WorkspacePeoplePage.Row] = []
        for user in try await runtime.users.store.listUsers() {
            guard let access = try await runtime.access.access(of: user, in: workspace.id) else { continue }
            rows.append(
                WorkspacePeoplePage.Row(
                    email: user.email, name: user.name, role: access.role.rawValue, personalData: access.personalData,
                    installationAdmin: user.role == .admin))
        }
        return rows
    }

    static func encoded(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
    }
}
