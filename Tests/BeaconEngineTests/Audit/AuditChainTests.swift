import BeaconCore
import BeaconEngine
import Foundation
import Testing

/// The hash chain and its verifier on entries in memory: known hashes computed independently
/// (Python's hashlib over the documented encoding), and every kind of tampering detected at
/// the first bad sequence number.
@Suite("Audit chain")
struct AuditChainTests {
    static let t0 = Timestamp.parse("2026-01-01T00:00:00Z")!

    @Test("Hashes equal SHA-256 of the documented canonical encoding (computed independently with Python hashlib)")
    func knownHashes() {
        let drafts = [
            AuditDraft(actor: "user:u1", action: "read GET /api/profiles/:id", subject: "s:abc", detail: "", at: Self.t0),
            AuditDraft(actor: "token:0123456789ab", action: "token.create", subject: nil, detail: "token x", at: Self.t0.addingTimeInterval(1)),
        ]
        let entries = AuditChain.link(drafts, workspaceId: "ws-1", after: .empty)
        #expect(entries.map(\.sequence) == [1, 2])
        #expect(entries[0].previousHash == AuditEntry.genesisHash)
        #expect(entries[0].hash == "f23eb299f7f35c2d9293ba29572106ff771e5356ace603ba60e47e8a05a4d3ac")
        #expect(entries[1].previousHash == entries[0].hash)
        #expect(entries[1].hash == "cfafd883a14766ab83eb0f0b5c4500446c873b72cbfa16849c3305ceb35626e7")
    }

    @Test("An absent subject and an empty one hash differently; moving text between fields changes the hash")
    func injective() {
        func hash(actor: String, action: String, subject: String?) -> String {
            let draft = AuditDraft(actor: actor, action: action, subject: subject, at: Self.t0)
            return AuditChain.link([draft], workspaceId: "w", after: .empty)[0].hash
        }
        let a = hash(actor: "a", action: "b", subject: nil)
        let b = hash(actor: "a", action: "b", subject: "")
        let c = hash(actor: "ab", action: "", subject: nil)
        #expect(Set([a, b, c]).count == 3)
    }

    static func chain(_ n: Int) -> [AuditEntry] {
        var drafts: [AuditDraft] = []
        for i in 0..<n {
            let action = i % 3 == 0 ? "token.create" : "read GET /api/profiles/:id"
            let subject: String? = i % 2 == 0 ? "s:" + String(i, radix: 16) : nil
            let at = t0.addingTimeInterval(Double(i))
            drafts.append(AuditDraft(actor: "user:u\(i % 7)", action: action, subject: subject, detail: "detail \(i)", at: at))
        }
        return AuditChain.link(drafts, workspaceId: "ws", after: .empty)
    }

    /// `entry` with one byte of one field (chosen by `rng`) flipped.
    static func flipByte<G: RandomNumberGenerator>(_ entry: AuditEntry, using rng: inout G) -> AuditEntry {
        var e = entry
        func flip(_ s: String) -> String {
            var bytes = Array(s.utf8)
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            // Stay within printable ASCII so the text still decodes (as a database would keep it).
            bytes[i] = bytes[i] == 0x41 ? 0x42 : 0x41
            return String(decoding: bytes, as: UTF8.self)
        }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: e.actor = flip(e.actor)
        case 1: e.action = flip(e.action)
        case 2: e.detail = flip(e.detail)
        case 3: e.previousHash = flip(e.previousHash)
        case 4: e.hash = flip(e.hash)
        default: e.at = e.at.addingTimeInterval(0.001)
        }
        return e
    }

    @Test("A byte flipped in each of 1,000 random entries is detected at that entry")
    func thousandFlips() {
        let entries = Self.chain(2_000)
        #expect(AuditVerifier.verify(entries).isIntact)
        var rng = SplitMix64(seed: 18)
        for _ in 0..<1_000 {
            let i = Int.random(in: 0..<entries.count, using: &rng)
            var tampered = entries
            tampered[i] = Self.flipByte(entries[i], using: &rng)
            let report = AuditVerifier.verify(tampered)
            #expect(report.firstBadSequence == entries[i].sequence, "flip in entry \(i + 1): \(report.problem ?? "not detected")")
        }
    }

    @Test("Deleting, swapping, inserting and truncating are each detected; truncation only against a head")
    func structuralChanges() {
        let entries = Self.chain(100)
        let head = AuditChainHead(sequence: 100, hash: entries[99].hash)
        #expect(AuditVerifier.verify(entries, head: head).isIntact)

        var deleted = entries
        deleted.remove(at: 41)
        #expect(AuditVerifier.verify(deleted).firstBadSequence == 42)

        // Swapping two rows' places (their sequence numbers stay in order, their contents move).
        var swapped = entries
        swapped.swapAt(10, 60)
        (swapped[10].sequence, swapped[60].sequence) = (11, 61)
        #expect(AuditVerifier.verify(swapped).firstBadSequence == 11)

        // A forged entry inserted and the rest renumbered, each hash recomputed over its own content.
        var inserted = Array(entries[0..<50])
        let forged = AuditChain.link(
            [AuditDraft(actor: "user:mallory", action: "read", at: Self.t0)], workspaceId: "ws",
            after: AuditChainHead(sequence: 50, hash: entries[49].hash))
        inserted += forged
        for var e in entries[50...] {
            e.sequence += 1
            e.hash = AuditChain.hash(of: e)
            inserted.append(e)
        }
        #expect(AuditVerifier.verify(inserted).firstBadSequence == 52)

        // The tail cut: the chain alone looks whole, the exported head shows what is missing.
        let truncated = Array(entries[0..<90])
        #expect(AuditVerifier.verify(truncated).isIntact)
        let report = AuditVerifier.verify(truncated, head: head)
        #expect(report.firstBadSequence == 91)
        #expect(report.problem?.contains("truncated") == true)

        // Truncated and re-extended with a rewritten history: the head's hash no longer matches.
        let rewritten = Array(entries[0..<90]) + AuditChain.link(
            (0..<10).map { AuditDraft(actor: "user:mallory", action: "noise \($0)", at: Self.t0) }, workspaceId: "ws",
            after: AuditChainHead(sequence: 90, hash: entries[89].hash))
        #expect(AuditVerifier.verify(rewritten).isIntact)
        #expect(AuditVerifier.verify(rewritten, head: head).firstBadSequence == 100)
    }

    @Test("A signed head verifies under its key only, and not after any field changes")
    func signedHead() throws {
        let key = AuditSigningKey.random(), other = AuditSigningKey.random()
        let signed = try key.sign(AuditChainHead(sequence: 5, hash: String(repeating: "a", count: 64)), workspaceId: "ws")
        #expect(key.isValid(signed))
        #expect(!other.isValid(signed))
        var moved = signed
        moved.sequence = 4
        #expect(!key.isValid(moved))
        var renamed = signed
        renamed.workspaceId = "other"
        #expect(!key.isValid(renamed))
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a seeded generator so the random trials repeat.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
