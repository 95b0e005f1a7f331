import BeaconCore
import Foundation
import Logging

/// Opens the store a command line or configuration asks for.
public enum StoreFactory {
    /// The SQLite file name inside the data directory.
    public static let sqliteFileName = "beacon.sqlite"

    /// Opens PostgreSQL when `databaseURL` is given, otherwise the SQLite file in
    /// `dataDirectory` (created if missing), and applies pending migrations.
    public static func open(databaseURL: String?, dataDirectory: String, logger: Logger) async throws -> Stores {
        let stores: Stores
        if let databaseURL, !databaseURL.isEmpty {
            if databaseURL.hasPrefix("sqlite:") {
                stores = Stores(try SQLiteEventStore(path: String(databaseURL.dropFirst("sqlite:".count))))
            } else {
                stores = Stores(try PostgresEventStore(url: databaseURL, logger: logger))
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.invalidConfiguration, "cannot create data directory '\(dataDirectory)': \(error.localizedDescription)")
            }
            stores = Stores(try SQLiteEventStore(path: (dataDirectory as NSString).appendingPathComponent(sqliteFileName)))
        }
        try await stores.migrate()
        return stores
    }
}
