import Foundation

/// One credential of a workspace (a write key or an API token) as Beacon keeps it: its
/// SHA-256 (the secret itself is never stored), its label and when it was made.
/// `fingerprint` tells credentials apart on screen without revealing anything of the secret.
public struct CredentialRecord: Sendable, Equatable {
    public var hash: String
    public var label: String
    public var createdAt: Date

    public init(hash: String, label: String, createdAt: Date) {
        self.hash = hash
        self.label = label
        self.createdAt = createdAt
    }

    /// The first 12 hex digits of the hash.
    public var fingerprint: String { String(hash.prefix(12)) }
}
