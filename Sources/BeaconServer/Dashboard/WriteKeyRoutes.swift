import BeaconEngine
import BeaconCore
import Foundation
import HTTPTypes
import Hummingbird

/// The data page's source management for administrators: `POST /dashboard/data/keys`
/// creates a write key for a new source and shows it once; `POST /dashboard/data/keys/revoke`
/// revokes one by fingerprint, effective at once for ingest on this server.
struct WriteKeyRoutes<Context: RequestContext>: Sendable {
    let dashboard: DashboardController<Context>

    struct KeyForm: Decodable {
        var label: String?
        var fingerprint: String?
    }

    func addRoutes(to router: Router<Context>) {
        router.post("/dashboard/data/keys") { request, _ in try await create(request) }
        router.post("/dashboard/data/keys/revoke") { request, _ in try await revoke(request) }
    }

    func create(_ request: Request) async throws -> Response {
        try await adminWorkspace(request) { workspace, all in
            let form = try await Self.form(request)
            let label = (form.label ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !label.isEmpty, label.count <= 64 else {
                throw ProblemDetails(.badRequest, detail: "a source label of 1 to 64 characters is required", field: "label")
            }
            let key = try await dashboard.runtime.workspaces.addWriteKey(to: workspace, label: label)
            return try dashboard.render(
                "newKey", title: "New write key", path: "/dashboard/data", workspace: workspace, all: all, asOf: nil,
                page: NewKeyPage(label: label, key: key, workspace: workspace.name), status: .created)
        }
    }

    func revoke(_ request: Request) async throws -> Response {
        try await adminWorkspace(request) { workspace, _ in
            let form = try await Self.form(request)
            do {
                try await dashboard.runtime.workspaces.revokeWriteKey(of: workspace, fingerprint: form.fingerprint ?? "")
            } catch let error as WorkspaceError {
                throw ProblemDetails(.badRequest, detail: error.message, field: "fingerprint")
            }
            return Response(
                status: .seeOther,
                headers: [.location: "/dashboard/data?ws=\(DashboardQuery.encode(workspace.name))#write-keys"])
        }
    }

    private func adminWorkspace(_ request: Request, _ body: (Workspace, [Workspace]) async throws -> Response)
        async throws -> Response
    {
        // `AccessPolicy` admits admins and owners of the workspace; this guards a route served without it.
        guard let role = RequestAccess.current?.role, role >= .admin else {
            throw ProblemDetails(.forbidden, detail: "only an administrator can add or revoke write keys", field: "ws")
        }
        let (current, all) = try await dashboard.workspaces(request)
        guard let current else { throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws") }
        return try await body(current, all)
    }

    static func form(_ request: Request) async throws -> KeyForm {
        try await DashboardForm.decode(KeyForm.self, from: request)
    }
}

/// The one time a new write key is shown.
struct NewKeyPage: Sendable {
    var label: String
    var key: String
    var workspace: String
}
