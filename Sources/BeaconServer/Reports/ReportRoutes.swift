import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The executive report as a PDF download:
///
/// - `GET /api/reports/executive.pdf?from=YYYY-MM-DD&to=YYYY-MM-DD` with a workspace API token;
/// - `GET /dashboard/report.pdf?ws=&from=&to=` for a signed-in user (the overview's
///   "Download PDF" button).
///
/// Both default to the overview's period (30 days to the workspace's today) and reuse the
/// dashboard's snapshot and marketing-mix caches. A bad date is a 400 naming `from` or `to`;
/// a missing font a 503 naming the font path.
struct ReportRoutes<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>

    func addRoutes(to router: Router<Context>) {
        router.get("/api/reports/executive.pdf") { request, _ -> Response in
            let (_, workspace) = try await ProfileAPIRequest(runtime: controller.runtime).authenticate(request)
            return try await pdf(request, workspace: workspace)
        }
        router.get("/dashboard/report.pdf") { request, _ -> Response in
            let (current, _) = try await controller.workspaces(request)
            guard let current else {
                throw ProblemDetails(.notFound, detail: "there is no workspace to report on", field: "ws")
            }
            return try await pdf(request, workspace: current)
        }
        let runner = ReportScheduleRunner(
            runtime: controller.runtime,
            builder: ExecutiveReportBuilder(runtime: controller.runtime, snapshots: controller.snapshots, mmm: controller.mmm),
            owner: ReportScheduleRunner.defaultOwner, modelWait: 30)
        ReportSchedulesController<Context>(api: ProfileAPIRequest(runtime: controller.runtime), runner: runner)
            .addRoutes(to: router)
        ReportsPageRoutes(controller: controller, runner: runner).addRoutes(to: router)
    }

    private func pdf(_ request: Request, workspace: Workspace) async throws -> Response {
        let builder = ExecutiveReportBuilder(runtime: controller.runtime, snapshots: controller.snapshots, mmm: controller.mmm)
        let query = request.uri.queryParameters
        let period: ReportPeriod
        do {
            period = try ReportPeriod(
                from: query["from"].map(String.init), to: query["to"].map(String.init),
                today: try await builder.today(of: workspace))
        } catch let error as ReportPeriodError {
            throw ProblemDetails(.badRequest, detail: error.description, field: error.field)
        }
        let font: TrueTypeFont
        do {
            font = try ReportFont.load()
        } catch {
            throw ProblemDetails(.serviceUnavailable, detail: "\(error)", field: ReportFont.environmentVariable)
        }
        let report = try await builder.report(workspace: workspace, period: period)
        let bytes = await ComputeExecutor.shared.run { report.pdf(font: font) }
        let name = "beacon-\(workspace.name)-\(period.firstDay)-\(period.lastDay).pdf"
            .map { $0.isLetter || $0.isNumber || "-._".contains($0) ? $0 : "_" }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/pdf", .contentDisposition: "attachment; filename=\"\(String(name))\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
