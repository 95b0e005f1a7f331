import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// Segments over HTTP: CRUD, preview, members (paged), CSV export, overlap, entered/exited
/// changes and size over time, authenticated with a workspace API token.
struct SegmentsController<Context: RequestContext> {
    let api: ProfileAPIRequest

    func addRoutes(to router: Router<Context>) {
        router.get("/api/segments") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            var items: [JSONValue] = []
            for s in try await engine.profileStore.segments(workspaceId: ws.id) {
                items.append(try await summary(engine, s))
            }
            return ProfileAPIRequest.json(.object(["segments": .array(items)]))
        }
        router.post("/api/segments") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let (name, description, rule) = try await definition(request)
            let saved = try await run { try await engine.saveSegment(workspaceId: ws.id, name: name, description: description, rule: rule) }
            return ProfileAPIRequest.json(try await summary(engine, saved.segment), status: .created)
        }
        router.post("/api/segments/preview") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let body = try await api.body(request)
            guard let rule = body["rule"] else { throw ProblemDetails(.badRequest, detail: "rule is required", field: "rule") }
            var sample = 10
            if let s = body["sample"] {
                guard let n = s.doubleValue, n >= 0, n <= 100, n == n.rounded() else {
                    throw ProblemDetails(.badRequest, detail: "sample must be an integer from 0 to 100", field: "sample")
                }
                sample = Int(n)
            }
            let preview = try await run { try await engine.preview(workspaceId: ws.id, rule: rule, sample: sample) }
            let now = try await engine.today(workspaceId: ws.id)
            return ProfileAPIRequest.json(.object([
                "count": .number(Double(preview.count)), "sample": .array(preview.sample.map { $0.apiJSON(asOf: now) }),
            ]))
        }
        router.get("/api/segments/overlap") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let ids = (request.uri.queryParameters["ids"].map(String.init) ?? "").split(separator: ",").map(String.init)
            guard ids.count >= 2, ids.count <= 20 else {
                throw ProblemDetails(.badRequest, detail: "ids must list 2 to 20 segment ids separated by commas", field: "ids")
            }
            for id in ids where try await engine.profileStore.segment(workspaceId: ws.id, id: id) == nil {
                throw ProblemDetails(.notFound, detail: "no segment '\(id)'", field: "ids")
            }
            let pairs = try await engine.overlap(workspaceId: ws.id, segmentIds: ids)
            return ProfileAPIRequest.json(.object(["pairs": .array(pairs.map { p in
                .object(["a": .string(p.a), "b": .string(p.b), "sizeA": .number(Double(p.sizeA)), "sizeB": .number(Double(p.sizeB)),
                         "both": .number(Double(p.both)), "jaccard": .number(p.jaccard)])
            })]))
        }
        router.get("/api/segments/:id") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let s = try await segment(engine, ws, context)
            guard case .object(var o) = try await summary(engine, s) else { throw ProblemDetails(.internalServerError, detail: "summary") }
            let share = try await engine.revenueContribution(workspaceId: ws.id, segmentId: s.id)
            o["revenue"] = .number(share.revenue)
            o["revenueShare"] = .number(share.total == 0 ? 0 : share.revenue / share.total)
            o["sizeOverTime"] = .array(try await engine.profileStore.segmentSizes(workspaceId: ws.id, segmentId: s.id).map {
                .object(["at": .string(Timestamp.format($0.at)), "size": .number(Double($0.size))])
            })
            return ProfileAPIRequest.json(.object(o))
        }
        router.put("/api/segments/:id") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let existing = try await segment(engine, ws, context)
            let (name, description, rule) = try await definition(request)
            let saved = try await run {
                try await engine.saveSegment(workspaceId: ws.id, id: existing.id, name: name, description: description, rule: rule)
            }
            return ProfileAPIRequest.json(try await summary(engine, saved.segment))
        }
        router.delete("/api/segments/:id") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            guard try await engine.deleteSegment(workspaceId: ws.id, id: id) else {
                throw ProblemDetails(.notFound, detail: "no segment '\(id)'", field: "id")
            }
            return Response(status: .noContent)
        }
        router.get("/api/segments/:id/members") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let s = try await segment(engine, ws, context)
            let limit = try api.limit(request, default: 100, max: 10_000)
            let after = request.uri.queryParameters["after"].map(String.init)
            let ids = try await engine.profileStore.segmentMembers(workspaceId: ws.id, segmentId: s.id, after: after, limit: limit)
            var body: [String: JSONValue] = ["segment": .string(s.id), "members": .array(ids.map(JSONValue.string))]
            if ids.count == limit { body["next"] = ids.last.map(JSONValue.string) }
            return ProfileAPIRequest.json(.object(body))
        }
        router.get("/api/segments/:id/replayed-sizes") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let s = try await segment(engine, ws, context)
            let points = try api.integer(request, "points", default: 52, range: 1...366)
            let step = try api.integer(request, "step_days", default: 7, range: 1...365)
            let sample = try api.integer(request, "sample", default: 20_000, range: 1_000...10_000_000)
            let sizes = try await engine.replayedSizes(workspaceId: ws.id, segmentId: s.id, through: try await engine.today(workspaceId: ws.id), points: points,
                                                       stepDays: step, sampleLimit: sample) ?? []
            return ProfileAPIRequest.json(.object([
                "segment": .string(s.id), "stepDays": .number(Double(step)),
                "sizes": .array(sizes.map { .object(["at": .string(Timestamp.format($0.at)), "size": .number(Double($0.size))]) }),
            ]))
        }
        router.get("/api/segments/:id/changes") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let s = try await segment(engine, ws, context)
            let after = try ProfileAPIRequest.cursor(request, "after", of: "a change number")
            let changes = try await engine.profileStore.membershipChanges(workspaceId: ws.id, segmentId: s.id, after: after,
                                                                          limit: try api.limit(request, default: 100, max: 10_000))
            return ProfileAPIRequest.json(.object(["changes": .array(changes.map { c in
                .object(["sequence": .number(Double(c.sequence)), "profile": .string(c.profileId), "kind": .string(c.kind.rawValue),
                         "at": .string(Timestamp.format(c.at))])
            })]))
        }
        router.get("/api/segments/:id/export.csv") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let s = try await segment(engine, ws, context)
            let columns = (request.uri.queryParameters["traits"].map(String.init) ?? "email,name,lifetime_value,order_count")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard columns.count <= 50 else { throw ProblemDetails(.badRequest, detail: "at most 50 traits", field: "traits") }
            let csv = try await SegmentCSVExport.csv(engine: engine, workspaceId: ws.id, segmentId: s.id, traits: columns, asOf: try await engine.today(workspaceId: ws.id))
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(s.id).csv\"",
            ], body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    private func segment(_ engine: ProfileEngine, _ ws: Workspace, _ context: Context) async throws -> SegmentDefinition {
        let id = try context.parameters.require("id")
        guard let s = try await engine.profileStore.segment(workspaceId: ws.id, id: id) else {
            throw ProblemDetails(.notFound, detail: "no segment '\(id)'", field: "id")
        }
        return s
    }

    private func definition(_ request: Request) async throws -> (String, String, JSONValue) {
        let body = try await api.body(request)
        guard let name = body["name"]?.stringValue else {
            throw ProblemDetails(.badRequest, detail: "name is required (a string)", field: "name")
        }
        guard let rule = body["rule"] else { throw ProblemDetails(.badRequest, detail: "rule is required", field: "rule") }
        return (name, body["description"]?.stringValue ?? "", rule)
    }

    private func summary(_ engine: ProfileEngine, _ s: SegmentDefinition) async throws -> JSONValue {
        let size = try await engine.members(workspaceId: s.workspaceId, segmentId: s.id).count
        return .object([
            "id": .string(s.id), "name": .string(s.name), "description": .string(s.description), "rule": s.rule,
            "system": .bool(s.system), "size": .number(Double(size)),
            "createdAt": .string(Timestamp.format(s.createdAt)), "updatedAt": .string(Timestamp.format(s.updatedAt)),
        ])
    }

    /// Runs an engine call, turning rule and request errors into problem+json naming the field
    /// (the same mapping the dashboard's segment builder uses).
    private func run<T>(_ body: () async throws -> T) async throws -> T {
        try await ProblemDetails.answering(body)
    }
}
