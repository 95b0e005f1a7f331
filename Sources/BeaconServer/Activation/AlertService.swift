import BeaconEngine
import Logging
import ServiceLifecycle

/// Anomaly and data-check alerts as a service of the application: every `interval`, scans each
/// workspace that has an alert activation (`ActivationService.alertEverywhere`) and queues a
/// message for every new flag of the last `days` days, which the delivery workers send. A flag
/// is queued once however often the scan runs. Stops on graceful shutdown.
struct AlertService: Service {
    let activation: ActivationService
    let interval: Duration
    let days: Int
    let logger: Logger

    func run() async throws {
        try await PeriodicService(name: "alert scan", interval: interval, logger: logger) {
            for (workspace, result) in await activation.alertEverywhere(days: days) {
                switch result {
                case .success(let queued) where queued > 0:
                    logger.info("queued \(queued) alerts", metadata: ["workspace": "\(workspace)"])
                case .failure(let error):
                    logger.error("alert scan failed: \(error)", metadata: ["workspace": "\(workspace)"])
                default: break
                }
            }
        }.run()
    }
}
