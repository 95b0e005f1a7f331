import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The cohorts and paths pages and their numbers as JSON:
/// - `GET /dashboard/cohorts?ws=&as_of=` and `GET /dashboard/api/cohorts?ws=&as_of=` — the
///   retention matrix by first-order month with revenue per cohort (`WorkspaceCohorts`), in the
///   shape `beacon cohorts --format json` writes (`cohort`, `customers`, `active`, `retention`,
///   `revenue`, `totalRevenue`, `cumulativeRevenuePerCustomer`);
/// - `GET /dashboard/paths?ws=&as_of=` and `GET /dashboard/api/paths?ws=&as_of=&limit=20` — the
///   converting paths with their Shapley and Markov credit, and the Sankey flows (`ConversionPaths`).
/// Both read the analytics port as of the date (default: the workspace's last event); a bad
/// `as_of` or `limit` is a 400 naming it, an unknown workspace a 404 naming `ws`.
struct CohortsRoutes<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/cohorts") { request, _ in try await cohortsPage(request) }
        router.get("/dashboard/paths") { request, _ in try await pathsPage(request) }
        router.get("/dashboard/api/cohorts") { request, _ in try await cohortsJSON(request) }
        router.get("/dashboard/api/paths") { request, _ in try await pathsJSON(request) }
    }

    /// The workspace's cohorts as of `date`, computed once per state of its log and date.
    private func cohorts(_ snapshot: WorkspaceSnapshot, asOf date: Date) async throws -> WorkspaceCohorts? {
        try await controller.snapshots.cohorts(of: snapshot, asOf: date)
    }

    /// The workspace's conversion paths as of `date`, computed once per state of its log and date.
    private func paths(_ snapshot: WorkspaceSnapshot, asOf date: Date) async throws
        -> Result<ConversionPaths?, AttributionFailure>
    {
        let analytics = controller.runtime.analytics
        return try await controller.snapshots.derived("paths@\(date.timeIntervalSince1970)", of: snapshot) {
            let touches = try await analytics.touches(of: $0.workspace.id, to: date.addingTimeInterval(0.001))
            do {
                return .success(try ConversionPaths.compute(touches: touches))
            } catch {
                return .failure(AttributionFailure(message: "\(error)"))
            }
        }
    }

    func cohortsPage(_ request: Request) async throws -> Response {
        let title = "Cohorts", path = "/dashboard/cohorts"
        return try await controller.withSnapshot(request, title: title, path: path) { snapshot, all in
            let date = try await controller.asOf(request, workspaceId: snapshot.workspace.id)
            let page = try await cohortsModel(snapshot, asOf: date)
            if let table = try DashboardTableDownload.requestedTable(request) {
                return try DashboardTableDownload.response(
                    table, among: page.tables, page: "cohorts", workspace: snapshot.workspace, day: date)
            }
            return try controller.render(
                "cohorts", title: title, path: path, workspace: snapshot.workspace, all: all, asOf: date, page: page,
                download: DashboardTableDownload.link(request))
        }
    }

    func pathsPage(_ request: Request) async throws -> Response {
        let title = "Paths", path = "/dashboard/paths"
        return try await controller.withSnapshot(request, title: title, path: path) { snapshot, all in
            let date = try await controller.asOf(request, workspaceId: snapshot.workspace.id)
            let page = try await pathsModel(snapshot, asOf: date)
            if let table = try DashboardTableDownload.requestedTable(request) {
                return try DashboardTableDownload.response(
                    table, among: page.tables, page: "paths", workspace: snapshot.workspace, day: date)
            }
            return try controller.render(
                "paths", title: title, path: path, workspace: snapshot.workspace, all: all, asOf: date, page: page,
                download: DashboardTableDownload.link(request))
        }
    }

    /// The cohorts page of `snapshot` as of `date`; the page and `beacon export tables` both build it here.
    func cohortsModel(_ snapshot: WorkspaceSnapshot, asOf date: Date) async throws -> CohortsPage {
        CohortsPage(
            cohorts: try await cohorts(snapshot, asOf: date), asOf: date, currency: DashboardCurrency.of(snapshot.workspace))
    }

    /// The paths page of `snapshot` as of `date`; the page and `beacon export tables` both build it here.
    func pathsModel(_ snapshot: WorkspaceSnapshot, asOf date: Date) async throws -> PathsPage {
        PathsPage(paths: try await paths(snapshot, asOf: date), asOf: date, currency: DashboardCurrency.of(snapshot.workspace))
    }

    private func snapshot(_ request: Request) async throws -> WorkspaceSnapshot {
        guard let ws = try await controller.workspaces(request).current else {
            throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws")
        }
        return try await controller.snapshots.snapshot(of: ws)
    }

    func cohortsJSON(_ request: Request) async throws -> Response {
        let snapshot = try await snapshot(request)
        let date = try await controller.asOf(request, workspaceId: snapshot.workspace.id)
        let table = try await cohorts(snapshot, asOf: date)
        let numbers = { (values: [Double]) in JSONValue.array(values.map { .number($0) }) }
        return DashboardJSON.response(
            .object([
                "asOf": .string(DashboardFormat.day(date)),
                "customersWithoutPurchase": .number(Double(table?.customersWithoutPurchase ?? 0)),
                "cohorts": .array(
                    (table?.cohorts ?? []).map { c in
                        .object([
                            "cohort": .string(c.month), "customers": .number(Double(c.customers)),
                            "active": .array(c.active.map { .number(Double($0)) }), "retention": numbers(c.retention),
                            "revenue": numbers(c.revenue), "totalRevenue": .number(c.totalRevenue),
                            "cumulativeRevenuePerCustomer": numbers(c.cumulativeRevenuePerCustomer),
                        ])
                    }),
            ]))
    }

    func pathsJSON(_ request: Request) async throws -> Response {
        var limit = PathsPage.shown
        if let text = request.uri.queryParameters["limit"] {
            guard let n = Int(text), (1...200).contains(n) else {
                throw ProblemDetails(.badRequest, detail: "limit must be a whole number from 1 to 200", field: "limit")
            }
            limit = n
        }
        let snapshot = try await snapshot(request)
        let date = try await controller.asOf(request, workspaceId: snapshot.workspace.id)
        let result = try await paths(snapshot, asOf: date)
        guard case .success(let found) = result else {
            if case .failure(let f) = result {
                throw ProblemDetails(.unprocessableContent, detail: f.message, field: "ws")
            }
            return DashboardJSON.response(.object([:]))
        }
        guard let p = found else {
            return DashboardJSON.response(
                .object([
                    "asOf": .string(DashboardFormat.day(date)), "journeys": .number(0), "paths": .array([]),
                    "flows": .array([]),
                ]))
        }
        let credits = { (list: [ConversionPaths.Credit]) in
            JSONValue.array(
                list.map {
                    .object([
                        "channel": .string($0.channel), "conversions": .number($0.conversions),
                        "value": .number($0.value),
                    ])
                })
        }
        let converting = p.paths.filter { $0.conversions > 0 }
        return DashboardJSON.response(
            .object([
                "asOf": .string(DashboardFormat.day(date)), "journeys": .number(Double(p.journeys)),
                "conversions": .number(p.conversions), "value": .number(p.value), "nulls": .number(p.nulls),
                "channels": .array(p.channels.map { .string($0) }),
                "removalEffects": .array(p.removalEffects.map { .number($0) }),
                "convertingPaths": .number(Double(converting.count)),
                "paths": .array(
                    converting.prefix(limit).map { path in
                        .object([
                            "path": .array(path.channels.map { .string($0) }), "label": .string(path.label),
                            "journeys": .number(Double(path.journeys)), "conversions": .number(path.conversions),
                            "value": .number(path.value), "nulls": .number(path.nulls),
                            "conversionRate": .number(path.conversionRate), "shapley": credits(path.shapley),
                            "markov": credits(path.markov),
                        ])
                    }),
                "flows": .array(
                    p.flows.map {
                        .object([
                            "step": .number(Double($0.step)), "from": .string($0.from), "to": .string($0.to),
                            "journeys": .number($0.journeys),
                        ])
                    }),
            ]))
    }
}
