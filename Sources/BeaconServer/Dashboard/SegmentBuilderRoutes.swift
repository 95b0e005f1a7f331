import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The segment rule builder and its JSON endpoints:
/// - `GET /dashboard/segments/new?ws=` and `GET /dashboard/segments/<id>/edit?ws=` — the builder page;
/// - `POST /dashboard/api/segments/preview?ws=` with `{"rule": …, "sample": 10}` — the live count
///   and a sample of members (the engine's `preview`, nothing saved);
/// - `POST /dashboard/api/segments?ws=` and `PUT /dashboard/api/segments/<id>?ws=` with
///   `{"name", "description", "rule"}` — save, answering `{"id", "size", "href"}` with the detail page.
/// Bad input is a problem+json 4xx naming the field; a bad rule names the rule node.
struct SegmentBuilderRoutes<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/segments/new") { request, _ in try await builder(request, id: nil) }
        router.get("/dashboard/segments/:id/edit") { request, context in
            try await builder(request, id: try context.parameters.require("id"))
        }
        router.post("/dashboard/api/segments/preview") { request, _ in try await preview(request) }
        router.post("/dashboard/api/segments") { request, _ in try await save(request, id: nil) }
        router.put("/dashboard/api/segments/:id") { request, context in
            try await save(request, id: try context.parameters.require("id"))
        }
    }

    /// The builder page for a new segment (`id` nil) or an existing one.
    func builder(_ request: Request, id: String?) async throws -> Response {
        let title = id == nil ? "New segment" : "Edit segment", path = "/dashboard/segments"
        return try await controller.withSnapshot(request, title: title, path: path) { snapshot, all in
            let ws = snapshot.workspace
            let engine = controller.runtime.profiles
            _ = try await engine.catchUp(workspaceId: ws.id)
            let query = "?ws=" + DashboardQuery.encode(ws.name)
            var existing: SegmentDefinition?
            if let id {
                existing = try await engine.profileStore.segment(workspaceId: ws.id, id: id)
                guard existing != nil else {
                    return try controller.message(
                        snapshot, all: all, title: title, path: path, status: .notFound,
                        MessagePage(
                            heading: "No such segment", text: "There is no segment “\(id)” in this workspace.",
                            linkHref: "/dashboard/segments" + query, linkLabel: "All segments"))
                }
            }
            let page = SegmentBuilderPage(
                segment: existing, vocabulary: try await engine.segmentVocabulary(workspaceId: ws.id), query: query)
            return try controller.render(
                "segmentBuilder", title: title, path: path, workspace: ws, all: all, asOf: snapshot.lastEvent,
                page: page)
        }
    }

    /// The workspace and its profile engine. - Throws: 404 naming `ws`.
    private func engine(_ request: Request) async throws -> (ProfileEngine, Workspace) {
        guard let ws = try await controller.workspaces(request).current else {
            throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws")
        }
        return (controller.runtime.profiles, ws)
    }

    func preview(_ request: Request) async throws -> Response {
        let (engine, ws) = try await engine(request)
        let body = try await DashboardJSON.object(request)
        guard let rule = body["rule"] else { throw ProblemDetails(.badRequest, detail: "rule is required", field: "rule") }
        var sample = 10
        if let s = body["sample"] {
            guard let n = s.doubleValue, case .number = s, n >= 0, n <= 50, n == n.rounded() else {
                throw ProblemDetails(.badRequest, detail: "sample must be an integer from 0 to 50", field: "sample")
            }
            sample = Int(n)
        }
        _ = try await engine.catchUp(workspaceId: ws.id)
        let result = try await ProblemDetails.answering { try await engine.preview(workspaceId: ws.id, rule: rule, sample: sample) }
        let total = try await engine.profileStore.profileCount(workspaceId: ws.id)
        let base = "/dashboard/customers?ws=" + DashboardQuery.encode(ws.name) + "&id="
        let currency = DashboardCurrency.of(ws)
        let members: [JSONValue] = result.sample.map { p in
            .object([
                "id": .string(p.id), "name": .string(p.name ?? p.identifiers.first?.value ?? p.id),
                "email": .string(p.email ?? ""), "ltv": .string(currency.format(p.orders.lifetimeValue)),
                "href": .string(base + DashboardQuery.encode(p.id)),
            ])
        }
        return DashboardJSON.response(
            .object([
                "count": .number(Double(result.count)), "total": .number(Double(total)),
                "share": .string(total > 0 ? DashboardFormat.percent(Double(result.count) / Double(total)) : "–"),
                "sample": .array(members),
            ]))
    }

    func save(_ request: Request, id: String?) async throws -> Response {
        let (engine, ws) = try await engine(request)
        if let id, try await engine.profileStore.segment(workspaceId: ws.id, id: id) == nil {
            throw ProblemDetails(.notFound, detail: "no segment '\(id)'", field: "id")
        }
        let body = try await DashboardJSON.object(request)
        guard let name = body["name"]?.stringValue else {
            throw ProblemDetails(.badRequest, detail: "name is required (a string)", field: "name")
        }
        var description = ""
        if let d = body["description"] {
            guard let text = d.stringValue, text.count <= 1_000 else {
                throw ProblemDetails(.badRequest, detail: "description must be a string of at most 1000 characters", field: "description")
            }
            description = text
        }
        guard let rule = body["rule"] else { throw ProblemDetails(.badRequest, detail: "rule is required", field: "rule") }
        _ = try await engine.catchUp(workspaceId: ws.id)
        let saved = try await ProblemDetails.answering {
            try await engine.saveSegment(workspaceId: ws.id, id: id, name: name, description: description, rule: rule)
        }
        let href =
            "/dashboard/segments/" + DashboardQuery.encode(saved.segment.id) + "?ws=" + DashboardQuery.encode(ws.name)
        return DashboardJSON.response(
            .object([
                "id": .string(saved.segment.id), "size": .number(Double(saved.size)), "href": .string(href),
            ]), status: id == nil ? .created : .ok)
    }
}
