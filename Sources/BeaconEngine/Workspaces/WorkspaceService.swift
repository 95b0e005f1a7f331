import BeaconCore
import BeaconStore
import Foundation
import Synchronization

/// Creates workspaces and resolves write keys to workspaces, with a small cache so the
/// ingest path does not query the store for every request.
public final class WorkspaceService: Sendable {
    public let store: any EventStore
    private let cache = Mutex<[String: Workspace]>([:])

    public init(store: any EventStore) {
        self.store = store
    }

    /// Creates a workspace and its first write key; the key is returned once and never
    /// stored in clear.
    /// - Throws: `StoreError.conflict` when the name is taken; `WorkspaceError` for a bad name.
    public func create(name: String) async throws -> (workspace: Workspace, writeKey: String) {
        try WorkspaceService.validate(name: name)
        let workspace = try await store.createWorkspace(name: name)
        let key = try await addWriteKey(to: workspace, label: "default")
        return (workspace, key)
    }

    /// Adds a new write key to a workspace and returns it.
    public func addWriteKey(to workspace: Workspace, label: String) async throws -> String {
        let key = WriteKey.generate()
        try await store.addWriteKey(hash: WriteKey.hash(key), workspaceId: workspace.id, label: label)
        return key
    }

    /// The workspace for a write key, or nil when the key is unknown.
    public func workspace(forWriteKey key: String) async throws -> Workspace? {
        let hash = WriteKey.hash(key)
        if let hit = cache.withLock({ $0[hash] }) { return hit }
        guard let workspace = try await store.workspace(writeKeyHash: hash) else { return nil }
        cache.withLock { $0[hash] = workspace }
        return workspace
    }

    /// Workspace names: 1–64 characters of letters, digits, `-`, `_` and `.`.
    public static func validate(name: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw WorkspaceError(message: "workspace name '\(name)' must be 1–64 letters, digits, '-', '_' or '.'")
        }
    }
}

/// A workspace request that cannot be carried out.
public struct WorkspaceError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
