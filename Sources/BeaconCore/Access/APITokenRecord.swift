import Foundation

/// A workspace API token as Beacon keeps it: its SHA-256, label, scopes, expiry and last use.
///
/// Tokens made before scopes existed hold every scope (`*`) and never expire.
public struct APITokenRecord: Sendable, Equatable {
    public var workspaceId: String
    public var hash: String
    public var label: String
    public var scopes: AccessScopes
    public var createdAt: Date
    public var expiresAt: Date?
    public var lastUsedAt: Date?

    public init(
        workspaceId: String, hash: String, label: String, scopes: AccessScopes, createdAt: Date, expiresAt: Date?,
        lastUsedAt: Date?
    ) {
        self.workspaceId = workspaceId
        self.hash = hash
        self.label = label
        self.scopes = scopes
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }

    /// The first 12 hex digits of the hash, as `beacon token list` shows.
    public var fingerprint: String { String(hash.prefix(12)) }

    /// Whether the token has expired at `now`.
    public func isExpired(at now: Date) -> Bool { expiresAt.map { $0 <= now } ?? false }
}
