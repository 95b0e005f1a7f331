import BeaconCore
import Crypto
import Foundation

/// The pseudonym Beacon keeps of an identifier value it must still recognise after erasing
/// it (the suppression list, the erasure job): SHA-256 over a fixed label, the workspace and
/// the value, in hex. Values are hashed whatever their kind, so a suppressed email also stops
/// an event that sends it as a user id.
enum SubjectHash {
    static func of(_ value: String, workspaceId: String) -> String {
        let digest = SHA256.hash(data: Data("beacon-subject-v1\u{1F}\(workspaceId)\u{1F}\(value)".utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Every identifier value an event carries, as ingest matches them against suppressions:
    /// the user id, anonymous id and alias previous id as sent, and the normalised emails,
    /// phones and external ids identity resolution reads.
    static func values(in event: Event) -> Set<String> {
        var out: Set<String> = []
        for raw in [event.userId, event.anonymousId, event.previousId] {
            if let raw, !raw.isEmpty { out.insert(raw) }
        }
        for id in EventIdentifiers.extract(event, rules: IdentityRules()) { out.insert(id.value) }
        return out
    }
}
