import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// A workspace's currency is how every page and download writes its amounts: the overview's
/// cards and sentences, the KPI download's unit column, a customer's lifetime value.
@Suite("Workspace currency on the dashboard")
struct WorkspaceCurrencyPageTests {
    @Test("A workspace in euros shows €, its KPI download says EUR; set to pounds it shows £ at once")
    func euros() async throws {
        let server = try await DashboardTestServer.make()
        let runtime = server.runtime
        let ws = try #require(server.workspace)
        _ = try await runtime.workspaces.setCurrency(of: ws, to: "eur")
        try await DashboardTableDownloadTests.handOrders(server)
        try await server.test { client in
            // The same hand-computed figures as the overview's own test: 300 now against 200 before.
            let body = try await get(client, "/dashboard?ws=demo").body
            #expect(body.contains("<div class=\"label\">Revenue</div><div class=\"value\">€300</div>"))
            #expect(body.contains("Revenue is up 50% on the previous 30 days (€300 against €200)."))
            #expect(!body.contains("$300"))
            let kpis = try await DashboardTableDownloadTests.download(client, "/dashboard?ws=demo&format=csv&table=kpis")
            let revenue = kpis.csv.rows.first { $0.fields[1] == "Revenue" }.map { Array($0.fields[2...]) }
            #expect(revenue == ["300", "200", "EUR"])
            // u1 bought for 50 and 100: lifetime value 150, in the search download and on the profile.
            let search = try await get(client, "/dashboard/customers?ws=demo&q=u1").body
            let found = CSVTable(text: try await get(client, "/dashboard/customers?ws=demo&q=u1&format=csv&table=profiles").body)
            #expect(found.header.contains("Lifetime value (EUR)"))
            let range = try #require(
                search.range(of: #"href="(/dashboard/customers\?ws=demo&amp;id=[^"]+)""#, options: .regularExpression))
            let link = String(search[range].dropFirst(6).dropLast()).replacingOccurrences(of: "&amp;", with: "&")
            #expect(try await get(client, link).body.contains("<div class=\"value\">€150</div>"))

            let current = try #require(try await runtime.workspaces.named("demo"))
            _ = try await runtime.workspaces.setCurrency(of: current, to: "GBP")
            let pounds = try await get(client, "/dashboard?ws=demo").body
            #expect(pounds.contains("<div class=\"label\">Revenue</div><div class=\"value\">£300</div>"))
        }
    }

    @Test("A code with no symbol of its own in English is written before the amount with a space")
    func codeAsSymbol() {
        #expect(DashboardCurrency(code: "CHF").format(1_234.4) == "CHF 1,234")
        #expect(DashboardCurrency(code: "EUR").format(-12_345) == "-€12,345")
        #expect(DashboardCurrency(code: "USD").cents(0.85) == "$0.85")
    }

    @Test("Setting a currency that is not an ISO 4217 code is refused naming currency, and changes nothing")
    func refused() async throws {
        let server = try await DashboardTestServer.make()
        let ws = try #require(server.workspace)
        await #expect {
            _ = try await server.runtime.workspaces.setCurrency(of: ws, to: "euro")
        } throws: { error in
            (error as? WorkspaceError)?.message.hasPrefix("currency: ") == true
        }
        #expect(try await server.runtime.workspaces.named("demo")?.currency == "USD")
    }
}
