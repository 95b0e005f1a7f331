import BeaconCore
import Logging
import ServiceLifecycle

/// Work the server repeats on a timer (alerts, retention, archiving, audit heads, journeys,
/// scheduled reports): one `pass` every `interval` until graceful shutdown, or sooner when
/// `wakeup` is signalled. A pass that throws is logged with the work's `name` and retried at
/// the next interval; it never stops the loop.
struct PeriodicService: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    var wakeup: Wakeup? = nil
    let pass: @Sendable () async throws -> Void

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await pass()
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("\(name) failed: \(error); retrying at the next interval")
                }
                if let wakeup {
                    await wakeup.wait(timeout: interval)
                } else {
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }
}
