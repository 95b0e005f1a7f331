import BeaconCore
import BeaconStore
import Foundation

/// A workspace API token: the bearer secret that reads profiles and segments over HTTP.
///
/// Distinct from the write key (which only sends events, and is embedded in web pages and
/// apps): `bt_` + 64 hex digits, 256 random bits, stored only as its SHA-256, shown once.
public enum APIToken {
    public static func generate() -> String {
        "bt_" + WriteKey.generate().dropFirst(3)
    }
}

extension ProfileEngine {
    /// The store the engine writes, for read-only queries (profiles, members, merges).
    public nonisolated var profileStore: any ProfileStore { store }

    /// Creates an API token for a workspace and returns it (only its hash is kept).
    public func createAPIToken(workspaceId: String, label: String) async throws -> String {
        let token = APIToken.generate()
        try await credentials.addAPIToken(hash: WriteKey.hash(token), workspaceId: workspaceId, label: label)
        return token
    }

    /// The workspace an API token belongs to, or nil.
    public nonisolated func workspace(forAPIToken token: String) async throws -> Workspace? {
        guard token.hasPrefix("bt_") else { return nil }
        return try await credentials.workspace(apiTokenHash: WriteKey.hash(token))
    }
}
