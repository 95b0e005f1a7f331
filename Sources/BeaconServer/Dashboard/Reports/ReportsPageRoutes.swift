import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The dashboard's Reports page (`/dashboard/reports?ws=`): the workspace's scheduled email
/// reports with a preview of each email, "send now", pause/resume and delete, a form that
/// schedules the report for the signed-in user, and the delivery history.
struct ReportsPageRoutes<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>
    let runner: ReportScheduleRunner

    static var path: String { "/dashboard/reports" }
    var service: ReportScheduleService { controller.runtime.reportSchedules }

    struct Form: Decodable {
        var name: String?
        var schedule: String?
        var time: String?
        var cron: String?
        var timeZone: String?
        var destination: String?
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/reports") { request, _ in
            let notice = request.uri.queryParameters["done"].map { "Report \($0)." }
            return try await page(request, notice: notice)
        }
        router.post("/dashboard/reports") { request, _ in try await create(request) }
        router.get("/dashboard/reports/:id/preview") { request, context in
            let (ws, _) = try await workspace(request)
            let id = try context.parameters.require("id")
            let s = try await ProblemDetails.answering { try await service.schedule(workspaceId: ws.id, id: id) }
            let email = try await ProblemDetails.answering { try await runner.preview(s) }
            var headers = DashboardRenderer.securityHeaders
            headers[.contentType] = "text/html; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: email.html)))
        }
        for action in ReportsPage.actions {
            router.post("/dashboard/reports/:id/\(action)") { request, context in
                let (ws, _) = try await workspace(request)
                let id = try context.parameters.require("id")
                let done: String = try await ProblemDetails.answering {
                    switch action {
                    case "send":
                        let run = try await runner.sendNow(workspaceId: ws.id, id: id)
                        return run.status == .sent ? "sent" : "not sent: \(run.error ?? "")"
                    case "pause":
                        _ = try await service.setActive(workspaceId: ws.id, id: id, false)
                        return "paused"
                    case "resume":
                        _ = try await service.setActive(workspaceId: ws.id, id: id, true)
                        return "resumed"
                    default:
                        try await service.delete(workspaceId: ws.id, id: id)
                        return "deleted"
                    }
                }
                return back(ws, done: done)
            }
        }
    }

    private func workspace(_ request: Request) async throws -> (Workspace, [Workspace]) {
        let (current, all) = try await controller.workspaces(request)
        guard let ws = current else { throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws") }
        return (ws, all)
    }

    private func create(_ request: Request) async throws -> Response {
        guard let me = DashboardSession.user else { throw HTTPError(.unauthorized) }
        let (ws, _) = try await workspace(request)
        let form = try await DashboardForm.decode(Form.self, from: request)
        let preset = form.schedule ?? "daily"
        do {
            _ = try await service.create(
                workspaceId: ws.id, userId: me.id, name: form.name ?? "",
                schedule: preset == "cron" ? (form.cron ?? "") : preset, time: preset == "cron" ? nil : form.time,
                timeZone: form.timeZone ?? "UTC", destinationId: form.destination ?? "")
        } catch let error as ReportScheduleError {
            return try await page(
                request, error: "\(error.field): \(error.message)", status: .badRequest, draftName: form.name ?? "",
                draftTimeZone: form.timeZone ?? "UTC")
        }
        return back(ws, done: "scheduled")
    }

    private func page(
        _ request: Request, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok,
        draftName: String = "Executive report", draftTimeZone: String = "UTC"
    ) async throws -> Response {
        let (ws, all) = try await workspace(request)
        let view = try await controller.reportsPage(
            ws, canEdit: (RequestAccess.current?.role).map { $0 >= .member } ?? false, notice: notice, error: error,
            draftName: draftName, draftTimeZone: draftTimeZone)
        if let table = try DashboardTableDownload.requestedTable(request) {
            return try DashboardTableDownload.response(
                table, among: view.tables, page: "reports", workspace: ws, day: Date())
        }
        return try controller.render(
            "reports", title: "Reports", path: Self.path, workspace: ws, all: all, asOf: nil, page: view, status: status,
            download: DashboardTableDownload.link(request))
    }

    private func back(_ ws: Workspace, done: String) -> Response {
        let encodedDone = done.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "done"
        return Response(
            status: .seeOther,
            headers: [.location: Self.path + "?ws=" + DashboardQuery.encode(ws.name) + "&done=" + encodedDone])
    }
}

extension DashboardController {
    /// The Reports page of `ws`; the page and `beacon export tables` both build it here.
    func reportsPage(
        _ ws: Workspace, canEdit: Bool, notice: String? = nil, error: String? = nil,
        draftName: String = "Executive report", draftTimeZone: String = "UTC"
    ) async throws -> ReportsPage {
        let schedules = try await runtime.reportSchedules.schedules(workspaceId: ws.id)
        let destinations = try await runtime.activation.destinations(workspaceId: ws.id).filter { $0.kind == .email }
        var rows: [ReportsPage.Row] = []
        var names: [String: String] = [:]
        for s in schedules {
            names[s.id] = s.name
            let recipient = (try? await runtime.reportSchedules.recipient(of: s))?.email ?? "(deleted user)"
            rows.append(
                ReportsPage.Row(
                    id: s.id, name: s.name, recipient: recipient, schedule: s.cron, timeZone: s.timeZone,
                    destination: destinations.first { $0.id == s.destinationId }?.name ?? s.destinationId,
                    state: s.active ? "active" : "paused", nextRun: ReportsPage.format(s.nextRunAt, zone: s.timeZone),
                    active: s.active))
        }
        let runs = try await runtime.reportSchedules.runs(workspaceId: ws.id, scheduleId: nil, limit: 100).map { r in
            ReportsPage.Run(
                schedule: names[r.scheduleId] ?? r.scheduleId, scheduledAt: Timestamp.format(r.scheduledAt),
                trigger: r.trigger.rawValue, sentAt: r.sentAt.map(Timestamp.format) ?? "—", status: r.status.rawValue,
                error: r.error ?? "")
        }
        return ReportsPage(
            rows: rows, runs: runs, destinations: destinations.map { .init(id: $0.id, name: $0.name) },
            canEdit: canEdit, query: "?ws=" + DashboardQuery.encode(ws.name),
            notice: notice, error: error, draftName: draftName, draftTimeZone: draftTimeZone,
            currency: DashboardCurrency.of(ws))
    }
}
