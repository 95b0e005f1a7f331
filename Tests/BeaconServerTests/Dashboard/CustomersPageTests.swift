import BeaconCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Customers page")
struct CustomersPageTests {
    @Test("Search finds a profile; its page shows traits, orders and events; a hostile trait is escaped")
    func profile() async throws {
        let server = try await DashboardTestServer.make()
        let hostile = "<script>alert('x')</script>"
        try await server.append([
            testEvent(
                "i1", type: .identify, user: "u-ada", at: "2025-03-01T10:00:00Z",
                traits: ["email": .string("ada@example.com"), "name": .string("Ada"), "motto": .string(hostile)]),
            testEvent(
                "o1", user: "u-ada", event: "Order Completed", at: "2025-03-02T10:00:00Z",
                properties: ["revenue": .number(120)]),
            testEvent(
                "o2", user: "u-ada", event: "Order Completed", at: "2025-03-05T10:00:00Z",
                properties: ["revenue": .number(30)]),
            testEvent(
                "i2", type: .identify, user: "u-bob", at: "2025-03-01T10:00:00Z",
                traits: ["email": .string("bob@example.com")]),
        ])
        try await server.test { client in
            let search = try await get(client, "/dashboard/customers?ws=demo&q=ada")
            #expect(search.status == .ok)
            #expect(search.body.contains("ada@example.com"))
            #expect(!search.body.contains("bob@example.com"))
            guard
                let range = search.body.range(
                    of: #"href="(/dashboard/customers\?ws=demo&amp;id=[^"]+)""#, options: .regularExpression)
            else {
                Issue.record("no profile link")
                return
            }
            let link = String(search.body[range].dropFirst(6).dropLast()).replacingOccurrences(of: "&amp;", with: "&")
            let detail = try await get(client, link)
            #expect(detail.status == .ok)
            #expect(detail.body.contains("<div class=\"label\">Lifetime value</div><div class=\"value\">$150</div>"))
            #expect(detail.body.contains("<div class=\"label\">Orders</div><div class=\"value\">2</div>"))
            #expect(detail.body.contains("Order Completed"))
            #expect(detail.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(!detail.body.contains("<script>alert"))

            // Every table of the two pages downloads as CSV with the page's values.
            #expect(search.body.contains("format=csv&amp;table=profiles\" download>"))
            let profiles = CSVTable(text: try await get(client, "/dashboard/customers?ws=demo&q=ada&format=csv&table=profiles").body)
            #expect(profiles.header == ["Name", "Email", "Lifetime value (USD)", "Orders", "Last seen"])
            #expect(profiles.rows.map(\.fields) == [["Ada", "ada@example.com", "150", "2", "2025-03-05"]])
            let traits = CSVTable(text: try await get(client, link + "&format=csv&table=traits").body)
            #expect(traits.rows.map { [$0.fields[0], $0.fields[1], $0.fields[3]] } == [
                ["email", "ada@example.com", "2025-03-01"], ["motto", hostile, "2025-03-01"], ["name", "Ada", "2025-03-01"],
            ])
            let events = CSVTable(text: try await get(client, link + "&format=csv&table=events").body)
            #expect(events.rows.map { $0.fields[3] } == ["Order Completed", "Order Completed", ""], "newest first")
            #expect(events.rows.map { $0.fields[2] } == ["track", "track", "identify"])
            // The administrator's views of the profile are in its audit trail, and downloadable.
            let audit = CSVTable(text: try await get(client, link + "&format=csv&table=audit").body)
            #expect(audit.header == ["#", "Time (UTC)", "Who", "What", "Detail"])
            #expect(!audit.rows.isEmpty)
            let none = try await get(client, "/dashboard/customers?ws=demo&q=zed")
            #expect(none.body.contains("No profile matches “zed”"))
            #expect(try await get(client, "/dashboard/customers?ws=demo&id=nope").status == .notFound)
        }
    }
}
