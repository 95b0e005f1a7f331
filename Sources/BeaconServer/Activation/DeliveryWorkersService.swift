import BeaconEngine
import Logging
import ServiceLifecycle

/// The outbox's delivery workers as a service of the server: running while it serves,
/// stopped on graceful shutdown (leased messages are delivered by the next start).
///
/// On start it first folds every workspace's events that were committed but not yet
/// projected (a crash between the two), so the messages they cause are queued without
/// waiting for the next event.
struct DeliveryWorkersService: Service {
    let runtime: BeaconRuntime
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            do {
                for ws in try await runtime.workspaces.all() {
                    try await runtime.profiles.catchUp(workspaceId: ws.id)
                }
            } catch {
                logger.error("catching up profiles on start failed: \(error); the next event retries")
            }
            // Scheduled audience reconciliations run beside the workers and stop with them.
            let schedules = AudienceSyncScheduler(
                service: runtime.activation, workspaces: { try await runtime.workspaces.all().map(\.id) },
                logger: logger)
            async let scheduled: Void = schedules.run()
            await runtime.delivery.run()
            await scheduled
        }
    }
}
