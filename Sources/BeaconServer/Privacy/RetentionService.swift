import BeaconEngine
import Logging
import ServiceLifecycle

/// The periodic retention run as a service of the application: every `interval`, deletes the
/// events each workspace's retention rules expire and recomputes what was derived from them.
/// Stops on graceful shutdown.
struct RetentionService: Service {
    let privacy: PrivacyService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await PeriodicService(name: "retention", interval: interval, logger: logger) {
            for (workspace, result) in await privacy.runRetentionEverywhere() {
                switch result {
                case .success(let r) where r.eventsDeleted > 0:
                    logger.info("retention deleted \(r.eventsDeleted) events", metadata: ["workspace": "\(workspace)"])
                case .failure(let error):
                    logger.error("retention failed: \(error)", metadata: ["workspace": "\(workspace)"])
                default: break
                }
            }
        }.run()
    }
}
