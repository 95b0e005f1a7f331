import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The dashboard's tables outside HTTP, for `beacon export tables`: each page model built the
/// way its route builds it, each table written by the same `DashboardTable.csv`, so a file is
/// byte for byte the page's "Download CSV" for the same workspace and date.
///
/// The overview's insight sentences wait on the marketing-mix model; its tables do not, so no
/// model is fitted here. The channels and optimiser pages' tables are the model's and are
/// downloaded from the dashboard only.
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
        "overview", "attribution", "paths", "customers", "cohorts", "segments", "personas", "feedback", "journeys",
    ]

    let controller: DashboardController<BasicRequestContext>

    public init(runtime: BeaconRuntime) {
        controller = DashboardController(runtime: runtime, settings: DashboardSettings())
    }

    /// The tables of `page` (every page when nil) for `workspace` as of `asOf` (`YYYY-MM-DD`, the
    /// page's `as_of`; by default the workspace's today). Pages without data have no tables.
    /// - Throws: `DashboardTableExportError` naming `page` or `as_of` when either is unknown or malformed.
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
            let (tables, day) = try await tables(of: name, workspace: workspace, asOf: date)
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
    /// `page` or `as_of`.
    public var field: String
    public var message: String
    public var description: String { "\(field): \(message)" }
}
