import BeaconCore
import Foundation
import Logging

/// Opens the store a command line or configuration asks for.
public enum StoreFactory {
    /// The SQLite file name inside the data directory.
    public static let sqliteFileName = "beacon.sqlite"

    /// Opens PostgreSQL when `databaseURL` is given, otherwise the SQLite file in
    /// `dataDirectory` (created if missing), and applies pending migrations.
    public static func open(databaseURL: String?, dataDirectory: String, logger: Logger) async throws -> any EventStore {
        let store: any EventStore
        if let databaseURL, !databaseURL.isEmpty {
            if databaseURL.hasPrefix("sqlite:") {
                store = try SQLiteEventStore(path: String(databaseURL.dropFirst("sqlite:".count)))
            } else {
                store = try PostgresEventStore(url: databaseURL, logger: logger)
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.invalidConfiguration, "cannot create data directory '\(dataDirectory)': \(error.localizedDescription)")
            }
            store = try SQLiteEventStore(path: (dataDirectory as NSString).appendingPathComponent(sqliteFileName))
        }
        try await store.migrate()
        return store
    }
}
