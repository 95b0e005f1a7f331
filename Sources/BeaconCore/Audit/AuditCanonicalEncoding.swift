import Foundation

/// The canonical byte encoding an audit entry's hash is computed over.
///
/// A domain tag (`beacon-audit-v1`) and then every field, each as an 8-byte big-endian length
/// followed by its UTF-8 bytes, in a fixed order: workspace, sequence (decimal), time
/// (milliseconds since 1970, decimal), actor, action, subject (an absent subject is encoded
/// with length 2⁶⁴−1 so it differs from an empty one), detail, previous hash. Length prefixes
/// make the encoding injective: no two different entries encode to the same bytes, so nothing
/// can be moved from one field into the next without changing the hash.
public enum AuditCanonicalEncoding {
    public static let domain = "beacon-audit-v1"

    /// The bytes of `entry`'s fields (its own `hash` aside).
    public static func bytes(of entry: AuditEntry) -> [UInt8] {
        var out: [UInt8] = []
        append(domain, to: &out)
        append(entry.workspaceId, to: &out)
        append(String(entry.sequence), to: &out)
        append(String(Timestamp.milliseconds(entry.at)), to: &out)
        append(entry.actor, to: &out)
        append(entry.action, to: &out)
        if let subject = entry.subject {
            append(subject, to: &out)
        } else {
            out += lengthBytes(UInt64.max)
        }
        append(entry.detail, to: &out)
        append(entry.previousHash, to: &out)
        return out
    }

    /// The bytes a signed chain head covers: domain, workspace, sequence, hash and signing time.
    public static func bytes(ofHead workspaceId: String, head: AuditChainHead, signedAt: Date) -> [UInt8] {
        var out: [UInt8] = []
        append("beacon-audit-head-v1", to: &out)
        append(workspaceId, to: &out)
        append(String(head.sequence), to: &out)
        append(head.hash, to: &out)
        append(String(Timestamp.milliseconds(signedAt)), to: &out)
        return out
    }

    static func append(_ field: String, to out: inout [UInt8]) {
        let utf8 = Array(field.utf8)
        out += lengthBytes(UInt64(utf8.count))
        out += utf8
    }

    static func lengthBytes(_ n: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * (7 - $0))) }
    }
}
