import ArgumentParser
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Logging

/// Where the data lives: `--data-dir` (SQLite, the default) or `--database-url` (PostgreSQL).
struct StoreOptions: ParsableArguments {
    @Option(help: "Directory of the embedded SQLite database (only commands that create data create it).")
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

    /// The SQLite file the options name, nil when they name PostgreSQL.
    var sqlitePath: String? {
        if let url = resolvedDatabaseURL, !url.isEmpty {
            return url.hasPrefix("sqlite:") ? String(url.dropFirst("sqlite:".count)) : nil
        }
        return (dataDir as NSString).appendingPathComponent(StoreFactory.sqliteFileName)
    }

    /// Opens and migrates the store and wires the runtime.
    ///
    /// Nothing is created implicitly: unless `creating` (the commands that make data: `workspace
    /// create`, `serve`, `demo`, `migrate`, an import with `--create-workspace`), a missing
    /// SQLite database is an error that says where Beacon looked, instead of a new empty one.
    /// - Throws: `CommandError` naming `--data-dir` (or `--database-url`) and the path.
    func openRuntime(logger: Logger, creating: Bool = false) async throws -> BeaconRuntime {
        if !creating, let path = sqlitePath, !FileManager.default.fileExists(atPath: path) {
            let option = resolvedDatabaseURL == nil ? "--data-dir" : "--database-url"
            throw CommandError(
                "\(option): no Beacon database at '\(path)'; create one with 'beacon workspace create NAME', or point \(option) at an existing one")
        }
        return try await BeaconRuntime.open(databaseURL: resolvedDatabaseURL, dataDirectory: dataDir, logger: logger)
    }
}

extension StoreOptions {
    /// Opens the store, runs `body` and closes the store.
    ///
    /// The errors that say what the user got wrong (a bad fingerprint or name, a taken name, an
    /// unknown source) become a `CommandError` with their message, so every command reports
    /// them alike.
    func withRuntime<T>(_ body: (BeaconRuntime) async throws -> T) async throws -> T {
        let runtime = try await openRuntime(logger: makeLogger())
        do {
            let result = try await body(runtime)
            try await runtime.close()
            return result
        } catch {
            try? await runtime.close()
            switch error {
            case let e as WorkspaceError: throw CommandError(e.message)
            case let e as WebhookSourceError: throw CommandError(e.description)
            case let e as JourneyError: throw CommandError("\(e.field): \(e.reason)")
            case let e as StoreError where e.code == .conflict: throw CommandError(e.message)
            case let e as any RequestRefusal: throw CommandError(e.description)
            default: throw error
            }
        }
    }

    /// Opens the store, finds the workspace called `name` (the subject of a `workspace …`
    /// command, given positionally), runs `body` and closes the store.
    func withWorkspace<T>(_ name: String, _ body: (BeaconRuntime, Workspace) async throws -> T) async throws -> T {
        try await withRuntime { runtime in try await body(runtime, try await runtime.existingWorkspace(named: name)) }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
