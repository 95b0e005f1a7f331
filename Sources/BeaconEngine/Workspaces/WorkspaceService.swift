import BeaconCore
import BeaconStore
import Foundation
import Synchronization

/// Creates workspaces and resolves write keys to workspaces, with a small cache so the
/// ingest path does not query the store for every request.
///
/// A cached key is trusted for `cacheLifetime` seconds: a key revoked through this service
/// stops working at once, one revoked by another process (the CLI) within that time.
public final class WorkspaceService: Sendable {
    public let store: any WorkspaceStore
    public let cacheLifetime: TimeInterval
    private let clock: @Sendable () -> Date
    private let cache = Mutex<[String: (workspace: Workspace, at: Date)]>([:])

    public init(store: any WorkspaceStore, cacheLifetime: TimeInterval = 60, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.cacheLifetime = cacheLifetime
        self.clock = clock
    }

    /// Creates a workspace and its first write key; the key is returned once and never
    /// stored in clear.
    /// - Parameter currency: the ISO 4217 code its amounts are in (`CurrencyCode.default` if nil).
    /// - Throws: `StoreError.conflict` when the name is taken; `WorkspaceError` for a bad name
    ///   or currency.
    public func create(name: String, currency: String? = nil) async throws -> (workspace: Workspace, writeKey: String) {
        try WorkspaceService.validate(name: name)
        let code = try currency.map(Self.validated(currency:)) ?? CurrencyCode.default
        let workspace = try await store.createWorkspace(name: name, currency: code)
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
        let now = clock()
        if let hit = cache.withLock({ $0[hash] }), now.timeIntervalSince(hit.at) < cacheLifetime { return hit.workspace }
        guard let workspace = try await store.workspace(writeKeyHash: hash) else {
            cache.withLock { $0[hash] = nil }
            return nil
        }
        cache.withLock { $0[hash] = (workspace, now) }
        return workspace
    }

    /// Every workspace, by name.
    public func all() async throws -> [Workspace] {
        try await store.listWorkspaces()
    }

    /// The workspace called `name`, or nil.
    public func named(_ name: String) async throws -> Workspace? {
        try await store.workspace(named: name)
    }

    /// The workspace's write keys (hashes, labels, dates), oldest first.
    public func writeKeys(of workspace: Workspace) async throws -> [CredentialRecord] {
        try await store.writeKeys(workspaceId: workspace.id)
    }

    /// Revokes the workspace's key whose hash starts with `fingerprint` (at least 8 hex
    /// digits, and matching exactly one key); it stops authenticating at once here.
    /// - Returns: the revoked key. - Throws: `WorkspaceError` when no single key matches.
    @discardableResult
    public func revokeWriteKey(of workspace: Workspace, fingerprint: String) async throws -> CredentialRecord {
        let key = try Self.single(
            try await store.writeKeys(workspaceId: workspace.id), fingerprint: fingerprint, kind: "write key",
            workspace: workspace)
        _ = try await store.revokeWriteKey(workspaceId: workspace.id, hash: key.hash)
        cache.withLock { $0[key.hash] = nil }
        return key
    }

    /// The workspace's API tokens (hashes, labels, dates), oldest first.
    public func apiTokens(of workspace: Workspace) async throws -> [CredentialRecord] {
        try await store.apiTokens(workspaceId: workspace.id)
    }

    /// Revokes the workspace's API token whose hash starts with `fingerprint` (at least 8 hex
    /// digits, matching exactly one token). Tokens are checked against the store on every
    /// request, so a revoked token is refused at once by every server.
    /// - Returns: the revoked token. - Throws: `WorkspaceError` when no single token matches.
    @discardableResult
    public func revokeAPIToken(of workspace: Workspace, fingerprint: String) async throws -> CredentialRecord {
        let token = try Self.single(
            try await store.apiTokens(workspaceId: workspace.id), fingerprint: fingerprint, kind: "API token",
            workspace: workspace)
        _ = try await store.revokeAPIToken(workspaceId: workspace.id, hash: token.hash)
        return token
    }

    /// Renames a workspace; its id, keys, tokens and data stay.
    /// - Throws: `WorkspaceError` for a bad name; `StoreError.conflict` when the name is taken.
    public func rename(_ workspace: Workspace, to name: String) async throws -> Workspace {
        try Self.validate(name: name)
        try await store.renameWorkspace(id: workspace.id, to: name)
        forget(workspace)
        var renamed = workspace
        renamed.name = name
        return renamed
    }

    /// Changes the currency the workspace's amounts are shown in. Stored amounts are not
    /// converted: this says which currency they were in all along.
    /// - Throws: `WorkspaceError` naming `currency` when it is not an ISO 4217 code in common use.
    public func setCurrency(of workspace: Workspace, to currency: String) async throws -> Workspace {
        let code = try Self.validated(currency: currency)
        try await store.setCurrency(id: workspace.id, to: code)
        forget(workspace)
        var changed = workspace
        changed.currency = code
        return changed
    }

    /// `currency` as an ISO 4217 code (`eur` → `EUR`). - Throws: `WorkspaceError` naming `currency`.
    static func validated(currency: String) throws -> String {
        do {
            return try CurrencyCode.validated(currency)
        } catch let error as CurrencyCodeError {
            throw WorkspaceError(message: error.message)
        }
    }

    /// Deletes a workspace with everything stored for it; its write keys stop working at once
    /// here (within `cacheLifetime` in other processes). - Returns: false when it was already gone.
    @discardableResult
    public func delete(_ workspace: Workspace) async throws -> Bool {
        let deleted = try await store.deleteWorkspace(id: workspace.id)
        forget(workspace)
        return deleted
    }

    /// Drops the cached write keys of a workspace.
    private func forget(_ workspace: Workspace) {
        cache.withLock { $0 = $0.filter { $0.value.workspace.id != workspace.id } }
    }

    /// The one credential of `records` whose hash starts with `fingerprint`.
    /// - Throws: `WorkspaceError` naming `fingerprint` when it is shorter than 8 hex digits or
    ///   matches none or several.
    static func single(
        _ records: [CredentialRecord], fingerprint: String, kind: String, workspace: Workspace
    ) throws -> CredentialRecord {
        let wanted = fingerprint.lowercased()
        guard wanted.count >= 8, wanted.allSatisfy(\.isHexDigit) else {
            throw WorkspaceError(message: "fingerprint: give at least 8 hex digits of the \(kind)'s fingerprint")
        }
        let matches = records.filter { $0.hash.hasPrefix(wanted) }
        guard matches.count == 1, let record = matches.first else {
            throw WorkspaceError(
                message: matches.isEmpty
                    ? "fingerprint: workspace '\(workspace.name)' has no \(kind) \(wanted)"
                    : "fingerprint: \(wanted) matches \(matches.count) \(kind)s; give more digits")
        }
        return record
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
