import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite("Consent history in the store")
struct ConsentRecordsTests {
    static func event(_ id: String, user: String, _ prefs: JSONValue?, at seconds: Double) -> Event {
        Event(messageId: id, type: .track, userId: user, event: "Seen", timestamp: Date(timeIntervalSince1970: seconds),
              receivedAt: Date(timeIntervalSince1970: seconds),
              context: prefs.map { ["consent": ["categoryPreferences": $0, "policyVersion": "v3"]] })
    }

    @Test("Appends record consent in the event's transaction, once per message; the backfill rebuilds it from the log",
          arguments: StoreBackend.available)
    func appendAndBackfill(backend: StoreBackend) async throws {
        let stores = try await backend.open()
        let ws = try await stores.workspaces.createWorkspace(name: uniqueName("consent"))
        let user = "cu-\(UUID().uuidString.prefix(8))"
        let batch = EventBatch(workspaceId: ws.id, events: [
            Self.event("m1", user: user, ["marketing": true, "ads": false], at: 10),
            Self.event("m2", user: user, nil, at: 20),
            Self.event("m3", user: user, [:], at: 30),
        ])
        _ = try await stores.events.append([batch])
        _ = try await stores.events.append([batch]) // duplicates: no second history entry
        let records = try await stores.privacy.consentRecords(workspaceId: ws.id, identifierValues: [user])
        #expect(records.map(\.category) == ["ads", "marketing", "*"])
        #expect(records.map(\.granted) == [false, true, false])
        #expect(records.allSatisfy { $0.policyVersion == "v3" && $0.identifier == Identifier(kind: "user_id", value: user) })

        let driver = try #require((stores.lifecycle as? any SQLBackend)?.driver)
        try await driver.execute("DELETE FROM consent_records WHERE workspace_id = ?", [.text(ws.id)])
        #expect(try await stores.privacy.consentRecords(workspaceId: ws.id, identifierValues: [user]).isEmpty)
        try await driver.execute(
            "INSERT INTO projection_backfills (name) VALUES ('consent_records') ON CONFLICT (name) DO NOTHING", [])
        try await stores.migrate()
        #expect(try await stores.privacy.consentRecords(workspaceId: ws.id, identifierValues: [user]) == records)
        try await stores.close()
    }
}
