import BeaconCore
import Crypto
import Foundation

/// The Ed25519 key that signs exported audit chain heads, kept outside the database.
///
/// The private key is 32 bytes from `BEACON_AUDIT_SIGNING_KEY` (base64) or, when that is unset,
/// from a key file (`BEACON_AUDIT_SIGNING_KEY_FILE`, default `~/.config/beacon/audit-signing.key`)
/// created with mode 0600 on first use, as `SecretBox` keeps its key. Someone who can rewrite the
/// database but not read this key cannot forge a head that hides a truncation.
public struct AuditSigningKey: Sendable {
    let key: Curve25519.Signing.PrivateKey

    public init(rawRepresentation: Data) throws {
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)
        } catch {
            throw AuditError(field: "BEACON_AUDIT_SIGNING_KEY", "must be a 32-byte Ed25519 private key in base64")
        }
    }

    /// A new random key (tests, throw-away stores).
    public static func random() -> AuditSigningKey { AuditSigningKey(key: Curve25519.Signing.PrivateKey()) }

    init(key: Curve25519.Signing.PrivateKey) { self.key = key }

    /// The public half, base64.
    public var publicKeyBase64: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// The key the environment names (see the type's description).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AuditSigningKey
    {
        if let text = environment["BEACON_AUDIT_SIGNING_KEY"], !text.isEmpty {
            guard let data = Data(base64Encoded: text) else {
                throw AuditError(field: "BEACON_AUDIT_SIGNING_KEY", "must be 32 bytes in base64")
            }
            return try AuditSigningKey(rawRepresentation: data)
        }
        let path =
            environment["BEACON_AUDIT_SIGNING_KEY_FILE"]
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config/beacon/audit-signing.key")
        if let text = FileManager.default.contents(atPath: path), let data = Data(base64Encoded: text) {
            return try AuditSigningKey(rawRepresentation: data)
        }
        let key = Curve25519.Signing.PrivateKey()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard
            FileManager.default.createFile(
                atPath: path, contents: key.rawRepresentation.base64EncodedData(), attributes: [.posixPermissions: 0o600])
        else {
            throw AuditError(field: "BEACON_AUDIT_SIGNING_KEY_FILE", "cannot write the key file '\(path)'")
        }
        return AuditSigningKey(key: key)
    }

    /// `head` of `workspaceId`'s chain signed now.
    public func sign(_ head: AuditChainHead, workspaceId: String, at date: Date = Date()) throws -> SignedAuditHead {
        let signedAt = Timestamp.truncated(date)
        let bytes = AuditCanonicalEncoding.bytes(ofHead: workspaceId, head: head, signedAt: signedAt)
        let signature = try key.signature(for: Data(bytes))
        return SignedAuditHead(
            workspaceId: workspaceId, sequence: head.sequence, hash: head.hash, signedAt: signedAt,
            publicKey: publicKeyBase64, signature: signature.base64EncodedString())
    }

    /// Whether `head` carries a valid signature by this key (the key named in the file is not trusted).
    public func isValid(_ head: SignedAuditHead) -> Bool {
        guard let signature = Data(base64Encoded: head.signature) else { return false }
        let bytes = AuditCanonicalEncoding.bytes(ofHead: head.workspaceId, head: head.head, signedAt: head.signedAt)
        return key.publicKey.isValidSignature(signature, for: Data(bytes))
    }
}

/// An audit request that cannot be carried out, naming the field or option at fault.
public struct AuditError: Error, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
