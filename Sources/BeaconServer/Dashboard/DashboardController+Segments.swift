import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

extension DashboardController {
    /// `GET /dashboard/segments?ws=`.
    func segments(_ request: Request) async throws -> Response {
        let title = "Segments", path = "/dashboard/segments"
        return try await withSnapshot(request, title: title, path: path) { snapshot, all in
            let ws = snapshot.workspace
            let page = try await segmentsPage(ws)
            if let table = try DashboardTableDownload.requestedTable(request) {
                return try DashboardTableDownload.response(
                    table, among: page.tables, page: "segments", workspace: ws, day: snapshot.lastEvent ?? Date())
            }
            return try render(
                "segments", title: title, path: path, workspace: ws, all: all, asOf: snapshot.lastEvent, page: page,
                download: DashboardTableDownload.link(request))
        }
    }

    /// The segments page of `workspace` (live sizes); the page and `beacon export tables` both build it here.
    func segmentsPage(_ ws: Workspace) async throws -> SegmentsPage {
        let engine = runtime.profiles
        let store = engine.profileStore
        _ = try await engine.catchUp(workspaceId: ws.id)
        return SegmentsPage(
            segments: try await store.segments(workspaceId: ws.id),
            members: try await store.allSegmentMembers(workspaceId: ws.id),
            profileCount: try await store.profileCount(workspaceId: ws.id),
            query: "?ws=" + DashboardQuery.encode(ws.name))
    }
}
