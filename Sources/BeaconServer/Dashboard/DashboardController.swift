import BeaconEngine
import BeaconCore
import Foundation
import Hummingbird

/// The web dashboard's pages: server-rendered HTML from Mustache templates with SVG charts
/// drawn in Swift. `GET /` redirects to `/dashboard`; every page takes `?ws=<workspace>`
/// (default: the workspace named `demo`, else the first one) and keeps it in its links.
///
/// Page data comes from the analytics query port through `WorkspaceSnapshotCache` (rebuilt
/// when new events arrive) and from the marketing-mix model in `MMMFitCache`; no page loads
/// a workspace's event log (the data page reads its newest events only).
struct DashboardController<Context: RequestContext>: Sendable {
    let runtime: BeaconRuntime
    let renderer: Result<DashboardRenderer, TemplateError>
    let snapshots: WorkspaceSnapshotCache
    let mmm: MMMFitCache

    init(runtime: BeaconRuntime, settings: DashboardSettings) {
        self.runtime = runtime
        renderer = Result { try DashboardRenderer() }.mapError {
            $0 as? TemplateError ?? TemplateError(name: "?", underlying: "\($0)")
        }
        snapshots = WorkspaceSnapshotCache(analytics: runtime.analytics)
        mmm = MMMFitCache(settings: settings.marketingMix, analytics: runtime.analytics)
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/dashboard"]) }
        router.get("/dashboard") { request, _ in try await overview(request) }
        router.get("/dashboard/attribution") { request, _ in try await attribution(request) }
        router.get("/dashboard/personas") { request, _ in try await personas(request) }
        router.get("/dashboard/feedback") { request, _ in try await feedback(request) }
        router.get("/dashboard/channels") { request, _ in try await channels(request) }
        router.get("/dashboard/optimiser") { request, _ in try await optimiser(request) }
        router.get("/dashboard/data") { request, _ in try await data(request) }
        router.get("/dashboard/customers") { request, _ in try await customers(request) }
        router.get("/dashboard/segments") { request, _ in try await segments(request) }
        SegmentBuilderRoutes(controller: self).addRoutes(to: router)
        SegmentDetailRoutes(controller: self).addRoutes(to: router)
        DestinationsRoutes(controller: self).addRoutes(to: router)
        JourneysRoutes(controller: self).addRoutes(to: router)
        ImportStatusRoutes(controller: self).addRoutes(to: router)
        CohortsRoutes(controller: self).addRoutes(to: router)
        DashboardAPI(controller: self).addRoutes(to: router)
        ReportRoutes(controller: self).addRoutes(to: router)
        ForecastRoutes(controller: self).addRoutes(to: router)
        DashboardAssets.addRoutes(to: router)
    }

    // MARK: Rendering

    /// The selected workspace (nil when there is none) and every workspace the signed-in
    /// user may see (all for an admin, the granted ones for a member).
    /// - Throws: `ProblemDetails` 404 naming `ws` when the requested workspace does not exist
    ///   or is not visible to the user (the two are not told apart); 401 without a signed-in
    ///   user, so a route served outside the auth middleware shows nothing rather than all.
    func workspaces(_ request: Request) async throws -> (current: Workspace?, all: [Workspace]) {
        guard let user = DashboardSession.user else {
            throw ProblemDetails(
                .unauthorized, detail: "sign in to the dashboard first (no valid session)",
                field: DashboardSession.cookieName)
        }
        let all = try await runtime.users.visibleWorkspaces(
            of: user, among: try await runtime.workspaces.all().sorted { $0.name < $1.name })
        if let name = request.uri.queryParameters["ws"].map(String.init), !name.isEmpty {
            guard let ws = all.first(where: { $0.name == name }) else {
                throw ProblemDetails(.notFound, detail: "there is no workspace named '\(name)'", field: "ws")
            }
            return (ws, all)
        }
        return (all.first { $0.name == "demo" } ?? all.first, all)
    }

    /// Renders `template` with the layout around `page`; `download` starts the page's CSV links
    /// (`DashboardTableDownload.link`).
    func render<Page>(
        _ template: String, title: String, path: String, workspace: Workspace?, all: [Workspace], asOf: Date?,
        page: Page,
        status: HTTPResponse.Status = .ok, download: String = ""
    ) throws -> Response {
        var view = DashboardView(title: title, path: path, workspace: workspace, all: all, asOf: asOf, page: page)
        view.download = download
        switch renderer {
        case .success(let r): return r.page(template, view, status: status)
        case .failure(let e): throw HTTPError(.internalServerError, message: e.description)
        }
    }

