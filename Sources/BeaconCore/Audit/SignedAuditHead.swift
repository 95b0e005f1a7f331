import Foundation

/// A chain head exported to a file: the newest entry's sequence number and hash, when it was
/// signed, and an Ed25519 signature over `AuditCanonicalEncoding.bytes(ofHead:…)`.
///
/// Kept outside the database, it lets `beacon audit verify --head FILE` notice a chain cut
/// back to fewer entries than were exported (truncation), which the chain alone cannot show.
public struct SignedAuditHead: Sendable, Equatable, Codable {
    public var workspaceId: String
    public var sequence: Int64
    public var hash: String
    public var signedAt: Date
    /// The signing key's public half, base64 (for reading; verification uses the configured key).
    public var publicKey: String
    /// The Ed25519 signature, base64.
    public var signature: String

    public init(workspaceId: String, sequence: Int64, hash: String, signedAt: Date, publicKey: String, signature: String) {
        self.workspaceId = workspaceId
        self.sequence = sequence
        self.hash = hash
        self.signedAt = signedAt
        self.publicKey = publicKey
        self.signature = signature
    }

    public var head: AuditChainHead { AuditChainHead(sequence: sequence, hash: hash) }
}
