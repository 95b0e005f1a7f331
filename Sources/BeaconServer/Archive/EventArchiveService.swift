import BeaconEngine
import Logging
import ServiceLifecycle

/// The event archive as a service of the server: every `interval`, copies each workspace's new
/// events to the configured bucket (`EventArchiver`), so an archive segment is closed at the
/// latest one interval after its first event arrived. A failed pass (the store is down) is
/// logged and retried at the next interval from the same cursor. Stops on graceful shutdown.
struct EventArchiveService: Service {
    let runtime: BeaconRuntime
    let settings: EventArchiveSettings
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let archiver = settings.archiver(runtime: runtime)
        try await PeriodicService(name: "archiving events", interval: interval, logger: logger) {
            for workspace in try await runtime.workspaces.store.listWorkspaces() {
                do {
                    let result = try await archiver.archive(workspaceId: workspace.id)
                    if result.events > 0 {
                        logger.info(
                            "archived \(result.events) events in \(result.objects) objects",
                            metadata: ["workspace": "\(workspace.name)", "through": "\(result.lastSequence)"])
                    }
                } catch {
                    logger.error("archive failed: \(error)", metadata: ["workspace": "\(workspace.name)"])
                }
            }
        }.run()
    }
}
