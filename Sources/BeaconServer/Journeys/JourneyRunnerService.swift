import BeaconEngine
import Foundation
import Logging
import ServiceLifecycle

/// The journey runner as a service of the server: a pass every `interval` (signals first, then
/// due steps), and one at once whenever the profile projection queues journey signals, stopped
/// on graceful shutdown; what a killed server had claimed is taken over by
/// the next start once its leases run out.
struct JourneyRunnerService: Service {
    let runtime: BeaconRuntime
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Due steps are looked for every `interval`; entries are started as soon as the profile
        // projection queues the signals that trigger them.
        try await PeriodicService(
            name: "journey runner pass", interval: interval, logger: logger, wakeup: runtime.profiles.journeySignalsQueued
        ) {
            try await runtime.journeyRunner.runOnce()
        }.run()
    }
}
