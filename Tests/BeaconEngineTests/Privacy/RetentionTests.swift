import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Retention by event time")
struct RetentionTests {
    @Test("A * rule and a named rule delete by event time; profiles are recomputed in the same run",
          arguments: PrivacyBackend.available)
    func retention(backend: PrivacyBackend) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-retention-\(UUID().uuidString)")
        let runtime = try await backend.runtime(dataDirectory: dir)
        let (ws, key) = try await runtime.workspaces.create(name: "retention-\(UUID().uuidString.prefix(8))")
        let now = Date()
        let user = "ret-\(UUID().uuidString.prefix(8))"
        // (days ago, name): kept unless older than the rule for its name.
        let events: [(Double, String)] = [(60, "Bought"), (20, "Bought"), (10, "Page Viewed"), (3, "Page Viewed"), (400, "Page Viewed")]
        for (days, name) in events {
            let body: JSONValue = [
                "userId": .string(user), "event": .string(name),
                "timestamp": .string(Timestamp.format(now.addingTimeInterval(-days * 86_400))),
            ]
            _ = try await runtime.ingest.ingest(body: Array(body.serialized().utf8), endpoint: .track, writeKey: key)
        }
        _ = try await runtime.profiles.catchUp(workspaceId: ws.id)
        let before = try #require(try await runtime.privacy.subject(workspaceId: ws.id, identifier: user).profile)
        #expect(before.eventCount == 5)

        try await runtime.privacy.setRetention(workspaceId: ws.id, eventName: "*", days: 30, actor: AuditActor.commandLine)
        try await runtime.privacy.setRetention(workspaceId: ws.id, eventName: "Page Viewed", days: 7, actor: AuditActor.commandLine)
        await #expect(throws: PrivacyError.self) { try await runtime.privacy.setRetention(workspaceId: ws.id, eventName: "*", days: 0, actor: AuditActor.commandLine) }
        #expect(try await runtime.privacy.retentionRules(workspaceId: ws.id).map(\.eventName) == ["*", "Page Viewed"])

        let report = try await runtime.privacy.runRetention(workspaceId: ws.id, actor: AuditActor.commandLine)
        #expect(report.eventsDeleted == 3)
        let left = try await runtime.stores.events.allEvents(in: ws.id).map { ($0.event.event ?? "", Int((now.timeIntervalSince($0.event.timestamp) / 86_400).rounded())) }
        #expect(left.map(\.0) == ["Bought", "Page Viewed"])
        #expect(left.map(\.1) == [20, 3])
        let after = try #require(try await runtime.privacy.subject(workspaceId: ws.id, identifier: user).profile)
        #expect(after.eventCount == 2)
        // A second run finds nothing more.
        #expect(try await runtime.privacy.runRetention(workspaceId: ws.id, actor: AuditActor.commandLine).eventsDeleted == 0)
        try await runtime.close()
    }
}
