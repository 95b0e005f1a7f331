import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The Destinations page and its forms:
/// - `GET /dashboard/destinations?ws=[&segment=<id>]` — destinations, activations, suppressions
///   (a segment's "Activate" link preselects it);
/// - `GET /dashboard/destinations/<id>` — the delivery log and dead letters;
/// - `POST …/webhook`, `…/email` — create; `…/<id>/test|pause|resume|rotate-secret|replay`;
///   `…/activate` — activate a segment; `/dashboard/email-suppressions/add|remove`.
/// Changes are for administrators; bad input is a problem naming the field, as in the API.
struct DestinationsRoutes<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>

    var service: ActivationService { controller.runtime.activation }
    static var path: String { "/dashboard/destinations" }

    struct Form: Decodable {
        var name: String?
        var url: String?
        var host: String?
        var port: String?
        var security: String?
        var username: String?
        var password: String?
        var from: String?
        var fromName: String?
        var subject: String?
        var text: String?
        var html: String?
        var unsubscribeUrl: String?
        var verify: String?
        var segment: String?
        var destination: String?
        var entered: String?
        var exited: String?
        var address: String?
        var id: String?
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/destinations") { request, _ in try await list(request) }
        router.get("/dashboard/destinations/:id") { request, context in
            try await detail(request, id: try context.parameters.require("id"))
        }
        router.post("/dashboard/destinations/webhook") { request, _ in
            try await change(request) { ws, form, all in
                let created = try await service.createDestination(
                    workspaceId: ws.id, name: form.name ?? "", type: "webhook", url: form.url ?? "", secret: nil)
                return try secretPage(created.destination, created.secret, ws, all)
            }
        }
        router.post("/dashboard/destinations/email") { request, _ in
            try await change(request) { ws, form, _ in
                guard let port = Int(form.port ?? "587") else {
                    throw ActivationError(field: "port", "must be a TCP port from 1 to 65535, not '\(form.port ?? "")'")
                }
                let settings = EmailSettings(
                    host: form.host ?? "", port: port,
                    security: SMTPServer.Security(rawValue: form.security ?? "") ?? .starttls,
                    username: nonEmpty(form.username), from: form.from ?? "", fromName: nonEmpty(form.fromName),
                    subject: form.subject ?? "", text: form.text ?? "", html: form.html ?? "",
                    unsubscribeBase: form.unsubscribeUrl ?? "")
                _ = try await service.createEmailDestination(
                    workspaceId: ws.id, name: form.name ?? "", settings: settings, password: nonEmpty(form.password),
                    verify: form.verify != nil)
                return back(ws)
            }
        }
        router.post("/dashboard/destinations/activate") { request, _ in
            try await change(request) { ws, form, _ in
                let on = [form.entered.map { _ in "entered" }, form.exited.map { _ in "exited" }].compactMap { $0 }
                _ = try await service.activateSegment(
                    workspaceId: ws.id, segment: form.segment ?? "", destination: form.destination ?? "", on: on)
                return back(ws, anchor: "#activations")
            }
        }
        for action in ["test", "pause", "resume", "rotate-secret", "replay"] {
            router.post("/dashboard/destinations/:id/\(action)") { request, context in
                let id = try context.parameters.require("id")
                return try await change(request) { ws, form, all in
                    switch action {
                    case "test": _ = try await service.sendTest(workspaceId: ws.id, destinationId: id)
                    case "pause", "resume":
                        _ = try await service.setActive(workspaceId: ws.id, id: id, action == "resume")
                    case "rotate-secret":
                        let rotated = try await service.rotateSecret(workspaceId: ws.id, id: id)
                        return try secretPage(rotated.destination, rotated.secret, ws, all)
                    default:
                        _ = try await service.replay(workspaceId: ws.id, destinationId: id, ids: form.id.map { [$0] })
                        return back(ws, path: Self.path + "/" + DashboardQuery.encode(id))
                    }
                    return back(ws)
                }
            }
        }
        router.post("/dashboard/email-suppressions/add") { request, _ in
            try await change(request) { ws, form, _ in
                try await service.suppressEmail(workspaceId: ws.id, address: form.address ?? "", detail: "dashboard")
                return back(ws, anchor: "#suppressions")
            }
        }
        router.post("/dashboard/email-suppressions/remove") { request, _ in
            try await change(request) { ws, form, _ in
                try await service.removeEmailSuppression(workspaceId: ws.id, address: form.address ?? "")
                return back(ws, anchor: "#suppressions")
            }
        }
    }

    func list(_ request: Request) async throws -> Response {
        let (current, all) = try await controller.workspaces(request)
        guard let ws = current else {
            return try controller.render(
                "noWorkspace", title: "Destinations", path: Self.path, workspace: nil, all: all, asOf: nil, page: ())
        }
        let page = try await listPage(
            ws, selectedSegment: request.uri.queryParameters["segment"].map(String.init),
            canManage: DashboardSession.user?.role == .admin)
        if let table = try DashboardTableDownload.requestedTable(request) {
            return try DashboardTableDownload.response(
                table, among: page.tables, page: "destinations", workspace: ws, day: Date())
        }
        return try controller.render(
            "destinations", title: "Destinations", path: Self.path, workspace: ws, all: all, asOf: nil, page: page,
            download: DashboardTableDownload.link(request))
    }

    /// The destinations page of `ws`; the page and `beacon export tables` both build it here.
    func listPage(_ ws: Workspace, selectedSegment: String?, canManage: Bool) async throws -> DestinationsPage {
        var rows: [(Destination, [OutboxMessage.State: Int])] = []
        for d in try await service.destinations(workspaceId: ws.id) {
            rows.append((d, try await service.counts(workspaceId: ws.id, destinationId: d.id)))
        }
        return DestinationsPage(
            destinations: rows,
            segments: try await controller.runtime.profiles.profileStore.segments(workspaceId: ws.id),
            activations: try await service.activations(workspaceId: ws.id),
            suppressions: try await service.emailSuppressions(workspaceId: ws.id, limit: 200),
            selectedSegment: selectedSegment, query: "?ws=" + DashboardQuery.encode(ws.name), canManage: canManage)
    }

    func detail(_ request: Request, id: String) async throws -> Response {
        let (current, all) = try await controller.workspaces(request)
        guard let ws = current else {
            throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws")
        }
        let d = try await ProblemDetails.answering { try await service.destination(workspaceId: ws.id, id: id) }
        let page = DestinationDetailPage(
            destination: d,
            log: try await service.messages(workspaceId: ws.id, destinationId: id, state: nil, limit: 50),
            dead: try await service.messages(workspaceId: ws.id, destinationId: id, state: .dead, limit: 200),
            canManage: DashboardSession.user?.role == .admin)
        if let table = try DashboardTableDownload.requestedTable(request) {
            return try DashboardTableDownload.response(
                table, among: page.tables, page: "destination", workspace: ws, day: Date())
        }
        return try controller.render(
            "destinationDetail", title: d.name, path: Self.path, workspace: ws, all: all, asOf: nil, page: page,
            download: DashboardTableDownload.link(request))
    }

    /// Runs a change for an administrator with the form read, turning `ActivationError` into a problem.
    private func change(
        _ request: Request, _ body: (Workspace, Form, [Workspace]) async throws -> Response
    ) async throws -> Response {
        // `AccessPolicy` admits admins and owners of the workspace; this guards a route served without it.
        guard let role = RequestAccess.current?.role, role >= .admin else {
            throw ProblemDetails(.forbidden, detail: "only an administrator can change destinations", field: "ws")
        }
        let (current, all) = try await controller.workspaces(request)
        guard let ws = current else {
            throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws")
        }
        let form = try await DashboardForm.decode(Form.self, from: request)
        return try await ProblemDetails.answering { try await body(ws, form, all) }
    }

    private func secretPage(_ d: Destination, _ secret: String, _ ws: Workspace, _ all: [Workspace]) throws -> Response
    {
        try controller.render(
            "destinationSecret", title: "Signing secret", path: Self.path, workspace: ws, all: all, asOf: nil,
            page: DestinationSecretPage(
                name: d.name, secret: secret, backHref: Self.path + "?ws=" + DashboardQuery.encode(ws.name)),
            status: .created)
    }

    private func back(_ ws: Workspace, path: String = Self.path, anchor: String = "") -> Response {
        Response(status: .seeOther, headers: [.location: path + "?ws=" + DashboardQuery.encode(ws.name) + anchor])
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return s
    }
}
