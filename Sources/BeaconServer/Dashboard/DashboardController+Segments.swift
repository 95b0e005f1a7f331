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
            let engine = runtime.profiles
            let store = engine.profileStore
            _ = try await engine.catchUp(workspaceId: ws.id)
            let page = SegmentsPage(
                segments: try await store.segments(workspaceId: ws.id),
                members: try await store.allSegmentMembers(workspaceId: ws.id),
                profileCount: try await store.profileCount(workspaceId: ws.id),
                query: "?ws=" + DashboardQuery.encode(ws.name))
            return try render(
                "segments", title: title, path: path, workspace: ws, all: all, asOf: snapshot.lastEvent, page: page)
        }
    }
}
