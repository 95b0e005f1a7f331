import Foundation

/// One write key of a workspace as Beacon keeps it: its SHA-256 (the key itself is never
/// stored), the source's label and when it was made. `fingerprint` tells keys apart on
/// screen without revealing anything of the key.
public struct WriteKeyRecord: Sendable, Equatable {
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
