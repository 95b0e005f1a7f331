import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The dashboard's tables outside HTTP, for `beacon export tables`: each page model built the
/// way its route builds it, each table written by the same `DashboardTable.csv`, so a file is
/// byte for byte the page's "Download CSV" for the same workspace and date.
///
/// The overview's insight sentences wait on the marketing-mix model; its tables do not. The
/// channels and optimiser pages' tables are the model's: the export fits it (waiting up to
/// `modelWait` seconds, as `beacon report` does) and refuses those pages, naming `model_wait`,
/// when the fit is not done in time or fails.
public struct DashboardTableExport: Sendable {
    /// One table as a file.
    public struct File: Sendable, Equatable {
        /// The page (`overview`) and the table's id on it (`kpis`).
        public var page: String
        public var table: String
        /// The table's caption on the page.
        public var title: String
        /// The download's file name (`<workspace>-<page>-<table>-<YYYY-MM-DD>.csv`).
        public var fileName: String
        public var csv: String
    }

    /// The pages with tables, as `--page` names them.
    public static let pages = [
        "overview", "channels", "optimiser", "attribution", "paths", "customers", "cohorts", "segments", "personas",
        "feedback", "journeys", "data", "destinations", "reports", "people",
    ]

    let controller: DashboardController<BasicRequestContext>
    /// How long the channels and optimiser pages wait for the marketing-mix fit.
    let modelWait: TimeInterval

    /// - Parameter marketingMix: the model the channels and optimiser pages fit (the server's default).
    public init(runtime: BeaconRuntime, marketingMix: MMMFitCache.Settings = .init(), modelWait: TimeInterval = 300) {
        controller = DashboardController(runtime: runtime, settings: DashboardSettings(marketingMix: marketingMix))
        self.modelWait = modelWait
    }

    /// The tables of `page` (every page when nil) for `workspace` as of `asOf` (`YYYY-MM-DD`, the
    /// page's `as_of`; by default the workspace's today). Pages without data have no tables.
    /// - Throws: `DashboardTableExportError` naming `page` or `as_of` when either is unknown or
    ///   malformed, `model_wait` when the channels or optimiser page was asked for by name and
    ///   the model is not ready in time (asked for every page, those two are left out instead).
    public func files(workspace: Workspace, page: String? = nil, asOf: String? = nil) async throws -> [File] {
        if let page, !Self.pages.contains(page) {
            throw DashboardTableExportError(
                field: "page",
                message: "no dashboard page '\(page)' has tables; pages: \(Self.pages.joined(separator: ", "))")
        }
        let date: Date
        if let asOf, !asOf.isEmpty {
            guard let d = WorkspaceToday.endOfDay(parsing: asOf) else {
                throw DashboardTableExportError(field: "as_of", message: "must be a date YYYY-MM-DD, got '\(asOf)'")
            }
            date = d
        } else {
            date = try await controller.runtime.profiles.today(workspaceId: workspace.id)
        }
        var files: [File] = []
        for name in page.map({ [$0] }) ?? Self.pages {
            let tables: [DashboardTable], day: Date
            do {
                (tables, day) = try await self.tables(of: name, workspace: workspace, asOf: date)
            } catch let error as DashboardTableExportError where page == nil && error.field == "model_wait" {
                continue
            }
            files += tables.map {
                File(
                    page: name, table: $0.id, title: $0.title,
                    fileName: DashboardTable.fileName(
                        workspace: workspace.name, page: name, table: $0.id, day: DashboardFormat.day(day)),
                    csv: $0.csv)
            }
        }
        return files
    }

    /// One page's tables and the day its download names.
    private func tables(of page: String, workspace: Workspace, asOf date: Date) async throws -> ([DashboardTable], Date)
    {
        switch page {
        case "overview":
            let snapshot = try await controller.snapshots.snapshot(of: workspace)
            let page = try await controller.overviewPage(snapshot, asOf: date, mmm: .fitting(started: Date()), host: "")
            return (page.tables, date)
        case "channels", "optimiser":
            let snapshot = try await controller.snapshots.snapshot(of: workspace)
            let result: MMMFitCache.MMMResult
            switch try await controller.mmm.state(
                for: workspace.id, eventCount: snapshot.eventCount, waitingUpTo: modelWait)
            {
            case .ready(let r): result = r
            case .fitting:
                throw DashboardTableExportError(
                    field: "model_wait",
                    message: "the marketing-mix model was not fitted within \(Int(modelWait)) s; wait longer for the \(page) page")
            case .failed(let message):
                throw DashboardTableExportError(
                    field: "model_wait", message: "the marketing-mix model could not be fitted: \(message)")
            }
            let plan = try await OptimiserPage.plan(result)
            let currency = DashboardCurrency.of(workspace)
            let day = snapshot.lastEvent ?? Date()
            if page == "optimiser" {
                return (
                    await OptimiserPage(result: result, plan: plan, currency: currency).noting(result.source)
                        .withForecast(result).tables, day
                )
            }
            let channels = ChannelPage(result: result, plan: plan, channel: nil, query: "", currency: currency)
            return (channels?.tables ?? [], day)
        case "data":
            let snapshot = try await controller.snapshots.snapshot(of: workspace)
            let all = try await controller.runtime.workspaces.all().sorted { $0.name < $1.name }
            return (try await controller.dataPage(snapshot, all: all).tables, snapshot.lastEvent ?? Date())
        case "destinations":
            return (
                try await DestinationsRoutes(controller: controller).listPage(workspace, selectedSegment: nil, canManage: false)
                    .tables, Date()
            )
        case "reports":
            return (try await controller.reportsPage(workspace, canEdit: false).tables, Date())
        case "people":
            let rows = try await WorkspacePeopleController<BasicRequestContext>.rows(controller.runtime, workspace)
            let page = WorkspacePeoplePage(
                rows: rows, grantable: [], mayGrantPersonalData: false, query: "", notice: nil, error: nil, errorField: nil,
                draftEmail: "")
            return ([page.table], Date())
        case "attribution":
            let snapshot = try await controller.snapshots.snapshot(of: workspace)
            return (try await controller.attributionPage(snapshot).tables, snapshot.lastEvent ?? Date())
        case "personas":
            return (try await controller.personasPage(workspace, asOf: date).tables, date)
        case "cohorts":
            let snapshot = try await controller.snapshots.snapshot(of: workspace)
            return (try await CohortsRoutes(controller: controller).cohortsModel(snapshot, asOf: date).tables, date)
        case "paths":
            let snapshot = try await controller.snapshots.snapshot(of: workspace)
            return (try await CohortsRoutes(controller: controller).pathsModel(snapshot, asOf: date).tables, date)
        case "customers":
            return ([try await controller.customerHealth(workspace, asOf: date).table], date)
        case "segments":
            let snapshot = try await controller.snapshots.snapshot(of: workspace)
            return (try await controller.segmentsPage(workspace).tables, snapshot.lastEvent ?? Date())
        case "journeys":
            return (
                try await JourneysRoutes(controller: controller).listPage(workspace).tables,
                try await controller.runtime.profiles.today(workspaceId: workspace.id)
            )
        case "feedback":
            let snapshot = try await controller.snapshots.snapshot(of: workspace)
            return (try await controller.feedbackPage(snapshot, asOf: date).tables, date)
        default:
            return ([], date)
        }
    }
}

/// A `beacon export tables` input that names no page or date the dashboard has.
public struct DashboardTableExportError: Error, CustomStringConvertible {
    /// `page`, `as_of` or `model_wait`.
    public var field: String
    public var message: String
    public var description: String { "\(field): \(message)" }
}
