import BeaconCore
/// Listing and revoking write keys (the sources that send a workspace events); both real
/// backends keep them. Adding one is `EventStore.addWriteKey`.
public protocol WriteKeyStore: Sendable {
    /// The workspace's keys, oldest first.
    func writeKeys(workspaceId: String) async throws -> [WriteKeyRecord]
    /// Removes a key of the workspace; false when it has no key with that hash.
    func revokeWriteKey(workspaceId: String, hash: String) async throws -> Bool
}
