import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Workspace cohorts through the analytics port")
struct WorkspaceCohortsTests {
    static func event(_ id: String, _ user: String, _ name: String, _ at: String, _ properties: [String: JSONValue])
        -> Event
    {
        let t = Timestamp.parse(at)!
        return Event(
            messageId: id, type: .track, userId: user, event: name, timestamp: t, receivedAt: t,
            properties: .object(properties))
    }

    @Test("A hand-counted shop: refunds lower revenue in their month, a refund-only person is left out",
          arguments: ProfileBackend.available)
    func handCounted(_ backend: ProfileBackend) async throws {
        let stores = try await backend.open()
        let ws = try await stores.workspaces.createWorkspace(name: "c-\(UUID().uuidString.prefix(8).lowercased())")
        let order = "Order Completed", refund = "Order Refunded"
        _ = try await stores.events.append([
            EventBatch(
                workspaceId: ws.id,
                events: [
                    Self.event("1", "a", order, "2025-01-10T10:00:00Z", ["order_id": "o1", "revenue": 100]),
                    Self.event("2", "b", order, "2025-01-20T10:00:00Z", ["order_id": "o2", "revenue": 50]),
                    Self.event("3", "d", refund, "2025-02-01T10:00:00Z", ["order_id": "x", "revenue": 10]),
                    Self.event("4", "c", order, "2025-02-11T10:00:00Z", ["order_id": "o3", "revenue": 30]),
                    Self.event("5", "c", order, "2025-02-25T10:00:00Z", ["order_id": "o4", "revenue": 20]),
                    Self.event("6", "a", order, "2025-03-05T10:00:00Z", ["order_id": "o5", "revenue": 40]),
                    Self.event("7", "a", refund, "2025-03-20T10:00:00Z", ["order_id": "o5", "revenue": 40]),
                ])
        ])
        let analytics = WorkspaceAnalytics(queries: stores.analytics)
        let march = try #require(
            try await WorkspaceCohorts.of(
                analytics: analytics, workspaceId: ws.id, asOf: Timestamp.parse("2025-03-31T23:59:59Z")!))
        // January: a and b; only a buys again, in March, and returns it the same month.
        #expect(march.cohorts.map(\.month) == ["2025-01", "2025-02"])
        #expect(march.cohorts[0].customers == 2 && march.cohorts[0].active == [2, 0, 1])
        #expect(march.cohorts[0].revenue == [150, 0, 0])
        #expect(march.cohorts[0].retention == [1, 0, 0.5])
        #expect(march.cohorts[1].customers == 1 && march.cohorts[1].active == [1, 0])
        #expect(march.cohorts[1].revenue == [50, 0])
        #expect(march.customersWithoutPurchase == 1)
        // As of February the March order and refund are not there yet.
        let february = try #require(
            try await WorkspaceCohorts.of(
                analytics: analytics, workspaceId: ws.id, asOf: Timestamp.parse("2025-02-28T23:59:59Z")!))
        #expect(february.cohorts.map(\.active) == [[2, 0], [1]])
        #expect(february.cohorts.map(\.revenue) == [[150, 0], [50]])
        // Before the first order there is no table.
        #expect(
            try await WorkspaceCohorts.of(
                analytics: analytics, workspaceId: ws.id, asOf: Timestamp.parse("2024-12-31T23:59:59Z")!) == nil)
    }
}
