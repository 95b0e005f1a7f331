import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// `beacon import orders --replace`: a corrected file takes the place of the orders imported
/// before, all or nothing, on both backends.
@Suite("Order import: --replace")
struct OrderImportReplaceTests {
    static let first = """
        order_id,customer_id,timestamp,amount
        o1,c1,2024-03-01,10.00
        o1,c1,2024-03-01,5.00
        o2,c2,2024-03-02,20.00
        C3,c2,2024-03-03,-4.00
        """
    /// o1 corrected (its second line was 50, not 5), o2 and the return gone, o4 new.
    static let corrected = """
        order_id,customer_id,timestamp,amount
        o1,c1,2024-03-01,10.00
        o1,c1,2024-03-01,50.00
        o4,c3,2024-03-04,7.00
        """
    /// A line that is not a date: the file is refused.
    static let broken = """
        order_id,customer_id,timestamp,amount
        o5,c1,2024-03-05,1.00
        o6,c1,yesterday,2.00
        """

    /// The workspace's order and refund facts (the analytics' projection) as `kind:orderId: amount`.
    static func amounts(_ runtime: BeaconRuntime, _ workspaceId: String) async throws -> [String: Double] {
        var out: [String: Double] = [:]
        for o in try await runtime.stores.analytics.orders(in: workspaceId, from: nil, to: nil) {
            out["\(o.fact.kind.rawValue):\(o.fact.orderId ?? "?")", default: 0] += abs(o.fact.amount ?? 0)
        }
        return out
    }

    static func messageIds(_ runtime: BeaconRuntime, _ workspaceId: String) async throws -> Set<String> {
        Set(try await runtime.stores.events.events(in: workspaceId, after: nil, limit: 100).map(\.event.messageId))
    }

    @Test("A replaced import holds exactly the new file's orders; a refused file leaves the old rows",
          arguments: PrivacyBackend.available)
    func replace(_ backend: PrivacyBackend) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-replace-\(UUID().uuidString)")
        let runtime = try await backend.runtime(dataDirectory: dir)
        let ws = try await runtime.stores.workspaces.createWorkspace(name: "replace-\(UUID().uuidString.prefix(8))")
        // An order from the API: not an import, so a replacement leaves it.
        let noon = try #require(Timestamp.parse("2024-03-01T12:00:00Z"))
        let api = Event(
            messageId: "api-1", type: .track, userId: "c9", event: CommerceEvent.orderCompleted, timestamp: noon,
            receivedAt: noon, properties: .object(Order(orderId: "web-1", time: noon, amount: 99).properties()))
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: [api])])

        var importer = OrderFileImporter(store: runtime.stores.events, columns: try OrderColumnMap(parsing: nil))
        let imported = try await importer.importFile(try temporaryFile(Self.first), workspaceId: ws.id)
        #expect(imported.eventsStored == 3 && imported.eventsReplaced == nil)
        #expect(try await Self.amounts(runtime, ws.id) == ["order:o1": 15, "order:o2": 20, "refund:C3": 4, "order:web-1": 99])

        // Without --replace the corrected o1 is "already present": the wrong revenue would stay.
        let appended = try await importer.importFile(try temporaryFile(Self.corrected), workspaceId: ws.id)
        #expect(appended.duplicates == 1 && appended.eventsStored == 1)
        #expect(try await Self.amounts(runtime, ws.id)["order:o1"] == 15)

        importer.replace = true
        let replaced = try await importer.importFile(try temporaryFile(Self.corrected), workspaceId: ws.id)
        // Removed: o1, o2, the return C3 and the o4 the append stored; stored: o1 and o4.
        #expect(replaced.eventsReplaced == 4 && replaced.eventsStored == 2 && replaced.duplicates == 0)
        #expect(try await Self.messageIds(runtime, ws.id) == ["api-1", "order:o1", "order:o4"])
        #expect(try await Self.amounts(runtime, ws.id) == ["order:o1": 60, "order:o4": 7, "order:web-1": 99])

        let refused = await #expect(throws: ImportRefused.self) {
            try await importer.importFile(try temporaryFile(Self.broken), workspaceId: ws.id)
        }
        #expect(refused?.report.refusedOrders == ["o6"])
        #expect(try await Self.messageIds(runtime, ws.id) == ["api-1", "order:o1", "order:o4"])
        #expect(try await Self.amounts(runtime, ws.id) == ["order:o1": 60, "order:o4": 7, "order:web-1": 99])

        // Profiles fold the replaced log: c2's orders are gone, c1 spent 60.
        _ = try await runtime.profiles.rebuild(workspaceId: ws.id)
        let c1 = try #require(try await runtime.profiles.profileStore.profileId(workspaceId: ws.id, identifierValue: "c1", kind: nil))
        let profile = try #require(try await runtime.profiles.profileStore.profile(workspaceId: ws.id, id: c1))
        #expect(profile.orders.revenue == 60 && profile.orders.count == 1)
        try await runtime.close()
    }
}
