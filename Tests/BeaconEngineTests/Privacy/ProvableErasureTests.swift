import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Testing

/// Erasure proven by bytes: after erasing one subject, no file under the data directory (and
/// on PostgreSQL no line of `pg_dump`) holds any of their canary values in any common
/// encoding, while a control subject of the same shape is still there and exports whole.
@Suite("Provable erasure", .serialized)
struct ProvableErasureTests {
    static let pgDump = "/usr/lib/postgresql/15/bin/pg_dump"

    /// Sends a subject's events over two write keys: anonymous visits on each, an identify per
    /// anonymous id (an identity merge), a tracked event a destination receives.
    static func send(_ s: CanarySubject, _ runtime: BeaconRuntime, keys: [String]) async throws {
        let bodies: [(IngestEndpoint, String, JSONValue)] = [
            (.page, keys[0], ["anonymousId": .string(s.anonymousIds[0]), "name": "Home",
                              "properties": ["note": .string(s.note)]]),
            (.track, keys[1], ["anonymousId": .string(s.anonymousIds[1]), "event": "Canary Viewed",
                               "properties": ["comment": .string(s.note)],
                               "context": ["consent": ["categoryPreferences": ["marketing": true]]]]),
            (.identify, keys[0], ["userId": .string(s.userId), "anonymousId": .string(s.anonymousIds[0]),
                                  "traits": ["email": .string(s.email), "phone": .string(s.phone), "favourite": .string(s.trait)]]),
            (.identify, keys[1], ["userId": .string(s.userId), "anonymousId": .string(s.anonymousIds[1])]),
            (.track, keys[1], ["userId": .string(s.userId), "event": "Canary Viewed",
                               "properties": ["comment": .string(s.note)]]),
        ]
        for (endpoint, key, body) in bodies {
            _ = try await runtime.ingest.ingest(body: Array(body.serialized().utf8), endpoint: endpoint, writeKey: key)
        }
    }

    /// Every file under the data directory and, on PostgreSQL, the output of `pg_dump`.
    static func scan(_ backend: PrivacyBackend, _ dir: URL) async throws -> [(path: String, bytes: Data)] {
        var blobs = try filesUnder(dir)
        if backend == .postgres {
            let dump = try await runProcess(pgDump, [try await TestPostgres.url()])
            #expect(dump.status == 0, "\(dump.stderr)")
            blobs.append(("pg_dump", Data(dump.stdout.utf8)))
        }
        #expect(!blobs.isEmpty)
        return blobs
    }

    @Test("No canary of the erased subject survives anywhere; the control subject is intact", arguments: PrivacyBackend.available)
    func byteScan(backend: PrivacyBackend) async throws {
        if backend == .postgres, !FileManager.default.isExecutableFile(atPath: Self.pgDump) {
            Issue.record("pg_dump is not at \(Self.pgDump): the PostgreSQL byte scan cannot run")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-erasure-\(UUID().uuidString)")
        let runtime = try await backend.runtime(dataDirectory: dir)
        let (ws, key1) = try await runtime.workspaces.create(name: "erasure-\(UUID().uuidString.prefix(8))")
        let key2 = try await runtime.workspaces.addWriteKey(to: ws, label: "app")
        try await runtime.stores.activations.createDestination(Destination(
            workspaceId: ws.id, id: "dst_canary", name: "canary", kind: .webhook, url: "http://127.0.0.1:9/hook",
            sealedSecrets: [], createdAt: Date()))
        try await runtime.stores.activations.createActivation(Activation(
            workspaceId: ws.id, id: "act_canary", destinationId: "dst_canary",
            trigger: .event(name: "Canary Viewed", properties: [:]), createdAt: Date()))
        try await runtime.profiles.reloadActivations(workspaceId: ws.id)
        try await runtime.profiles.saveSegment(workspaceId: ws.id, name: "Has email", rule: ["email": ["exists": true]])

        let subject = CanarySubject("gone"), control = CanarySubject("kept")
        try await Self.send(subject, runtime, keys: [key1, key2])
        try await Self.send(control, runtime, keys: [key1, key2])
        _ = try await runtime.profiles.catchUp(workspaceId: ws.id)

        // An export file Beacon owns, holding both subjects.
        let exports = dir.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        var text = ""
        _ = try await WorkspaceExport(runtime: runtime).write(.events, workspaceId: ws.id, to: { text += $0 })
        try Data(text.utf8).write(to: exports.appendingPathComponent("events.jsonl"))

        // Before: the subject is everywhere the test claims to look.
        let before = try await runtime.privacy.export(workspaceId: ws.id, identifier: subject.email, actor: AuditActor.commandLine)
        #expect(before.rows("events").count == 5)
        #expect(before.rows("deliveries").count == 2)
        #expect(before.rows("memberships").count >= 1)
        #expect(before.rows("merges").count >= 1)
        #expect(before.rows("consent").count == 1)
        let controlBefore = try await runtime.privacy.export(workspaceId: ws.id, identifier: control.userId, actor: AuditActor.commandLine)

        // Every canary of the subject is in the bytes before (so the scan after can fail).
        let present = try await Self.scan(backend, dir)
        for v in subject.values { #expect(!occurrences(of: [v], in: present).isEmpty, "canary '\(v)' not stored before erasure") }

        let job = try await runtime.privacy.erase(workspaceId: ws.id, identifier: subject.email, actor: AuditActor.commandLine)
        #expect(job.state == .done, "\(job.error ?? "")")
        #expect(job.report?.rowsDeleted["events"] == 5)
        #expect(job.report?.filesRewritten == ["events.jsonl"])

        let blobs = try await Self.scan(backend, dir)
        let leftovers = occurrences(of: subject.values, in: blobs)
        #expect(leftovers.isEmpty, "erased canaries found: \(leftovers.prefix(10))")
        for v in control.values {
            #expect(!occurrences(of: [v], in: blobs).isEmpty, "control canary '\(v)' is gone")
        }

        // The control subject exports whole, exactly as before.
        let after = try await runtime.privacy.export(workspaceId: ws.id, identifier: control.userId, actor: AuditActor.commandLine)
        for section in ["events", "identities", "consent", "memberships", "deliveries", "merges"] {
            #expect(after.rows(section).count == controlBefore.rows(section).count, "control's \(section) changed")
        }
        #expect(after.rows("events").count == 5)
        #expect(after.profile != nil)
        // The erased subject is gone from export, and re-ingest is suppressed.
        await #expect(throws: PrivacyError.self) { try await runtime.privacy.export(workspaceId: ws.id, identifier: subject.email, actor: AuditActor.commandLine) }
        try await Self.send(subject, runtime, keys: [key1, key2])
        #expect(try await runtime.stores.events.eventCount(in: ws.id) == 5)
        #expect(await runtime.privacy.droppedEvents()[ws.id] == 5)
        try await runtime.close()
    }
}