    /// Resolves the workspace and its snapshot, or renders the "no workspace" page.
    func withSnapshot(
        _ request: Request, title: String, path: String,
        _ body: (WorkspaceSnapshot, [Workspace]) async throws -> Response
    ) async throws -> Response {
        let (current, all) = try await workspaces(request)
        guard let current else {
            return try render("noWorkspace", title: title, path: path, workspace: nil, all: all, asOf: nil, page: ())
        }
        return try await body(try await snapshots.snapshot(of: current), all)
    }

    /// A message page (`heading`, `text`, optional link) with `status`.
    func message(
        _ snapshot: WorkspaceSnapshot, all: [Workspace], title: String, path: String, status: HTTPResponse.Status,
        _ page: MessagePage
    ) throws -> Response {
        try render(
            "message", title: title, path: path, workspace: snapshot.workspace, all: all, asOf: snapshot.lastEvent,
            page: page, status: status)
    }

    func host(_ request: Request) -> String {
        "http://" + (request.head.authority ?? "127.0.0.1:8080")
    }

    // MARK: Pages

    func overview(_ request: Request) async throws -> Response {
        try await withSnapshot(request, title: "Overview", path: "/dashboard") { snapshot, all in
            let date = try await asOf(request, workspaceId: snapshot.workspace.id)
            let state = await mmm.state(for: snapshot.workspace.id, eventCount: snapshot.eventCount)
            var page = try await overviewPage(snapshot, asOf: date, mmm: state, host: host(request))
            if let table = try DashboardTableDownload.requestedTable(request) {
                return try DashboardTableDownload.response(
                    table, among: page.tables, page: "overview", workspace: snapshot.workspace, day: date)
            }
            page.reportLink = OverviewPage.reportLink(
                workspace: snapshot.workspace.name, asOf: request.uri.queryParameters["as_of"].map(String.init))
            return try render(
                "overview", title: "Overview", path: "/dashboard", workspace: snapshot.workspace, all: all,
                asOf: date, page: page, download: DashboardTableDownload.link(request))
        }
    }

    /// The overview of `snapshot` as of `date`; `state` is the marketing-mix model's (only the
    /// insight sentences read it). The page and `beacon export tables` both build it here.
    func overviewPage(_ snapshot: WorkspaceSnapshot, asOf date: Date, mmm state: MMMFitCache.State, host: String)
        async throws -> OverviewPage
    {
        let insights = try await runtime.profiles.customerInsights(
            workspaceId: snapshot.workspace.id, asOf: date, personas: false)
        let analytics = runtime.analytics
        let spend = try await snapshots.spend(of: snapshot)
        var page = OverviewPage(
            snapshot: snapshot, asOf: date, customerInsights: insights, mmm: state, spend: spend, host: host)
        if !page.empty {
            let kpis = try await MarketingKPIs.compare(
                analytics: analytics, workspaceId: snapshot.workspace.id, orders: snapshot.orders, asOf: date,
                days: OverviewPage.periodDays)
            page.marketingKPIs = OverviewPage.marketingCards(
                kpis.current, kpis.previous, label: "previous \(Int(OverviewPage.periodDays)) days",
                currency: page.currency)
            page.marketingDefinitions = OverviewPage.marketingDefinitions
            let workspaceId = snapshot.workspace.id
            let scan = try await snapshots.anomalies(of: snapshot, asOf: date)
            let from = date.addingTimeInterval(-OverviewPage.periodDays * 86_400)
            let checks = try await analytics.dataChecks(of: workspaceId, scan: scan, from: from, asOf: date)
            let days = CommerceFact.day(of: from.addingTimeInterval(0.001))...CommerceFact.day(of: date)
            page.anomalies = OverviewPage.anomalyTable(scan, days: days, currency: page.currency)
            page.checks = checks.findings.map { $0.sentence(currency: page.currency) }
            page.checksPassed = checks.passedSentence
        }
        return page.withTables()
    }

    func attribution(_ request: Request) async throws -> Response {
        try await withSnapshot(request, title: "Attribution", path: "/dashboard/attribution") { snapshot, all in
            let page = try await attributionPage(snapshot)
            if let table = try DashboardTableDownload.requestedTable(request) {
                return try DashboardTableDownload.response(
                    table, among: page.tables, page: "attribution", workspace: snapshot.workspace,
                    day: snapshot.lastEvent ?? Date())
            }
            return try render(
                "attribution", title: "Attribution", path: "/dashboard/attribution", workspace: snapshot.workspace,
                all: all, asOf: snapshot.lastEvent, page: page,
                download: DashboardTableDownload.link(request))
        }
    }

