import ArgumentParser
import BeaconEngine
import Foundation
import Logging

/// Where the data lives: `--data-dir` (SQLite, the default) or `--database-url` (PostgreSQL).
struct StoreOptions: ParsableArguments {
    @Option(help: "Directory for the embedded SQLite database (created if missing).")
    var dataDir: String = "./data"

    @Option(help: "PostgreSQL URL (postgres://user:password@host:5432/db); overrides --data-dir. Also read from BEACON_DATABASE_URL.")
    var databaseURL: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        if let url = resolvedDatabaseURL, !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") || url.hasPrefix("sqlite:")) {
            throw ValidationError("--database-url must start with postgres:// (or sqlite:PATH), got '\(url)'")
        }
    }

    var resolvedDatabaseURL: String? {
        databaseURL ?? ProcessInfo.processInfo.environment["BEACON_DATABASE_URL"]
    }

    func makeLogger(_ label: String = "beacon") -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }

    /// Opens and migrates the store and wires the runtime.
    func openRuntime(logger: Logger) async throws -> BeaconRuntime {
        try await BeaconRuntime.open(databaseURL: resolvedDatabaseURL, dataDirectory: dataDir, logger: logger)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
