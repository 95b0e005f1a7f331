import BeaconEngine
import Foundation
import Logging
import ServiceLifecycle

/// The report schedule runner as a service of the server: a pass every `interval`, stopped on
/// graceful shutdown. Several servers may run it on one database: each run is claimed once.
struct ReportScheduleRunnerService: Service {
    let runner: ReportScheduleRunner
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await PeriodicService(name: "report schedule pass", interval: interval, logger: logger) {
            for run in try await runner.runOnce() where run.status == .failed {
                logger.warning("scheduled report \(run.scheduleId) failed: \(run.error ?? "")")
            }
        }.run()
    }
}
