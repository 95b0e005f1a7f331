import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

extension DashboardController {
    /// The fitted model, or the response to show instead (the fitting page, or the error).
    private func mmmResult(
        _ request: Request, _ snapshot: WorkspaceSnapshot, _ all: [Workspace], title: String, path: String
    ) async throws -> Result<MMMFitCache.MMMResult, ResponseBox> {
        let state = await mmm.state(for: snapshot.workspace.id, eventCount: snapshot.eventCount)
        if case .ready = state {
        } else if try DashboardTableDownload.requestedTable(request) != nil {
            // A download is a file or a problem, never the page that waits for the model.
            throw ProblemDetails(
                .serviceUnavailable, detail: "the marketing-mix model behind this table is not ready; try again once the page shows it",
                field: "table")
        }
        switch state {
        case .ready(let result): return .success(result)
        case .fitting(let started):
            let page = FittingPage(seconds: Int(Date().timeIntervalSince(started)), workspace: snapshot.workspace.name)
            return .failure(
                ResponseBox(
                    response: try render(
                        "fitting", title: title, path: path, workspace: snapshot.workspace, all: all,
                        asOf: snapshot.lastEvent, page: page)))
        case .failed(let message):
            return .failure(
                ResponseBox(
                    response: try self.message(
                        snapshot, all: all, title: title, path: path, status: .internalServerError,
                        MessagePage(
                            heading: "The marketing-mix model could not be fitted", text: message, linkHref: nil,
                            linkLabel: nil))))
        }
    }

    func channels(_ request: Request) async throws -> Response {
        let title = "Channels", path = "/dashboard/channels"
        return try await withSnapshot(request, title: title, path: path) { snapshot, all in
            switch try await mmmResult(request, snapshot, all, title: title, path: path) {
            case .failure(let box): return box.response
            case .success(let result):
                let requested = request.uri.queryParameters["channel"].map(String.init)
                let query = "?ws=" + DashboardQuery.encode(snapshot.workspace.name)
                guard
                    let page = ChannelPage(
                        result: result, plan: try? await OptimiserPage.plan(result), channel: requested, query: query,
                        currency: DashboardCurrency.of(snapshot.workspace))
                else {
                    return try message(
                        snapshot, all: all, title: title, path: path, status: .notFound,
                        MessagePage(
                            heading: "No such channel", text: "The model has no channel named “\(requested ?? "")”.",
                            linkHref: path + query, linkLabel: "See all channels"))
                }
                if let table = try DashboardTableDownload.requestedTable(request) {
                    return try DashboardTableDownload.response(
                        table, among: page.tables, page: "channels", workspace: snapshot.workspace,
                        day: snapshot.lastEvent ?? Date())
                }
                return try render(
                    "channels", title: title, path: path, workspace: snapshot.workspace, all: all,
                    asOf: snapshot.lastEvent, page: page, download: DashboardTableDownload.link(request))
            }
        }
    }

    func optimiser(_ request: Request) async throws -> Response {
        let title = "Budget optimiser", path = "/dashboard/optimiser"
        return try await withSnapshot(request, title: title, path: path) { snapshot, all in
            switch try await mmmResult(request, snapshot, all, title: title, path: path) {
            case .failure(let box): return box.response
            case .success(let result):
                let plan = try await OptimiserPage.plan(result)
                let page = await OptimiserPage(result: result, plan: plan, currency: DashboardCurrency.of(snapshot.workspace))
                    .noting(result.source).withForecast(result)
                if let table = try DashboardTableDownload.requestedTable(request) {
                    return try DashboardTableDownload.response(
                        table, among: page.tables, page: "optimiser", workspace: snapshot.workspace,
                        day: snapshot.lastEvent ?? Date())
                }
                return try render(
                    "optimiser", title: title, path: path, workspace: snapshot.workspace, all: all,
                    asOf: snapshot.lastEvent, page: page, download: DashboardTableDownload.link(request))
            }
        }
    }
}

extension OptimiserPage {
    /// The page with its revenue forecast and backtest (unchanged when it cannot be made).
    func withForecast(_ result: MMMFitCache.MMMResult) async -> OptimiserPage {
        var page = self
        if let forecast = try? await result.forecast(horizon: Self.horizon) {
            page.forecast = ForecastPanel(result: result, forecast: forecast, currency: currency)
        }
        return page
    }

    /// The page with a note on where the modelled spend came from.
    func noting(_ source: MMMFitCache.Source) -> OptimiserPage {
        var page = self
        page.sourceNote = source.note
        page.isDemo = source.isDemo
        return page
    }
}

/// A response carried through a `Result`'s failure side.
struct ResponseBox: Error, @unchecked Sendable {
    var response: Response
}
