import BeaconEngine
import Logging
import ServiceLifecycle

/// Exports every chain's signed head to `<directory>/<workspace id>.json` when the server
/// starts and then every `interval`, so a later truncation of the log is caught by
/// `beacon audit verify --head`. Keep the directory away from the database (another disk,
/// a backup that rotates), or copy the files off the machine.
struct AuditHeadExportService: Service {
    let audit: AuditLog
    let workspaces: WorkspaceService
    let directory: String
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try await PeriodicService(name: "exporting audit heads", interval: interval, logger: logger) {
            let ids = Set(try await workspaces.all().map(\.id)).union(try await audit.store.chainedWorkspaceIds())
            for id in ids.sorted() {
                try await audit.exportHead(workspaceId: id, to: directory + "/" + id + ".json")
            }
        }.run()
    }
}
