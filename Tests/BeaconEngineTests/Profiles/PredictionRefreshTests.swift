import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Prediction refresh")
struct PredictionRefreshTests {
    @Test("P(alive), predicted CLV, churn risk and RFM segments on demo customers")
    func refresh() async throws {
        var f = try await ProfileFixture.make(.sqlite)
        let events = DemoGenerator(seed: 3, customers: 150, days: 200, start: Timestamp.parse("2024-11-01")!).events()
        try await f.send(events)
        let report = try await f.engine.refreshPredictions(workspaceId: f.workspace.id)
        let params = try #require(report.bgnbd)
        let model = BGNBDModel(parameters: params)
        let profiles = try await f.allProfiles()
        let buyers = profiles.filter { $0.orders.count > 0 }
        // As of the workspace's today: its last event, capped at the (fixed) wall clock.
        let today = min(events.map(\.timestamp).max()!, ProfileFixture.now)
        #expect(report.customers == buyers.count)
        #expect(report.rfmScored == buyers.count)
        var checked = 0
        for p in buyers {
            let pred = try #require(p.predictions)
            #expect(pred.refreshedAt == ProfileFixture.now)
            #expect(pred.asOf == today)
            let x = Double(p.orders.count - 1)
            let tx = x == 0 ? 0 : p.orders.lastAt!.timeIntervalSince(p.orders.firstAt!) / 86_400
            let T = today.timeIntervalSince(p.orders.firstAt!) / 86_400
            let expected = model.probabilityAlive(frequency: x, recency: tx, T: T)
            #expect(abs((pred.pAlive ?? -1) - expected) < 1e-12)
            if x == 0 { #expect(pred.pAlive == 1) } // BG/NBD: no repeat purchase, no evidence of dropout
            #expect(abs((pred.churnRisk ?? -1) - (1 - expected)) < 1e-12)
            #expect((pred.predictedCLV ?? -1) >= 0)
            #expect(SystemSegments.rfmSegmentNames.contains(pred.rfmSegment ?? ""))
            checked += 1
        }
        #expect(checked > 50)
        // The RFM system segments now hold exactly the profiles with that segment name.
        for name in ["Champions", "Lost"] {
            let id = "rfm-" + name.lowercased()
            let members = try await f.engine.members(workspaceId: f.workspace.id, segmentId: id)
            #expect(members == Set(buyers.filter { $0.predictions?.rfmSegment == name }.map(\.id)))
        }
        // Predictions survive a reload of the engine and later events.
        let fresh = ProfileEngine(stores: f.store, clock: { ProfileFixture.now })
        let highRisk = try await fresh.preview(workspaceId: f.workspace.id, rule: ["churn_risk": ["gt": 0.5]], sample: 0).count
        #expect(highRisk == buyers.filter { ($0.predictions?.churnRisk ?? 0) > 0.5 }.count)
    }
}
