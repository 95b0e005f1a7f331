import BeaconCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Dashboard pages")
struct DashboardRouteTests {
    static let eventPages = ["/dashboard", "/dashboard/attribution", "/dashboard/personas", "/dashboard/data"]

    @Test("Every event-driven page renders with the demo data: 200, HTML, layout, navigation and charts")
    func pagesWithData() async throws {
        let server = try await DashboardTestServer.make(demoCustomers: 300)
        try await server.test { client in
            for path in Self.eventPages {
                let r = try await get(client, path)
                #expect(r.status == .ok, "\(path)")
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
                #expect(r.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(r.body.hasPrefix("<!doctype html>"))
                #expect(r.body.contains("aria-current=\"page\""), "\(path) marks its navigation entry")
                #expect(r.body.contains("<option value=\"demo\" selected>"))
            }
            let overview = try await get(client, "/dashboard").body
            #expect(overview.contains("<svg class=\"chart\""))
            #expect(overview.contains("Churn risk"))
            #expect(overview.contains("brings the most revenue"))
            let attribution = try await get(client, "/dashboard/attribution").body
            #expect(attribution.contains("Markov transition probabilities"))
            #expect(attribution.contains("Paid Search"))
            let personas = try await get(client, "/dashboard/personas").body
            #expect(personas.contains("Suggested action:"))
            #expect(personas.contains("Customers by recency and spend"))
            let data = try await get(client, "/dashboard/data").body
            #expect(data.contains("Order Completed"))
            #expect(!data.contains("bk_"), "write keys are never shown")
        }
    }

    @Test("Empty workspace: each page says what to send next")
    func emptyStates() async throws {
        let server = try await DashboardTestServer.make()
        try await server.test { client in
            let expected = [
                ("/dashboard", "No orders in this workspace yet"),
                ("/dashboard/attribution", "Nothing to attribute yet"),
                ("/dashboard/personas", "Not enough customers to find personas"), ("/dashboard/data", "No events yet"),
            ]
            for (path, text) in expected {
                let r = try await get(client, path)
                #expect(r.status == .ok)
                #expect(r.body.contains(text), "\(path)")
            }
        }
    }

    @Test("No workspace at all: how to create one; an unknown workspace is a 404 naming ws")
    func noWorkspace() async throws {
        let server = try await DashboardTestServer.make(workspace: nil)
        try await server.test { client in
            let r = try await get(client, "/dashboard/personas")
            #expect(r.status == .ok)
            #expect(r.body.contains("beacon workspace create"))
            let missing = try await client.execute(uri: "/dashboard?ws=nope", method: .get) { $0 }
            #expect(missing.status == .notFound)
            #expect(problem(missing)["field"] as? String == "ws")
            let root = try await client.execute(uri: "/", method: .get) { $0 }
            #expect(root.status == .seeOther)
            #expect(root.headers[.location] == "/dashboard")
        }
    }

    @Test("The workspace switcher lists every workspace and links keep the chosen one")
    func switcher() async throws {
        let server = try await DashboardTestServer.make(workspace: "a-shop")
        _ = try await server.runtime.workspaces.create(name: "b-shop")
        try await server.test { client in
            let body = try await get(client, "/dashboard?ws=b-shop").body
            #expect(body.contains("<option value=\"a-shop\">a-shop</option>"))
            #expect(body.contains("<option value=\"b-shop\" selected>b-shop</option>"))
            #expect(body.contains("href=\"/dashboard/personas?ws=b-shop\""))
        }
    }

    @Test("Assets are served with their types; the live debugger endpoint pages after a sequence")
    func assetsAndEvents() async throws {
        let server = try await DashboardTestServer.make()
        try await server.append([
            testEvent("e1", user: "u1", event: "Signed Up", at: "2025-01-01T00:00:00Z"),
            testEvent(
                "e2", user: "u1", event: "Order Completed", at: "2025-01-02T00:00:00Z",
                properties: ["revenue": .number(10)]),
        ])
        try await server.test { client in
            #expect(
                try await get(client, "/dashboard/assets/dashboard.css").headers[.contentType]
                    == "text/css; charset=utf-8")
            #expect(try await get(client, "/dashboard/assets/dashboard.js").body.contains("textContent"))
            let all = try await get(client, "/dashboard/api/events?ws=demo").body
            let parsed = try JSONValue.parse(Data(all.utf8))
            #expect(parsed["events"]?.arrayValue?.count == 2)
            let first = parsed["events"]?.arrayValue?.first?["sequence"]?.doubleValue ?? -1
            let after = try JSONValue.parse(
                Data(try await get(client, "/dashboard/api/events?ws=demo&after=\(Int(first))").body.utf8))
            #expect(after["events"]?.arrayValue?.map { $0["name"]?.stringValue } == ["Order Completed"])
            let bad = try await client.execute(uri: "/dashboard/api/events?ws=demo&after=x", method: .get) { $0 }
            #expect(bad.status == .badRequest)
            #expect(problem(bad)["field"] as? String == "after")
        }
    }
}
