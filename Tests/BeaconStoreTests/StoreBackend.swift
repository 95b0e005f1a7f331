import BeaconCore
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging

/// The store backends every store test runs against: SQLite always, PostgreSQL when
/// `BEACON_TEST_POSTGRES_URL` is set (`.ci/run` starts a throw-away server and sets it).
enum StoreBackend: String, CaseIterable, Sendable {
    case sqlite, postgres

    /// The backends available in this run.
    static var available: [StoreBackend] {
        !TestPostgres.isAvailable ? [.sqlite] : [.sqlite, .postgres]
    }

    /// A freshly migrated store. SQLite gets a new file; on PostgreSQL the tests of one file
    /// share its database (`TestPostgres`), which is why every test uses workspaces with unique names.
    func open(file: String = #fileID) async throws -> Stores {
        switch self {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-store-\(UUID().uuidString)")
            return try await StoreFactory.open(databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        case .postgres:
            return try await StoreFactory.open(databaseURL: try await TestPostgres.url(file: file), dataDirectory: "", logger: Logger(label: "test"))
        }
    }
}

/// A unique workspace name for a test.
func uniqueName(_ prefix: String = "ws") -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
}
