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
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
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
                } catch {
                    logger.error("archive could not list workspaces: \(error)")
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
