/// A backend that can make deleted rows physically gone (see `PrivacyStore.reclaimSpace`).
public protocol SpaceReclaiming: Sendable {
    func reclaimSpace(tables: [String]) async throws
}

extension SQLiteEventStore: SpaceReclaiming {
    /// SQLite checkpoints and truncates its WAL whatever the tables.
    public func reclaimSpace(tables: [String]) async throws { try await reclaimSpace() }
}

extension PostgresEventStore: SpaceReclaiming {}
