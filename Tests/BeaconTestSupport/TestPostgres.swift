import Foundation
import Logging
import PostgresNIO

/// PostgreSQL for tests: `.ci/run` starts a throw-away server and names a database on it in
/// `BEACON_TEST_POSTGRES_URL`; each test file gets a database of its own on that server.
///
/// A server started by a test serves every workspace in its database (it catches up their
/// profiles, runs their scheduled syncs and journeys), so suites sharing one database saw each
/// other's servers act on their workspaces while they counted what happened. One database per
/// test file keeps suites running side by side apart, as separate installations are.
public enum TestPostgres {
    /// The server's database named by `BEACON_TEST_POSTGRES_URL`, if set.
    public static var baseURL: String? { ProcessInfo.processInfo.environment["BEACON_TEST_POSTGRES_URL"] }

    /// Whether PostgreSQL tests run.
    public static var isAvailable: Bool { baseURL != nil }

    /// The URL of the database of `file` (the caller's `#fileID` unless given), created on
    /// the test server on first use in this process.
    /// - Throws: when `BEACON_TEST_POSTGRES_URL` is not set or the database cannot be created.
    public static func url(file: String = #fileID) async throws -> String {
        guard let base = baseURL else { throw TestPostgresError("BEACON_TEST_POSTGRES_URL is not set") }
        return try await Databases.shared.url(base: base, name: databaseName(file))
    }

    /// A database name from a test file's id: letters, digits and underscores, under
    /// PostgreSQL's 63-byte limit.
    static func databaseName(_ file: String) -> String {
        let stem = file.replacingOccurrences(of: ".swift", with: "").lowercased()
            .map { $0.isLetter && $0.isASCII || $0.isNumber ? String($0) : "_" }.joined()
        return String("bt_\(stem)".prefix(63))
    }
}

/// The databases created in this process, each once.
private actor Databases {
    static let shared = Databases()
    private var created: [String: Task<String, any Error>] = [:]

    func url(base: String, name: String) async throws -> String {
        if let task = created[name] { return try await task.value }
        let task = Task { try await Self.create(name, on: base) }
        created[name] = task
        return try await task.value
    }

    /// Creates `name` (kept if it exists) on the server of `base` and returns its URL.
    private static func create(_ name: String, on base: String) async throws -> String {
        guard var components = URLComponents(string: base), let host = components.host else {
            throw TestPostgresError("BEACON_TEST_POSTGRES_URL '\(base)' is not a postgres:// URL")
        }
        let logger = Logger(label: "test-postgres")
        let database = String(components.path.drop { $0 == "/" })
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
                                 password: components.password, database: database.isEmpty ? nil : database, tls: .disable),
            id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P04" {
            // duplicate_database: made by an earlier run against the same server.
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
        components.path = "/" + name
        return components.string!
    }
}

/// Why a PostgreSQL test database is not there.
public struct TestPostgresError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
