import BeaconCore
import BeaconStore
import Foundation
import Hummingbird

extension DashboardController {
    /// `GET /dashboard/segments?ws=`.
    func segments(_ request: Request) async throws -> Response {
        let title = "Segments", path = "/dashboard/segments"
        return try await withSnapshot(request, title: title, path: path) { snapshot, all in
            let ws = snapshot.workspace
            guard let store = runtime.store as? any ProfileStore, let engine = runtime.profiles else {
                let page = SegmentsPage(available: false, segments: [], members: [:], profileCount: 0, query: "")
                return try render(
                    "segments", title: title, path: path, workspace: ws, all: all, asOf: snapshot.lastEvent, page: page)
            }
            _ = try await engine.catchUp(workspaceId: ws.id)
            let page = SegmentsPage(
                available: true, segments: try await store.segments(workspaceId: ws.id),
                members: try await store.allSegmentMembers(workspaceId: ws.id),
                profileCount: try await store.profileCount(workspaceId: ws.id),
                query: "?ws=" + DashboardQuery.encode(ws.name))
            return try render(
                "segments", title: title, path: path, workspace: ws, all: all, asOf: snapshot.lastEvent, page: page)
        }
    }
}
