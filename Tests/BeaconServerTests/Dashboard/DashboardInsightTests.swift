import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Markov graph, customer health and import status")
struct DashboardInsightTests {
    @Test("The Markov graph draws one arrow per transition, width by probability, labels from 10%, text escaped")
    func markovGraph() {
        let edges: [MarkovGraphChart.Edge] = [
            .init(from: "(start)", to: "Email", probability: 0.75), .init(from: "(start)", to: "<b>Ads</b>", probability: 0.25),
            .init(from: "Email", to: "<b>Ads</b>", probability: 0.05), .init(from: "<b>Ads</b>", to: "Email", probability: 0.5),
            .init(from: "Email", to: "Email", probability: 0.2),
            .init(from: "Email", to: "(conversion)", probability: 0.35), .init(from: "Email", to: "(null)", probability: 0.4),
            .init(from: "<b>Ads</b>", to: "(null)", probability: 0.5), .init(from: "Nowhere", to: "(null)", probability: 1),
        ]
        let svg = MarkovGraphChart(title: "Transitions", channels: ["Email", "<b>Ads</b>"], edges: edges).svg()
        // The edge from an unknown state is left out; every other one is drawn once.
        #expect(svg.components(separatedBy: "<path class=\"edge\"").count - 1 == 8)
        // Width 1 + 11p: 0.75 → 9.25, 0.05 → 1.55.
        #expect(svg.contains("stroke-width=\"9.25\" marker-end"))
        #expect(svg.contains("stroke-width=\"1.55\" marker-end"))
        #expect(svg.contains("<title>(start) → Email: 75%</title>"))
        // Labelled: 75, 25, 50 (twice), 20, 35, 40 — not the 5% edge.
        #expect(svg.components(separatedBy: "class=\"edge-label\"").count - 1 == 7)
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;b&gt;Ads&lt;/b&gt;"))
        for node in ["(start)", "(conversion)", "(null)"] { #expect(svg.contains("<title>\(node)</title>")) }
    }

    @Test("Labels on the fan of edges from (start) do not cover each other")
    func markovLabelsApart() throws {
        // Eight channels entered with 12.5% each: at one fixed point along their edges the
        // labels would sit 13.5 px apart vertically, less than an 11 px label's box.
        let channels = (1...8).map { "Channel \($0)" }
        var edges = channels.map { MarkovGraphChart.Edge(from: "(start)", to: $0, probability: 0.125) }
        edges += channels.map { MarkovGraphChart.Edge(from: $0, to: "(conversion)", probability: 0.3) }
        edges += channels.map { MarkovGraphChart.Edge(from: $0, to: "(null)", probability: 0.45) }
        edges += zip(channels, channels.dropFirst()).map { MarkovGraphChart.Edge(from: $0, to: $1, probability: 0.25) }
        let svg = MarkovGraphChart(title: "Transitions", channels: channels, edges: edges).svg()
        let label = try Regex(#"<text x="([0-9.\-]+)" y="([0-9.\-]+)" text-anchor="middle" class="edge-label"[^>]*>([^<]+)</text>"#)
        let boxes = svg.matches(of: label).map { m in
            MarkovGraphChart.LabelPlacer.box(String(m.output[3].substring!),
                                             at: (Double(m.output[1].substring!)!, Double(m.output[2].substring!)!))
        }
        #expect(boxes.count == 8 + 8 + 8 + 7)
        var overlapping = 0
        for i in boxes.indices { for j in boxes.indices where j > i && boxes[i].overlaps(boxes[j]) { overlapping += 1 } }
        #expect(overlapping == 0)
    }

    @Test("Health bands follow the RFM named segment; no segment is not scored")
    func healthBands() {
        let cases: [(String?, CustomerHealth)] = [
            ("Champions", .healthy), ("Loyal", .healthy), ("Potential Loyalist", .healthy), ("New", .healthy),
            ("Promising", .healthy), ("Need Attention", .attention), ("About to Sleep", .attention),
            ("At Risk", .atRisk), ("Can't Lose Them", .atRisk), ("Hibernating", .atRisk), ("Lost", .lost),
            (nil, .unscored),
        ]
        for (segment, band) in cases { #expect(CustomerHealth.band(rfmSegment: segment) == band, "\(segment ?? "nil")") }
    }

    @Test("The customers page shows the health donut as of the workspace's last event, the engine's counts per band")
    func customersHealth() async throws {
        let server = try await segmentTestServer()
        let engine = try #require(server.runtime.profiles)
        try await server.test { client in
            let body = try await get(client, "/dashboard/customers?ws=demo").body
            #expect(body.contains("Customer health: profiles by band"))
            #expect(body.contains("As of 2025-03-03"))
            #expect(body.contains("name=\"as_of\" value=\"2025-03-03\""))  // the date picker starts at the page's date
            let earlier = try await get(client, "/dashboard/customers?ws=demo&as_of=2025-03-01").body
            // As of 2025-03-01 nobody had ordered yet: the one profile seen (u1) is not scored.
            #expect(earlier.contains("name=\"as_of\" value=\"2025-03-01\""))
            #expect(earlier.contains("<th scope=\"row\">Not scored</th><td class=\"num\">1</td>"))
            // Three buyers and no other profile: every one is banded, none "not scored", and
            // the counts are the engine's, without a prediction refresh.
            let insights = try await engine.customerInsights(workspaceId: server.workspace!.id)
            #expect(insights.customers.count == 3)
            for (band, count) in insights.health {
                #expect(body.contains("<th scope=\"row\">\(band.rawValue)</th><td class=\"num\">\(count)</td>"))
            }
            #expect(body.contains("<th scope=\"row\">Not scored</th><td class=\"num\">0</td>"))
            let bad = try await get(client, "/dashboard/customers?ws=demo&as_of=yesterday")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("as_of"))
        }
    }

    @Test("The data page lists import jobs with progress; the endpoint serves them and checks limit")
    func importStatus() async throws {
        let server = try await DashboardTestServer.make()
        let jobs = server.runtime.stores.importJobs
        let ws = server.workspace!.id
        let t0 = Timestamp.parse("2025-03-01T10:00:00Z")!
        try await jobs.saveImportJob(
            ImportJob(
                workspaceId: ws, id: "a", kind: .orders, fileName: "<script>alert('x')</script>.csv", startedAt: t0,
                rowsRead: 4_000, rowsSkipped: 2, eventsStored: 1_500, progressDone: 4_000, progressTotal: 10_000))
        try await jobs.saveImportJob(
            ImportJob(
                workspaceId: ws, id: "b", kind: .events, fileName: "old.jsonl", startedAt: t0.addingTimeInterval(-3600),
                state: .failed, finishedAt: t0, error: "cannot read file"))
        try await server.test { client in
            let page = try await get(client, "/dashboard/data?ws=demo").body
            #expect(page.contains("data-running=\"true\""))
            #expect(page.contains("<progress data-field=\"bar\" max=\"100\" value=\"40\""))
            #expect(page.contains("<td class=\"num\" data-field=\"rowsRead\">4,000</td>"))
            #expect(page.contains("failed: cannot read file"))
            #expect(!page.contains("<script>alert") && page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;.csv"))

            let r = try await client.execute(uri: "/dashboard/api/imports?ws=demo", method: .get) { $0 }
            #expect(r.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
            #expect(json["running"] as? Bool == true)
            let list = try #require(json["jobs"] as? [[String: Any]])
            #expect(list.map { $0["id"] as? String } == ["a", "b"])
            #expect(list[0]["percent"] as? Double == 40 && list[0]["eventsStored"] as? String == "1,500")
            #expect(list[1]["percent"] is NSNull && list[1]["state"] as? String == "failed")
            for (uri, status, field) in [
                ("/dashboard/api/imports?ws=demo&limit=0", HTTPResponse.Status.badRequest, "limit"),
                ("/dashboard/api/imports?ws=demo&limit=many", .badRequest, "limit"),
                ("/dashboard/api/imports?ws=nope", .notFound, "ws"),
            ] {
                let bad = try await client.execute(uri: uri, method: .get) { $0 }
                #expect(bad.status == status, "\(uri)")
                #expect(problem(bad)["field"] as? String == field, "\(uri)")
            }
        }
        let empty = try await DashboardTestServer.make()
        try await empty.test { client in
            let body = try await get(client, "/dashboard/data?ws=demo").body
            #expect(body.contains("No imports yet."))
        }
    }
}
