import BeaconCore
import BeaconStore
import Crypto
import Foundation

/// The hash chain that makes the audit log tamper-evident.
///
/// Each entry's hash is SHA-256 over its canonical encoding (`AuditCanonicalEncoding`), which
/// includes the previous entry's hash: hₙ = SHA-256(encode(entryₙ) ‖ hₙ₋₁), h₀ = 0²⁵⁶. This is
/// the hash chain of Schneier and Kelsey, "Cryptographic Support for Secure Logs on Untrusted
/// Machines" (USENIX Security 1998; ACM TISSEC 2(2), 1999), without their per-entry MAC keys:
/// integrity against the database's own administrator comes instead from signing the chain head
/// and keeping it outside the database, the "commitment" Crosby and Wallach use for their
/// tamper-evident history ("Efficient Data Structures for Tamper-Evident Logging", USENIX
/// Security 2009, §2). Any change to an entry changes its hash and so every later link; a cut
/// tail is caught against a signed head exported earlier (`AuditVerifier`).
public enum AuditChain {
    /// The hex SHA-256 of `entry`'s canonical encoding (its own `hash` field is not covered).
    public static func hash(of entry: AuditEntry) -> String {
        hex(SHA256.hash(data: AuditCanonicalEncoding.bytes(of: entry)))
    }

    /// Lower-case hex digits of `bytes` (verification hashes millions of entries: no `String(format:)`).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The entries `drafts` become when appended after `head`: numbered on from it, each
    /// linked to the one before. Times are rounded to the millisecond the store keeps.
    public static func link(_ drafts: [AuditDraft], workspaceId: String, after head: AuditChainHead) -> [AuditEntry] {
        var previous = head
        return drafts.map { d in
            var entry = AuditEntry(
                workspaceId: workspaceId, sequence: previous.sequence + 1, at: Timestamp.truncated(d.at), actor: d.actor,
                action: d.action, subject: d.subject, detail: d.detail, previousHash: previous.hash, hash: "")
            entry.hash = hash(of: entry)
            previous = AuditChainHead(sequence: entry.sequence, hash: entry.hash)
            return entry
        }
    }

    /// An `AuditAppend` that links `drafts` to whatever head the store finds.
    public static func append(_ drafts: [AuditDraft], workspaceId: String) -> AuditAppend {
        AuditAppend(workspaceId: workspaceId) { head in link(drafts, workspaceId: workspaceId, after: head) }
    }
}
