import BeaconCore
import Foundation
import Testing

@testable import BeaconServer

@Suite("Overview: marketing KPIs")
struct MarketingKPIsPageTests {
    @Test("The overview shows CAC, LTV:CAC, conversion rate and churn rate with their definitions")
    func cards() async throws {
        let server = try await DashboardTestServer.make()
        // $200 of spend; u1 signs up and orders, u2 signs up only, u3 orders without signing up.
        let spend = Spend(channel: "google_ads", day: Timestamp.parse("2025-05-01T00:00:00Z")!, amount: 200)
        try await server.append([
            spend.event(receivedAt: Timestamp.parse("2025-05-01T00:00:00Z")!),
            testEvent("l1", user: "u1", event: "Signed Up", at: "2025-05-01T09:00:00Z"),
            testEvent(
                "o1", user: "u1", event: "Order Completed", at: "2025-05-02T09:00:00Z",
                properties: ["order_id": "o1", "revenue": 100]),
            testEvent("l2", user: "u2", event: "Signed Up", at: "2025-05-03T09:00:00Z"),
            testEvent(
                "o2", user: "u3", event: "Order Completed", at: "2025-05-04T09:00:00Z",
                properties: ["order_id": "o2", "revenue": 50]),
        ])
        try await server.test { client in
            let page = try await get(client, "/dashboard?ws=demo")
            #expect(page.status == .ok)
            let body = page.body
            // CAC = $200 ÷ 2 new customers; 1 of 2 leads ordered.
            #expect(body.contains("<div class=\"label\">CAC</div><div class=\"value\">$100</div>"))
            #expect(body.contains("$200 spend ÷ 2 new customers"))
            #expect(body.contains("<div class=\"label\">Conversion rate</div><div class=\"value\">50.0%</div>"))
            #expect(body.contains("1 of 2 leads ordered"))
            // No cohort has a whole month yet and no one was active a month ago.
            #expect(body.contains("<div class=\"label\">LTV:CAC</div><div class=\"value\">–</div>"))
            #expect(body.contains("<div class=\"label\">Monthly churn rate</div><div class=\"value\">–</div>"))
            #expect(body.contains("CAC (customer acquisition cost) = ad spend in the period ÷ new customers"))
            #expect(body.contains("a lead is a person with a Signed Up or Lead Created event in the period"))
        }
    }
}