    /// The attribution page of `snapshot` (all its journeys, up to its last event); the page and
    /// `beacon export tables` both build it here.
    func attributionPage(_ snapshot: WorkspaceSnapshot) async throws -> AttributionPage {
        let report = try await snapshots.attribution(of: snapshot)
        return AttributionPage(report: report, currency: DashboardCurrency.of(snapshot.workspace))
    }

    /// The personas page, from the workspace's customer insights (no event log is read).
    func personas(_ request: Request) async throws -> Response {
        let title = "Personas", path = "/dashboard/personas"
        let (current, all) = try await workspaces(request)
        guard let current else {
            return try render("noWorkspace", title: title, path: path, workspace: nil, all: all, asOf: nil, page: ())
        }
        let date = try await asOf(request, workspaceId: current.id)
        let page = try await personasPage(current, asOf: date)
        if let table = try DashboardTableDownload.requestedTable(request) {
            return try DashboardTableDownload.response(
                table, among: page.tables, page: "personas", workspace: current, day: date)
        }
        return try render(
            "personas", title: title, path: path, workspace: current, all: all, asOf: date, page: page,
            download: DashboardTableDownload.link(request))
    }

    /// The personas page of `workspace` as of `date`; the page and `beacon export tables` both build it here.
    func personasPage(_ workspace: Workspace, asOf date: Date) async throws -> PersonasPage {
        let insights = try await runtime.profiles.customerInsights(workspaceId: workspace.id, asOf: date)
        return PersonasPage(insights: insights, asOf: date, currency: DashboardCurrency.of(workspace))
    }

    func data(_ request: Request) async throws -> Response {
        try await withSnapshot(request, title: "Data", path: "/dashboard/data") { snapshot, all in
            var page = try await dataPage(snapshot, all: all)
            page.canManageKeys = (RequestAccess.current?.role).map { $0 >= .admin } ?? false
            page.canImport = (RequestAccess.current?.role).map { $0 >= .member } ?? false
            if let table = try DashboardTableDownload.requestedTable(request) {
                return try DashboardTableDownload.response(
                    table, among: page.tables, page: "data", workspace: snapshot.workspace,
                    day: snapshot.lastEvent ?? Date())
            }
            return try render(
                "data", title: "Data", path: "/dashboard/data", workspace: snapshot.workspace, all: all,
                asOf: snapshot.lastEvent, page: page, download: DashboardTableDownload.link(request))
        }
    }
}

extension DashboardController {
    /// The data page of `snapshot`'s workspace listing `all` workspaces (without the viewer's
    /// permissions); the page and `beacon export tables` both build it here.
    func dataPage(_ snapshot: WorkspaceSnapshot, all: [Workspace]) async throws -> DataPage {
        var counts: [String: Int] = [:]
        for ws in all { counts[ws.id] = try await runtime.eventLog.eventCount(in: ws.id) }
        let recent = try await runtime.eventLog.newestEvents(in: snapshot.workspace.id, limit: DataPage.recentCount)
        var page = DataPage(snapshot: snapshot, newest: recent, workspaces: all, eventCounts: counts)
        page.imports = try await ImportStatusRoutes<Context>.view(imports: runtime.imports, workspaceId: snapshot.workspace.id)
        let suppressions = try await runtime.privacy.suppressions(workspaceId: snapshot.workspace.id)
        let dropped = await runtime.privacy.droppedEvents()[snapshot.workspace.id] ?? 0
        page.suppression = SuppressionPanel(
            subjects: DashboardFormat.count(suppressions.count), droppedEvents: DashboardFormat.count(dropped),
            hasSuppressions: !suppressions.isEmpty || dropped > 0)
        page.keys = try await runtime.workspaces.writeKeys(of: snapshot.workspace).map {
            DataPage.KeyRow(label: $0.label, fingerprint: $0.fingerprint, created: DashboardFormat.day($0.createdAt))
        }
        for source in try await runtime.sources.sources(of: snapshot.workspace) {
            let deliveries = try await runtime.sources.deliveries(of: source, limit: DataPage.deliveriesShown)
            page.sources.append(DataPage.row(source, deliveries: deliveries))
        }
        return page
    }
}

/// A page that only says something: a heading, a sentence and a link.
struct MessagePage: Sendable {
    var heading: String
    var text: String
    var linkHref: String?
    var linkLabel: String?
}
