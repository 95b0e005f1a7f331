import BeaconCore
import BeaconStore
import Foundation

/// One import of a file of orders (CSV) or events (JSON lines) into a workspace with the
/// checks `beacon import` makes, recorded as an import job so its progress shows in the
/// import status routes: what the dashboard's upload runs.
///
/// The same importers as the command line, so a file is refused by the same rules with the
/// same messages (line and column), and a refused file stores nothing.
public struct FileImport: Sendable {
    /// What the file holds.
    public enum Kind: String, Sendable, CaseIterable {
        case orders, events
    }

    let events: any EventStore
    let jobs: any ImportJobStore

    public init(runtime: BeaconRuntime) {
        events = runtime.stores.events
        jobs = runtime.stores.importJobs
    }

    /// Imports the file at `path` (plain or gzip) into the workspace; `columnMap` is the
    /// orders' `field=Column` map (`OrderColumnMap`), nil for the default names.
    /// - Throws: `ImportRefused` with the refused rows by line, or `ImportError` for a file
    ///   or column map that cannot be read; nothing is stored then.
    public func run(kind: Kind, path: String, workspaceId: String, columnMap: String? = nil) async throws -> ImportReport {
        let recorder = try await ImportJobRecorder(
            store: jobs, workspaceId: workspaceId, kind: kind == .orders ? .orders : .events, file: path)
        switch kind {
        case .orders:
            let importer: OrderFileImporter
            do {
                importer = OrderFileImporter(store: events, columns: try OrderColumnMap(parsing: columnMap))
            } catch {
                await recorder.fail("\(error)")
                throw error
            }
            return try await recorder.run { record in
                try await importer.importFile(path, workspaceId: workspaceId) { await record($0) }
            }
        case .events:
            let importer = EventFileImporter(store: events)
            return try await recorder.run { record in
                try await importer.importFile(path, workspaceId: workspaceId) { await record($0) }
            }
        }
    }
}
