import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// The audit mutation test on a real store (SQLite, and PostgreSQL when configured): entries
/// stored, then changed behind Beacon's back with SQL — a byte flipped in 1,000 random entries
/// (one at a time), one deleted, two swapped, the tail truncated — and each change found by
/// `AuditLog.verify`, naming the first bad sequence number.
@Suite("Audit log mutations on both stores")
struct AuditStoreMutationTests {
    struct Fixture {
        let stores: Stores
        let audit: AuditLog
        let driver: any SQLDriver
        let workspaceId: String
        let entries: [AuditEntry]
        let headFile: String
    }

    static func fixture(_ backend: ProfileBackend, count: Int = 1_200) async throws -> Fixture {
        let stores = try await backend.open()
        let ws = try await stores.workspaces.createWorkspace(name: "audit-\(UUID().uuidString.prefix(8).lowercased())")
        let key = AuditSigningKey.random()
        let audit = AuditLog(store: stores.audit, signingKey: { key })
        let t0 = Timestamp.parse("2026-03-01T00:00:00Z")!
        // Appended in three calls, so links cross append boundaries.
        for part in 0..<3 {
            let drafts = (0..<(count / 3)).map { i -> AuditDraft in
                let n = part * (count / 3) + i
                return AuditDraft(
                    actor: "user:u\(n % 5)", action: n % 4 == 0 ? "change POST /api/segments" : "read GET /api/profiles/:id",
                    subject: n % 2 == 0 ? "s:\(n)" : nil, detail: "entry \(n)", at: t0.addingTimeInterval(Double(n)))
            }
            try await audit.record(drafts, workspaceId: ws.id)
        }
        let headFile = FileManager.default.temporaryDirectory.appendingPathComponent("head-\(UUID().uuidString).json").path
        try await audit.exportHead(workspaceId: ws.id, to: headFile)
        let driver = try #require((stores.lifecycle as? any SQLBackend)?.driver)
        let entries = try await stores.audit.entries(workspaceId: ws.id, after: 0, limit: count + 10)
        return Fixture(stores: stores, audit: audit, driver: driver, workspaceId: ws.id, entries: entries, headFile: headFile)
    }

    func verify(_ f: Fixture, head: Bool = true) async throws -> AuditVerifier.Report {
        try await f.audit.verify(workspaceId: f.workspaceId, head: head ? try AuditLog.readHead(path: f.headFile) : nil)
    }

