import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Attribution on stored events")
struct LiveAttributionTests {
    @Test("Anonymous first visits are stitched to the buyer, and credits add up to the orders")
    func demoWorkspace() async throws {
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "demo")
        let events = DemoGenerator(seed: 3, customers: 300, days: 120).events()
        _ = try await store.events.append([EventBatch(workspaceId: ws.id, events: events)])

        let touches = LiveAttribution.touchEvents(from: events)
        let signedUp = Set(events.filter { $0.type == .identify }.compactMap(\.anonymousId))
        // Every anonymous visitor who later identified appears under the user id only.
        #expect(!touches.contains { signedUp.contains($0.userId) })

        let orders = events.filter { $0.event == "Order Completed" }
        let revenue = orders.reduce(0) { $0 + ($1.properties?["revenue"]?.doubleValue ?? 0) }
        let models = try AttributionEngine.parseModels("first,last,linear")
        let report = try await LiveAttribution.report(analytics: store.analytics, workspaceId: ws.id, from: nil, to: nil, models: models)
        #expect(abs(report.totalConversions - Double(orders.count)) < 1e-9)
        #expect(abs(report.totalValue - revenue) < 1e-6)
        for name in ["first", "last", "linear"] {
            let result = try #require(report.model(name))
            #expect(abs(result.conversions.reduce(0, +) - Double(orders.count)) < 1e-6, "\(name)")
            #expect(abs(result.value.reduce(0, +) - revenue) < 1e-3, "\(name)")
        }
        // The demo's acquisition mix reaches the first-touch credits: paid search is among them.
        let first = try #require(report.model("first"))
        let paidSearch = try #require(report.channels.firstIndex(of: "Paid Search"))
        #expect(first.conversions[paidSearch] > 0)
    }
}
