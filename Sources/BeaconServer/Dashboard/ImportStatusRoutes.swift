import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// `GET /dashboard/api/imports?ws=&limit=20` — the workspace's recent import jobs, newest
/// first, as `{"jobs": [...], "running": true|false}`; the data page polls it while an import
/// runs. A bad `limit` (not 1–100) is a 400 naming it; an unknown workspace a 404 naming `ws`.
struct ImportStatusRoutes<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/api/imports") { request, _ in try await imports(request) }
    }

    /// The import status view for a workspace.
    static func view(imports: ImportHistory, workspaceId: String) async throws -> ImportStatusView {
        ImportStatusView(
            jobs: try await imports.jobs(workspaceId: workspaceId, limit: ImportStatusView.limit))
    }

    func imports(_ request: Request) async throws -> Response {
        guard let ws = try await controller.workspaces(request).current else {
            throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws")
        }
        var limit = ImportStatusView.limit
        if let text = request.uri.queryParameters["limit"] {
            guard let n = Int(text), (1...100).contains(n) else {
                throw ProblemDetails(.badRequest, detail: "limit must be a whole number from 1 to 100", field: "limit")
            }
            limit = n
        }
        let jobs = try await controller.runtime.imports.jobs(workspaceId: ws.id, limit: limit)
        return DashboardJSON.response(
            .object([
                "jobs": .array(jobs.map(ImportStatusView.json)), "running": .bool(jobs.contains { $0.state == .running }),
            ]))
    }
}
