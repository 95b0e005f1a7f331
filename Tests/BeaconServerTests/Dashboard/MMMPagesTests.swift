import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Marketing-mix pages")
struct MMMPagesTests {
    /// Polls the status endpoint until the (tiny) fit is ready.
    func waitForFit(_ client: some TestClientProtocol) async throws {
        for _ in 0..<1_200 {
            let status = try JSONValue.parse(Data(try await get(client, "/dashboard/api/mmm?ws=demo").body.utf8))
            if status["state"]?.stringValue == "ready" { return }
            #expect(status["state"]?.stringValue == "fitting")
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        Issue.record("the fit did not finish")
    }

    @Test("Channels and optimiser show progress while fitting, then the model; unknown channel is 404")
    func pages() async throws {
        let server = try await DashboardTestServer.make(demoCustomers: 40)
        try await server.test { client in
            let first = try await get(client, "/dashboard/channels")
            #expect(first.status == .ok)
            #expect(first.body.contains("Fitting the marketing-mix model"))
            try await waitForFit(client)
            let channels = try await get(client, "/dashboard/channels?channel=email")
            #expect(channels.status == .ok)
            for name in ["google_ads", "meta_ads", "email", "tiktok", "affiliate"] {
                #expect(channels.body.contains(">\(name)</a>"))
            }
            #expect(channels.body.contains("email: response curve"))
            // Effectiveness over time is said on the page and given by the status API.
            #expect(channels.body.contains("id=\"effectiveness\""))
            #expect(
                channels.body.contains("effectiveness was constant over the modelled period")
                    || channels.body.contains("effectiveness changed over time"))
            let ready = try JSONValue.parse(Data(try await get(client, "/dashboard/api/mmm?ws=demo").body.utf8))
            #expect(ready["effectiveness"]?["email"]?["varies"] != nil)
            #expect(ready["warnings"] != nil)
            #expect(channels.body.contains("Current spend"))
            #expect(channels.body.contains("Optimal spend"))
            let optimiser = try await get(client, "/dashboard/optimiser")
            #expect(optimiser.status == .ok)
            #expect(optimiser.body.components(separatedBy: "type=\"range\"").count - 1 == 5)
            #expect(optimiser.body.contains("Projected lift"))
            let missing = try await get(client, "/dashboard/channels?channel=%3Cnope%3E")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("“&lt;nope&gt;”"))
            #expect(try await get(client, "/dashboard").body.contains("is the best performer"))
        }
    }

    @Test(
        "What-if: current spend reproduces the current revenue; doubling a channel follows its curve; bad input names the field"
    )
    func whatIf() async throws {
        let server = try await DashboardTestServer.make()
        try await server.test { client in
            try await waitForFit(client)
            func post(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/dashboard/api/whatif?ws=demo", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: body)
                ) { $0 }
            }
            let same = try JSONValue.parse(Data(buffer: try await post("{}").body))
            let media = same["mediaRevenue"]?.doubleValue ?? .nan
            let current = same["currentMediaRevenue"]?.doubleValue ?? .nan
            #expect(abs(media - current) <= 1e-6 * current)
            // Email at $1,000/day for 30 days: revenue = 30 · R_email(1000) from the fitted curve.
            let doubled = try JSONValue.parse(Data(buffer: try await post(#"{"spend":{"email":1000}}"#).body))
            let email = doubled["lines"]?.arrayValue?.first { $0["name"]?.stringValue == "email" }
            #expect(email?["spend"]?.doubleValue == 30_000)
            let revenue = email?["revenue"]?.doubleValue ?? .nan
            #expect(revenue > 0)
            let perDay = revenue / 30
            #expect(abs((email?["roas"]?.doubleValue ?? .nan) - perDay / 1000) < 1e-9)
            for (body, field) in [
                (#"{"spend":{"nope":1}}"#, "spend.nope"), (#"{"spend":{"email":-5}}"#, "spend.email"),
                (#"{"spend":3}"#, "spend"), ("[", "body"),
            ] {
                let r = try await post(body)
                #expect(r.status == .badRequest, "\(body)")
                #expect(problem(r)["field"] as? String == field)
            }
        }
    }

    @Test("A workspace with enough ad spend is modelled on its own channels, and the pages say so")
    func ownSpend() async throws {
        let server = try await DashboardTestServer.make(demoCustomers: 0)
        // 70 days: search spend 100–190 a day, email 20–38; revenue = 3·search + 5·email + 200.
        let start = Timestamp.parse("2025-01-01T00:00:00Z")!
        var events: [Event] = []
        for d in 0..<70 {
            let day = start.addingTimeInterval(Double(d) * 86_400)
            let search = 100 + Double(d % 10) * 10, email = 20 + Double(d % 7) * 3
            events.append(EventLogMarketingData.spendEvent(day: day, channel: "search", spend: search))
            events.append(EventLogMarketingData.spendEvent(day: day, channel: "email", spend: email))
            events.append(
                testEvent(
                    "o\(d)", user: "c\(d % 9)", event: "Order Completed", at: Timestamp.format(day.addingTimeInterval(3_600)),
                    properties: ["revenue": .number(3 * search + 5 * email + 200)]))
        }
        try await server.append(events)
        let (data, source, _) = try await MMMFitCache.dataset(server.workspace!.id, analytics: server.runtime.analytics)
        #expect(source == .workspace(days: 70))
        #expect(data.channels.map(\.name) == ["email", "search"])
        #expect(data.target[0] == 3 * 100 + 5 * 20 + 200)
        try await server.test { client in
            try await waitForFit(client)
            let channels = try await get(client, "/dashboard/channels")
            #expect(channels.body.contains("Fitted on this workspace&#39;s own ad spend (70 days") || channels.body.contains("Fitted on this workspace’s own ad spend (70 days") || channels.body.contains("own ad spend (70 days"))
            #expect(channels.body.contains(">search</a>") && !channels.body.contains(">google_ads</a>"))
            #expect(!channels.body.contains("demo-data"))
        }
        // Too little spend: the demo, said plainly.
        let small = try await DashboardTestServer.make(demoCustomers: 0)
        try await small.append(Array(events.prefix(30)))
        let (_, smallSource, _) = try await MMMFitCache.dataset(small.workspace!.id, analytics: small.runtime.analytics)
        #expect(smallSource == .demo(spendDays: 10))
        #expect(smallSource.note.contains("only 10 days"))
    }
}
