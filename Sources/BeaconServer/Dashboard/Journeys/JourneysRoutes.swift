import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The Journeys pages (read-only; journeys are built with the API and the CLI):
/// - `GET /dashboard/journeys?ws=` — every journey with its status and the people in it;
/// - `GET /dashboard/journeys/<id>?ws=` — its settings, each version's steps with the per-step
///   funnel, and its experiments.
struct JourneysRoutes<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>

    var service: JourneyService { controller.runtime.journeys }
    static var path: String { "/dashboard/journeys" }

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/journeys") { request, _ in try await list(request) }
        router.get("/dashboard/journeys/:id") { request, context in
            try await detail(request, id: try context.parameters.require("id"))
        }
    }

    func list(_ request: Request) async throws -> Response {
        let (current, all) = try await controller.workspaces(request)
        guard let ws = current else {
            return try controller.render(
                "noWorkspace", title: "Journeys", path: Self.path, workspace: nil, all: all, asOf: nil, page: ())
        }
        let page = try await listPage(ws)
        if let table = try DashboardTableDownload.requestedTable(request) {
            return try DashboardTableDownload.response(
                table, among: page.tables, page: "journeys", workspace: ws,
                day: try await controller.runtime.profiles.today(workspaceId: ws.id))
        }
        return try controller.render(
            "journeys", title: "Journeys", path: Self.path, workspace: ws, all: all, asOf: nil, page: page,
            download: DashboardTableDownload.link(request))
    }

    /// The journeys page of `ws`; the page and `beacon export tables` both build it here.
    func listPage(_ ws: Workspace) async throws -> JourneysPage {
        var rows: [(Journey, [JourneyFunnelStep])] = []
        for j in try await service.list(workspaceId: ws.id) {
            rows.append((j, try await service.funnel(workspaceId: ws.id, id: j.id)))
        }
        return JourneysPage(rows, query: "?ws=" + DashboardQuery.encode(ws.name))
    }

    func detail(_ request: Request, id: String) async throws -> Response {
        let (current, all) = try await controller.workspaces(request)
        guard let ws = current else {
            throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws")
        }
        let page = try await ProblemDetails.answering {
            let j = try await service.journey(workspaceId: ws.id, id: id)
            return JourneyDetailPage(
                journey: j, versions: try await service.versions(workspaceId: ws.id, id: id),
                funnel: try await service.funnel(workspaceId: ws.id, id: id),
                experiments: try await service.experiments(workspaceId: ws.id, id: id),
                query: "?ws=" + DashboardQuery.encode(ws.name))
        }
        if let table = try DashboardTableDownload.requestedTable(request) {
            return try DashboardTableDownload.response(
                table, among: page.tables, page: "journey-" + page.id, workspace: ws,
                day: try await controller.runtime.profiles.today(workspaceId: ws.id))
        }
        return try controller.render(
            "journeyDetail", title: page.name, path: Self.path, workspace: ws, all: all, asOf: nil, page: page,
            download: DashboardTableDownload.link(request))
    }
}
