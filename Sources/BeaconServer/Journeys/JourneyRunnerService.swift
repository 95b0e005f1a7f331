import BeaconEngine
import Foundation
import Logging
import ServiceLifecycle

/// The journey runner as a service of the server: a pass every `interval` (signals first, then
/// due steps), stopped on graceful shutdown; what a killed server had claimed is taken over by
/// the next start once its leases run out.
struct JourneyRunnerService: Service {
    let runtime: BeaconRuntime
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await PeriodicService(name: "journey runner pass", interval: interval, logger: logger) {
            try await runtime.journeyRunner.runOnce()
        }.run()
    }
}
