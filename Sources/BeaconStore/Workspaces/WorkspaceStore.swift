import BeaconCore
import Foundation

/// Workspaces and the credentials that reach them: hashed write keys (which only write) and
/// hashed API tokens (which read). The keys and tokens themselves are never stored.
public protocol WorkspaceStore: Sendable {
    /// Creates a workspace whose amounts are in `currency` (an ISO 4217 code, already validated).
    /// - Throws: `StoreError.conflict` when the name is taken.
    func createWorkspace(name: String, currency: String) async throws -> Workspace
    func workspace(named name: String) async throws -> Workspace?
    func workspace(id: String) async throws -> Workspace?
    /// Every workspace, by name.
    func listWorkspaces() async throws -> [Workspace]
    /// Renames a workspace. - Throws: `StoreError.conflict` when the new name is taken.
    func renameWorkspace(id: String, to name: String) async throws
    /// Changes the currency the workspace's amounts are shown in (an ISO 4217 code, already validated).
    func setCurrency(id: String, to currency: String) async throws
    /// Deletes a workspace and, by cascade, everything stored for it (events, profiles,
    /// segments, keys, tokens, grants, import history); false when there is no such workspace.
    func deleteWorkspace(id: String) async throws -> Bool

    /// Stores the hash of a write key for a workspace.
    func addWriteKey(hash: String, workspaceId: String, label: String) async throws
    /// The workspace a write-key hash belongs to, or nil.
    func workspace(writeKeyHash: String) async throws -> Workspace?
    /// The workspace's keys, oldest first.
    func writeKeys(workspaceId: String) async throws -> [CredentialRecord]
    /// Removes a key of the workspace; false when it has no key with that hash.
    func revokeWriteKey(workspaceId: String, hash: String) async throws -> Bool

    /// Stores the hash of a workspace API token.
    func addAPIToken(hash: String, workspaceId: String, label: String) async throws
    /// The workspace an API-token hash belongs to, or nil.
    func workspace(apiTokenHash: String) async throws -> Workspace?
    /// The workspace's API tokens, oldest first.
    func apiTokens(workspaceId: String) async throws -> [CredentialRecord]
    /// Removes a token of the workspace; false when it has no token with that hash.
    func revokeAPIToken(workspaceId: String, hash: String) async throws -> Bool
}

extension WorkspaceStore {
    /// Creates a workspace in `CurrencyCode.default`.
    /// - Throws: `StoreError.conflict` when the name is taken.
    public func createWorkspace(name: String) async throws -> Workspace {
        try await createWorkspace(name: name, currency: CurrencyCode.default)
    }
}
