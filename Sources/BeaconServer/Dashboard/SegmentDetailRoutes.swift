import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The segment detail page and its CSV export:
/// - `GET /dashboard/segments/<id>?ws=` — size, revenue share, size over time, overlap, members;
/// - `GET /dashboard/segments/<id>/export.csv?ws=&traits=email&traits=name…` — the members as
///   CSV with the chosen traits (`SegmentCSVExport`, as the token API's export); `traits`
///   may repeat or list names separated by commas.
/// An unknown segment is a 404 naming `id`; bad trait lists a 400 naming `traits`.
struct SegmentDetailRoutes<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>

    /// Members shown on the page.
    static var sampleSize: Int { 20 }
    /// Traits one export may ask for.
    static var maxExportTraits: Int { 50 }
    /// Profiles replayed for the size history; a larger workspace is sampled.
    static var replaySample: Int { 20_000 }

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/segments/:id") { request, context in
            try await detail(request, id: try context.parameters.require("id"))
        }
        router.get("/dashboard/segments/:id/export.csv") { request, context in
            try await export(request, id: try context.parameters.require("id"))
        }
    }

    func detail(_ request: Request, id: String) async throws -> Response {
        let path = "/dashboard/segments"
        return try await controller.withSnapshot(request, title: "Segment", path: path) { snapshot, all in
            let ws = snapshot.workspace
            let engine = controller.runtime.profiles
            _ = try await engine.catchUp(workspaceId: ws.id)
            let store = engine.profileStore
            let query = "?ws=" + DashboardQuery.encode(ws.name)
            guard let segment = try await store.segment(workspaceId: ws.id, id: id) else {
                return try controller.message(
                    snapshot, all: all, title: "Segment", path: path, status: .notFound,
                    MessagePage(
                        heading: "No such segment", text: "There is no segment “\(id)” in this workspace.",
                        linkHref: path + query, linkLabel: "All segments"))
            }
            var changes: [MembershipChange] = []
            var after: Int64?
            while true {
                let page = try await store.membershipChanges(
                    workspaceId: ws.id, segmentId: id, after: after, limit: 10_000)
                changes += page
                guard page.count == 10_000, let last = page.last else { break }
                after = last.sequence
            }
            var sample: [Profile] = []
            for pid in try await store.segmentMembers(
                workspaceId: ws.id, segmentId: id, after: nil, limit: Self.sampleSize)
            {
                if let p = try await store.profile(workspaceId: ws.id, id: pid) { sample.append(p) }
            }
            let now = Date()
            let recorded = SegmentSizeHistory.daily(changes, through: now)
            let profileCount = try await store.profileCount(workspaceId: ws.id)
            // Until the recorded changes cover two weeks, the size is replayed from the event
            // history, weekly for a year through the last event (as the other pages read the
            // data), from a sample of profiles in a large workspace.
            let replayed =
                recorded.count >= SegmentDetailPage.recordedDaysForChart
                ? nil
                : try await engine.replayedSizes(
                    workspaceId: ws.id, segmentId: id, through: try await engine.today(workspaceId: ws.id),
                    sampleLimit: Self.replaySample)
            let page = SegmentDetailPage(
                segment: segment, all: try await store.segments(workspaceId: ws.id),
                members: try await store.allSegmentMembers(workspaceId: ws.id),
                profileCount: profileCount,
                history: recorded, replayed: replayed ?? [],
                replaySample: profileCount > Self.replaySample ? Self.replaySample : nil,
                revenue: try await engine.revenueContribution(workspaceId: ws.id, segmentId: id), sample: sample,
                ownTraits: try await engine.segmentVocabulary(workspaceId: ws.id).traits, query: query,
                currency: DashboardCurrency.of(ws))
            if let table = try DashboardTableDownload.requestedTable(request) {
                return try DashboardTableDownload.response(
                    table, among: page.tables, page: "segment-" + id, workspace: ws, day: snapshot.lastEvent ?? Date())
            }
            return try controller.render(
                "segmentDetail", title: segment.name, path: path, workspace: ws, all: all, asOf: snapshot.lastEvent,
                page: page, download: DashboardTableDownload.link(request))
        }
    }

    /// The trait columns asked for: every `traits` value, split at commas, blanks dropped.
    /// - Throws: 400 naming `traits` for none, too many, or an over-long name.
    static func exportTraits(_ request: Request) throws -> [String] {
        let names = request.uri.queryParameters.getAll("traits")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw ProblemDetails(.badRequest, detail: "choose at least one trait to export", field: "traits")
        }
        guard names.count <= maxExportTraits else {
            throw ProblemDetails(.badRequest, detail: "at most \(maxExportTraits) traits", field: "traits")
        }
        if let long = names.first(where: { $0.count > 200 }) {
            throw ProblemDetails(
                .badRequest, detail: "trait name '\(long.prefix(40))…' is longer than 200 characters", field: "traits")
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    func export(_ request: Request, id: String) async throws -> Response {
        guard let ws = try await controller.workspaces(request).current else {
            throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws")
        }
        let engine = controller.runtime.profiles
        guard try await engine.profileStore.segment(workspaceId: ws.id, id: id) != nil else {
            throw ProblemDetails(.notFound, detail: "no segment '\(id)'", field: "id")
        }
        let traits = try Self.exportTraits(request)
        _ = try await engine.catchUp(workspaceId: ws.id)
        let csv = try await SegmentCSVExport.csv(
            engine: engine, workspaceId: ws.id, segmentId: id, traits: traits, asOf: try await engine.today(workspaceId: ws.id))
        var headers = DashboardRenderer.securityHeaders
        headers[.contentType] = "text/csv; charset=utf-8"
        let file = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        headers[.contentDisposition] = "attachment; filename=\"\(file).csv\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: csv)))
    }
}
