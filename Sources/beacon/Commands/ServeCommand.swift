import ArgumentParser
import BeaconEngine
import BeaconServer
import Foundation
import Hummingbird

/// `beacon serve`: the HTTP server (tracking API, health, metrics).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP server.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var dashboard: DashboardOptions
    @OptionGroup var recompute: RecomputeOptions
    @OptionGroup var archive: ArchiveOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(help: "Minutes between retention runs over every workspace with rules (0: never; see docs/privacy.md).")
    var retentionInterval: Int = 60

    @Option(help: "Minutes between alert scans of the workspaces with alert activations (0: never; 'beacon alerts add').")
    var alertInterval: Int = 60

    @Option(help: "Days back each alert scan looks for new anomalies and failed data checks (1–366).")
    var alertDays: Int = 7

    @Option(help: "Directory the signed audit chain heads are exported to (default: <data-dir>/audit-heads; keep it off the database's disk).")
    var auditHeadDir: String?

    @Option(help: "Seconds between audit head exports.")
    var auditHeadInterval: Int = 3600

    @Option(help: "Seconds between archive passes when an archive endpoint is configured.")
    var archiveInterval: Int = 60

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
        guard retentionInterval >= 0 else { throw ValidationError("--retention-interval must be 0 or more minutes, got \(retentionInterval)") }
        guard alertInterval >= 0 else { throw ValidationError("--alert-interval must be 0 or more minutes, got \(alertInterval)") }
        guard (1...366).contains(alertDays) else { throw ValidationError("--alert-days must be from 1 to 366, got \(alertDays)") }
        guard archiveInterval > 0 else { throw ValidationError("--archive-interval must be positive, got \(archiveInterval)") }
        guard auditHeadInterval > 0 else { throw ValidationError("--audit-head-interval must be positive, got \(auditHeadInterval)") }
        do {
            _ = try RateLimitSettings.fromEnvironment()
        } catch let error as AuditError {
            throw ValidationError("\(error.field) \(error.message)")
        }
        do {
            _ = try DeliverySettings.fromEnvironment()
        } catch let error as ActivationError {
            throw ValidationError("\(error.field) \(error.message)")
        }
    }

    func run() async throws {
        let logger = store.makeLogger()
        let runtime = try await store.openRuntime(logger: logger, creating: true)
        logger.info("store ready", metadata: ["backend": "\(runtime.backend)"])
        if try await runtime.users.store.listUsers().isEmpty {
            logger.notice("nobody can sign in to the dashboard yet: beacon user create --email … --name … --admin")
        }
        await runtime.recompute.setClusterCount(recompute.clusters)
        let app = buildApplication(
            runtime: runtime,
            configuration: .init(
                host: host, port: port, recomputeInterval: recompute.interval,
                retentionInterval: retentionInterval > 0 ? .seconds(retentionInterval * 60) : nil,
                rateLimits: try RateLimitSettings.fromEnvironment(),
                auditHeadDirectory: auditHeadDir ?? (store.dataDir as NSString).appendingPathComponent("audit-heads"),
                auditHeadInterval: .seconds(auditHeadInterval), archive: try archive.settings(),
                archiveInterval: .seconds(archiveInterval),
                alertInterval: alertInterval > 0 ? .seconds(alertInterval * 60) : nil, alertDays: alertDays),
            logger: logger,
            dashboard: dashboard.settings())
        try await app.runService()
        try await runtime.close()
    }
}
