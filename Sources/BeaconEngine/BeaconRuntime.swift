import BeaconCore
import BeaconStore
import Logging

/// The live system's parts wired together once: the store, workspaces, group commit and
/// the ingest pipeline. The server, the CLI and tests all build on one of these.
public struct BeaconRuntime: Sendable {
    public let store: any EventStore
    public let workspaces: WorkspaceService
    public let committer: GroupCommitter
    public let ingest: IngestService
    /// Profiles, identities and segments, when the store keeps them (both real backends do).
    public let profiles: ProfileEngine?
    /// Dashboard users and sessions, when the store keeps them (both real backends do).
    public let users: UserService?
    /// The scheduled full segment recompute (run by the server), when profiles are kept.
    public let recompute: SegmentRecomputeScheduler?

    public init(store: any EventStore) {
        self.store = store
        workspaces = WorkspaceService(store: store)
        let profiles = (store as? any ProfileStore).map { ProfileEngine(events: store, store: $0) }
        self.profiles = profiles
        users = (store as? any UserStore).map { UserService(store: $0) }
        recompute = profiles.map { SegmentRecomputeScheduler(engine: $0, workspaces: store) }
        var onCommit: (@Sendable ([String]) -> Void)? = nil
        if let profiles { onCommit = { ids in profiles.schedule(ids) } }
        committer = GroupCommitter(store: store, onCommit: onCommit)
        ingest = IngestService(workspaces: workspaces, committer: committer)
    }

    /// Opens the store named by the options (PostgreSQL URL, or SQLite in `dataDirectory`),
    /// migrates it and wires the runtime.
    public static func open(databaseURL: String?, dataDirectory: String, logger: Logger) async throws -> BeaconRuntime {
        BeaconRuntime(store: try await StoreFactory.open(databaseURL: databaseURL, dataDirectory: dataDirectory, logger: logger))
    }
}
