import BeaconCore
import Foundation
import Testing

@testable import BeaconServer

@Suite("Attribution page: judgement")
struct AttributionCautionTests {
    @Test("Orders whose visits carry no channel: the page says every conversion went to Direct and why; with two channels it says nothing")
    func allDirect() async throws {
        let server = try await DashboardTestServer.make()
        try await server.append([
            testEvent("v1", type: .page, user: "u1", name: "Home", at: "2025-03-01T10:00:00Z"),
            testEvent("o1", user: "u1", event: "Order Completed", at: "2025-03-01T10:05:00Z", properties: ["revenue": 40]),
            testEvent("v2", type: .page, user: "u2", name: "Home", at: "2025-03-02T10:00:00Z"),
            testEvent("o2", user: "u2", event: "Order Completed", at: "2025-03-02T10:05:00Z", properties: ["revenue": 60]),
        ])
        try await server.test { client in
            let page = try await get(client, "/dashboard/attribution?ws=demo")
            #expect(page.status == .ok)
            #expect(page.body.contains("Every conversion is credited to Direct"), "\(page.body.prefix(2000))")
            // The credits check over every journey: two orders of 40 and 60, every model adds up to 100.
            #expect(page.body.contains("Check passed: each of the"))
            #expect(page.body.contains("credits exactly the value of the conversions ($100)"), "\(page.body)")
        }
        #expect(AttributionPage.channelCaution(["Direct", "Paid Search"]).isEmpty)
        #expect(AttributionPage.channelCaution(["Email"]).contains("one channel (Email)"))
    }
}
