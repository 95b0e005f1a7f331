import BeaconCore
import Foundation

/// Checks a workspace's audit chain, entry by entry, and against a signed head exported earlier.
///
/// Walking the entries in sequence order, the first entry that breaks a rule is reported:
/// its number must be one more than the previous (a gap is a deleted entry, a repeat or step
/// back a reordering or insertion), its `previousHash` must be the previous entry's hash, and
/// its `hash` must be the SHA-256 of its own fields (`AuditChain.hash(of:)`). With a head, the
/// chain must reach the head's sequence number with the head's hash there (a shorter chain was
/// truncated; another hash means the history before the head was rewritten).
public enum AuditVerifier {
    /// What a verification found.
    public struct Report: Sendable, Equatable {
        /// Entries read.
        public var checked: Int
        /// The sequence number of the first bad entry (or, for truncation, the first missing
        /// one); nil when the chain is intact.
        public var firstBadSequence: Int64?
        /// Why that entry is bad.
        public var problem: String?

        public var isIntact: Bool { firstBadSequence == nil }
    }

    /// Verifies `entries` (read in sequence order) and, when given, that they reach `head`.
    public static func verify(_ entries: [AuditEntry], head: AuditChainHead? = nil) -> Report {
        var previous = AuditChainHead.empty
        var checked = 0
        for entry in entries {
            checked += 1
            let expected = previous.sequence + 1
            if entry.sequence != expected {
                let problem =
                    entry.sequence > expected
                    ? "entries \(expected)…\(entry.sequence - 1) are missing (deleted)"
                    : "entry \(entry.sequence) appears after entry \(previous.sequence) (reordered or inserted)"
                return Report(checked: checked, firstBadSequence: expected, problem: problem)
            }
            if entry.previousHash != previous.hash {
                return Report(
                    checked: checked, firstBadSequence: entry.sequence,
                    problem: "entry \(entry.sequence) does not link to entry \(previous.sequence) (reordered, inserted or modified)")
            }
            if AuditChain.hash(of: entry) != entry.hash {
                return Report(
                    checked: checked, firstBadSequence: entry.sequence,
                    problem: "entry \(entry.sequence) was modified (its hash does not match its content)")
            }
            previous = AuditChainHead(sequence: entry.sequence, hash: entry.hash)
            if let head, entry.sequence == head.sequence, entry.hash != head.hash {
                return Report(
                    checked: checked, firstBadSequence: entry.sequence,
                    problem: "entry \(entry.sequence) differs from the exported head (history rewritten)")
            }
        }
        if let head, previous.sequence < head.sequence {
            return Report(
                checked: checked, firstBadSequence: previous.sequence + 1,
                problem: "the chain ends at entry \(previous.sequence) but the exported head is at \(head.sequence) (truncated)")
        }
        return Report(checked: checked, firstBadSequence: nil, problem: nil)
    }
}
