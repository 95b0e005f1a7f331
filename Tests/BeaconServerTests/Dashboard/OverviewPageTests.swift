import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Overview numbers")
struct OverviewPageTests {
    /// Four orders placed by hand so every KPI can be worked out on paper. The as-of date is
    /// the last order (03-30); the current period is (02-28, 03-30], the previous (01-29, 02-28].
    @Test("KPI cards, changes and insights match hand-computed values")
    func handComputed() async throws {
        let server = try await DashboardTestServer.make()
        try await DashboardTableDownloadTests.handOrders(server)
        try await server.test { client in
            let body = try await get(client, "/dashboard").body
            // Revenue 300 now against 200 before; orders 2 against 1.
            #expect(
                body.contains(
                    "<div class=\"label\">Revenue</div><div class=\"value\">$300</div><div class=\"change up\">▲ +50.0% vs previous 30 days</div>"
                ))
            #expect(
                body.contains(
                    "<div class=\"label\">Orders</div><div class=\"value\">2</div><div class=\"change up\">▲ +100.0% vs previous 30 days</div>"
                ))
            // Customers: 3 by 03-30, 2 by 02-28. Active (an order in the 90 days before): u1, u2, u3 now; u1, u3 then.
            #expect(
                body.contains(
                    "<div class=\"label\">Customers</div><div class=\"value\">3</div><div class=\"change up\">▲ +50.0% vs previous 30 days</div>"
                ))
            #expect(
                body.contains(
                    "<div class=\"label\">Active customers</div><div class=\"value\">3</div><div class=\"change up\">▲ +50.0% vs previous 30 days</div>"
                ))
            // u2's order has no touch (Direct, 200); u1's last touch was Google cpc (Paid Search, 100).
            #expect(body.contains("Direct brings the most revenue: 67% of the last 30 days (last touch)."))
            #expect(body.contains("Revenue is up 50% on the previous 30 days ($300 against $200)."))
            #expect(body.contains("Paid Search"))
            // Spend cards show on the first visit, before any model is fitted; this workspace
            // has no Ad Spend, so they are the demo's last 30 days and say so.
            let demo = MMMFitCache.demo
            let spend = demo.channels.reduce(0) { $0 + $1.values.suffix(30).reduce(0, +) }
            #expect(body.contains("<div class=\"label\">Total spend</div><div class=\"value\">\(DashboardCurrency(code: "USD").format(spend))</div>"))
            #expect(body.contains("This workspace has no ad spend yet"))
        }
    }
}
