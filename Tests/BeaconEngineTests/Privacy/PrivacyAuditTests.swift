import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// Privacy actions in the audit log: every export, consent read, suppression, lift, erasure and
/// retention change leaves exactly one entry naming its actor and action, the chain still
/// verifies afterwards, and none of the erased person's values is in the audit table in any
/// common encoding (entries name them by pseudonym only).
@Suite("Privacy actions in the audit log", .serialized)
struct PrivacyAuditTests {
    static let actor = "cli:privacy-auditor"

    /// The workspace's entries, oldest first.
    static func entries(_ runtime: BeaconRuntime, _ ws: String) async throws -> [AuditEntry] {
        try await runtime.audit.store.entries(workspaceId: ws, after: 0, limit: 10_000)
    }

    /// Runs `action` and returns the entries it appended (there must be no other writer).
    static func appended(
        _ runtime: BeaconRuntime, _ ws: String, _ action: () async throws -> Void
    ) async throws -> [AuditEntry] {
        let before = try await entries(runtime, ws).count
        try await action()
        return Array(try await entries(runtime, ws).dropFirst(before))
    }

    @Test("Each privacy action leaves one entry; the chain verifies; the erased person's values are not in it",
          arguments: PrivacyBackend.available)
    func oneEntryPerAction(backend: PrivacyBackend) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-privacy-audit-\(UUID().uuidString)")
        let runtime = try await backend.runtime(dataDirectory: dir)
        let (ws, key) = try await runtime.workspaces.create(name: "paudit-\(UUID().uuidString.prefix(8).lowercased())")
        let key2 = try await runtime.workspaces.addWriteKey(to: ws, label: "app")
        let subject = CanarySubject("audited"), control = CanarySubject("other")
        try await ProvableErasureTests.send(subject, runtime, keys: [key, key2])
        try await ProvableErasureTests.send(control, runtime, keys: [key, key2])
        _ = try await runtime.profiles.catchUp(workspaceId: ws.id)
        let profileId = try #require(
            try await runtime.stores.profiles.profileId(workspaceId: ws.id, identifierValue: subject.userId, kind: nil))
        let pseudonym = try await runtime.audit.subjectReference(workspaceId: ws.id, profileId: profileId)

        let exported = try await Self.appended(runtime, ws.id) {
            _ = try await runtime.privacy.export(workspaceId: ws.id, identifier: subject.email, actor: Self.actor)
        }
        #expect(exported.map(\.action) == ["privacy.export"])
        #expect(exported.first?.actor == Self.actor)
        #expect(exported.first?.subject == pseudonym)
        // Named by another of its identifiers, the same person has the same pseudonym.
        let consentRead = try await Self.appended(runtime, ws.id) {
            _ = try await runtime.privacy.consent(workspaceId: ws.id, identifier: subject.anonymousIds[1], actor: Self.actor)
        }
        #expect(consentRead.map(\.action) == ["privacy.consent.read"])
        #expect(consentRead.first?.subject == pseudonym)
        #expect(consentRead.first?.detail == "1 consent records")

        var suppression = ""
        let suppressed = try await Self.appended(runtime, ws.id) {
            suppression = try await runtime.privacy.suppress(workspaceId: ws.id, identifier: subject.phone, actor: Self.actor).id
        }
        #expect(suppressed.map(\.action) == ["privacy.suppress"])
        #expect(suppressed.first?.subject == pseudonym)
        #expect(suppressed.first?.detail.hasPrefix("suppression \(suppression) ") == true)
        let lifted = try await Self.appended(runtime, ws.id) {
            try await runtime.privacy.liftSuppression(workspaceId: ws.id, id: suppression, actor: Self.actor)
        }
        #expect(lifted.map(\.action) == ["privacy.suppression.lift"])
        #expect(lifted.first?.detail == "suppression \(suppression)")
        // A refused action (nothing to lift) records nothing.
        let refused = try await Self.appended(runtime, ws.id) {
            await #expect(throws: PrivacyError.self) {
                try await runtime.privacy.liftSuppression(workspaceId: ws.id, id: suppression, actor: Self.actor)
            }
        }
        #expect(refused.isEmpty)

        let ruleSet = try await Self.appended(runtime, ws.id) {
            try await runtime.privacy.setRetention(workspaceId: ws.id, eventName: "Canary Viewed", days: 3650, actor: Self.actor)
        }
        #expect(ruleSet.map(\.action) == ["privacy.retention.set"])
        #expect(ruleSet.first?.detail == "event 'Canary Viewed' 3650 days")
        let ran = try await Self.appended(runtime, ws.id) {
            _ = try await runtime.privacy.runRetention(workspaceId: ws.id, actor: Self.actor)
        }
        #expect(ran.map(\.action) == ["privacy.retention.run"])
        #expect(ran.first?.detail == "1 rules, 0 events deleted, 0 refolded")
        // The server's periodic runs (the system) record only runs that deleted something.
        let periodic = try await Self.appended(runtime, ws.id) {
            _ = try await runtime.privacy.runRetention(workspaceId: ws.id, actor: AuditActor.system)
        }
        #expect(periodic.isEmpty)

        var job: ErasureJob?
        let erased = try await Self.appended(runtime, ws.id) {
            job = try await runtime.privacy.erase(workspaceId: ws.id, identifier: subject.userId, actor: Self.actor)
        }
        let erasure = try #require(job)
        #expect(erasure.state == .done, "\(erasure.error ?? "")")
        #expect(erased.map(\.action) == ["privacy.erasure.request", "privacy.suppress", "privacy.erasure.done"])
        #expect(erased.allSatisfy { $0.actor == Self.actor })
        #expect(erased.first?.detail == "erasure \(erasure.id)")
        #expect(erased.last?.subject == pseudonym)
        #expect(erased.last?.detail.hasPrefix("erasure \(erasure.id): ") == true)

        // "Who touched this person": every entry about the pseudonym, after the profile is gone.
        let history = try await runtime.audit.history(workspaceId: ws.id, profileId: profileId, from: nil, to: nil)
        #expect(history.map(\.action) == [
            "privacy.export", "privacy.consent.read", "privacy.suppress", "privacy.suppress", "privacy.erasure.done",
        ])

        let all = try await Self.entries(runtime, ws.id)
        let report = try await runtime.audit.verify(workspaceId: ws.id)
        #expect(report.isIntact, "\(report.problem ?? "")")
        #expect(report.checked == all.count)

        // The audit table's rows, as the database returns them: none of the erased values.
        let driver = try #require((runtime.stores.lifecycle as? any SQLBackend)?.driver)
        let rows = try await driver.query(
            "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_entries WHERE workspace_id = ?",
            [.text(ws.id)])
        #expect(rows.count == all.count)
        var text = ""
        for r in rows {
            for column in ["actor", "action", "subject", "detail", "prev_hash", "hash"] {
                text += (try r.optionalString(column) ?? "") + "\n"
            }
        }
        let blob = [(path: "audit_entries", bytes: Data(text.utf8))]
        let leftovers = occurrences(of: subject.values + [profileId], in: blob)
        #expect(leftovers.isEmpty, "erased values in the audit table: \(leftovers)")
        // The scan can find things: the pseudonyms are there.
        #expect(!occurrences(of: [pseudonym], in: blob).isEmpty)
        try await runtime.close()
    }
}