    func restore(_ f: Fixture, _ e: AuditEntry) async throws {
        try await f.driver.execute(
            """
            INSERT INTO audit_entries (workspace_id, seq, at, actor, action, subject, detail, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(e.workspaceId), .integer(e.sequence), SQLValue(e.at), .text(e.actor), .text(e.action),
                SQLValue(e.subject), .text(e.detail), .text(e.previousHash), .text(e.hash),
            ])
    }

    @Test("The stored chain is intact, reaches its signed head, and a byte flipped in each of 1,000 random stored entries is found", arguments: ProfileBackend.available)
    func flips(_ backend: ProfileBackend) async throws {
        let f = try await Self.fixture(backend)
        defer { Task { try? await f.stores.close() } }
        #expect(f.entries.count == 1_200)
        #expect(try await verify(f).isIntact)
        #expect(try await verify(f).checked == 1_200)

        // 1,000 flips, each into the entries as read back from the store.
        var rng = SplitMix64(seed: 100)
        for _ in 0..<1_000 {
            let i = Int.random(in: 0..<f.entries.count, using: &rng)
            var tampered = f.entries
            tampered[i] = AuditChainTests.flipByte(f.entries[i], using: &rng)
            #expect(AuditVerifier.verify(tampered).firstBadSequence == Int64(i + 1))
        }

        // Twenty of them done to the database itself, each undone after.
        for _ in 0..<20 {
            let i = Int.random(in: 0..<f.entries.count, using: &rng)
            let e = f.entries[i]
            let column = ["actor", "action", "detail", "prev_hash", "hash"][Int.random(in: 0..<5, using: &rng)]
            let original: String =
                switch column {
                case "actor": e.actor
                case "action": e.action
                case "detail": e.detail
                case "prev_hash": e.previousHash
                default: e.hash
                }
            var bytes = Array(original.utf8)
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            bytes[at] = bytes[at] == 0x61 ? 0x62 : 0x61
            try await f.driver.execute(
                "UPDATE audit_entries SET \(column) = ? WHERE workspace_id = ? AND seq = ?",
                [.text(String(decoding: bytes, as: UTF8.self)), .text(f.workspaceId), .integer(e.sequence)])
            let report = try await verify(f)
            #expect(report.firstBadSequence == e.sequence, "\(column) of entry \(e.sequence): \(report.problem ?? "not detected")")
            try await f.driver.execute(
                "UPDATE audit_entries SET \(column) = ? WHERE workspace_id = ? AND seq = ?",
                [.text(original), .text(f.workspaceId), .integer(e.sequence)])
        }
        #expect(try await verify(f).isIntact)
    }

    @Test("A deleted entry, two swapped entries and a truncated tail are each found", arguments: ProfileBackend.available)
    func deleteSwapTruncate(_ backend: ProfileBackend) async throws {
        let f = try await Self.fixture(backend, count: 300)
        defer { Task { try? await f.stores.close() } }
        let ws = SQLValue.text(f.workspaceId)

        // Delete one.
        try await f.driver.execute("DELETE FROM audit_entries WHERE workspace_id = ? AND seq = ?", [ws, .integer(137)])
        #expect(try await verify(f).firstBadSequence == 137)
        try await restore(f, f.entries[136])
        #expect(try await verify(f).isIntact)

        // Swap two (their rows change places in the sequence).
        try await f.driver.transaction([
            ("UPDATE audit_entries SET seq = -1 WHERE workspace_id = ? AND seq = ?", [ws, .integer(40)]),
            ("UPDATE audit_entries SET seq = 40 WHERE workspace_id = ? AND seq = ?", [ws, .integer(210)]),
            ("UPDATE audit_entries SET seq = 210 WHERE workspace_id = ? AND seq = -1", [ws]),
        ])
        #expect(try await verify(f).firstBadSequence == 40)
        try await f.driver.transaction([
            ("UPDATE audit_entries SET seq = -1 WHERE workspace_id = ? AND seq = ?", [ws, .integer(40)]),
            ("UPDATE audit_entries SET seq = 40 WHERE workspace_id = ? AND seq = ?", [ws, .integer(210)]),
            ("UPDATE audit_entries SET seq = 210 WHERE workspace_id = ? AND seq = -1", [ws]),
        ])
        #expect(try await verify(f).isIntact)

        // Truncate the tail: whole by itself, short of the exported head.
        try await f.driver.execute("DELETE FROM audit_entries WHERE workspace_id = ? AND seq > ?", [ws, .integer(250)])
        #expect(try await verify(f, head: false).isIntact)
        let report = try await verify(f)
        #expect(report.firstBadSequence == 251)
        #expect(report.problem?.contains("truncated") == true)

        // A forged head (signed by another key) is refused outright.
        var forged = try AuditLog.readHead(path: f.headFile)
        forged = try AuditSigningKey.random().sign(AuditChainHead(sequence: 250, hash: f.entries[249].hash), workspaceId: forged.workspaceId)
        await #expect(throws: AuditError.self) { try await f.audit.verify(workspaceId: f.workspaceId, head: forged) }
    }

    @Test("Concurrent appends from many tasks keep one unbroken chain", arguments: ProfileBackend.available)
    func concurrentAppends(_ backend: ProfileBackend) async throws {
        // Two store values over one database: what a server and a command line beside it are.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-audit-\(UUID().uuidString)").path
        let url = backend == .sqlite ? nil : try await TestPostgres.url()
        let stores = try await StoreFactory.open(databaseURL: url, dataDirectory: dir, logger: Logger(label: "test"))
        let other = try await StoreFactory.open(databaseURL: url, dataDirectory: dir, logger: Logger(label: "test"))
        defer { Task { try? await stores.close(); try? await other.close() } }
        let ws = try await stores.workspaces.createWorkspace(name: "audit-\(UUID().uuidString.prefix(8).lowercased())")
        let logs = [AuditLog(store: stores.audit, signingKey: { .random() }), AuditLog(store: other.audit, signingKey: { .random() })]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                group.addTask {
                    try await logs[i % 2].record(
                        [AuditDraft(actor: "user:\(i)", action: "read"), AuditDraft(actor: "user:\(i)", action: "read again")],
                        workspaceId: ws.id)
                }
            }
            try await group.waitForAll()
        }
        let report = try await logs[0].verify(workspaceId: ws.id)
        #expect(report.isIntact)
        #expect(report.checked == 80)
    }

    @Test("Subject pseudonyms are stable per workspace, differ across workspaces and never contain the id", arguments: ProfileBackend.available)
    func pseudonyms(_ backend: ProfileBackend) async throws {
        let stores = try await backend.open()
        defer { Task { try? await stores.close() } }
        let a = try await stores.workspaces.createWorkspace(name: "audit-\(UUID().uuidString.prefix(8).lowercased())")
        let b = try await stores.workspaces.createWorkspace(name: "audit-\(UUID().uuidString.prefix(8).lowercased())")
        let audit = AuditLog(store: stores.audit, signingKey: { .random() })
        let again = AuditLog(store: stores.audit, signingKey: { .random() })
        let id = "profile-canary-42"
        let pa = try await audit.subjectReference(workspaceId: a.id, profileId: id)
        #expect(try await again.subjectReference(workspaceId: a.id, profileId: id) == pa)
        #expect(try await audit.subjectReference(workspaceId: b.id, profileId: id) != pa)
        #expect(!pa.contains("canary"))
        try await audit.record(AuditDraft(actor: "user:x", action: "read", subject: pa), workspaceId: a.id)
        let history = try await again.history(workspaceId: a.id, profileId: id, from: nil, to: nil)
        #expect(history.map(\.subject) == [pa])
    }
}
