import BeaconCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Dashboard escapes user data")
struct DashboardEscapingTests {
    static let hostile = "<script>alert('x')</script>"
    static let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"

    @Test("A hostile event name, trait and channel are shown as text on every page")
    func hostileValues() async throws {
        let server = try await DashboardTestServer.make()
        var events: [Event] = []
        // 25 customers reach the shop through a channel whose name is a script, buy, and one
        // sends a hostile event name and trait.
        for n in 1...25 {
            events.append(
                testEvent(
                    "p\(n)", type: .page, user: "u\(n)", name: "Home", at: "2025-03-0\(1 + n % 9)T10:00:00Z",
                    properties: ["channel": .string(Self.hostile)]))
            events.append(
                testEvent(
                    "o\(n)", user: "u\(n)", event: "Order Completed", at: "2025-03-0\(1 + n % 9)T10:05:00Z",
                    properties: ["revenue": .number(Double(10 * n))]))
        }
        events.append(testEvent("x1", user: "u1", event: Self.hostile, at: "2025-03-09T11:00:00Z"))
        events.append(
            testEvent(
                "x2", type: .identify, user: "u1", at: "2025-03-09T11:01:00Z", traits: ["name": .string(Self.hostile)]))
        try await server.append(events)
        try await server.test { client in
            for path in ["/dashboard", "/dashboard/attribution", "/dashboard/personas", "/dashboard/data"] {
                let body = try await get(client, path).body
                #expect(!body.contains("<script>alert"), "\(path) must not contain the raw script")
                #expect(!body.contains("alert('x')"), "\(path)")
            }
            // The hostile channel name is there, escaped, where it belongs.
            #expect(try await get(client, "/dashboard").body.contains(Self.escaped))
            #expect(try await get(client, "/dashboard/attribution").body.contains(Self.escaped))
            #expect(try await get(client, "/dashboard/data").body.contains(Self.escaped))
        }
    }

    @Test("A hostile segment name, description and trait are text on the segment builder and detail pages")
    func hostileSegment() async throws {
        let server = try await DashboardTestServer.make()
        try await server.append([
            testEvent(
                "i1", type: .identify, user: "u1", at: "2025-03-01T10:00:00Z",
                traits: ["name": .string(Self.hostile), Self.hostile: .string("x")]),
            testEvent(
                "o1", user: "u1", event: Self.hostile, at: "2025-03-01T10:05:00Z", properties: ["revenue": .number(5)]),
        ])
        let engine = server.runtime.profiles
        _ = try await engine.catchUp(workspaceId: server.workspace!.id)
        let saved = try await engine.saveSegment(
            workspaceId: server.workspace!.id, name: Self.hostile, description: Self.hostile,
            rule: .object(["name": .string(Self.hostile)]))
        let id = saved.segment.id
        try await server.test { client in
            for path in [
                "/dashboard/segments", "/dashboard/segments/new", "/dashboard/segments/\(id)",
                "/dashboard/segments/\(id)/edit",
            ] {
                let r = try await get(client, path)
                #expect(r.status == .ok, "\(path)")
                #expect(!r.body.contains("<script>alert"), "\(path) must not contain the raw script")
                #expect(!r.body.contains("alert('x')"), "\(path)")
                #expect(r.body.contains("alert(&#39;x&#39;)"), "\(path) shows the value as text")
            }
            // The member's hostile name in the sample, the hostile trait key in the export form.
            let detail = try await get(client, "/dashboard/segments/\(id)").body
            #expect(detail.contains(">\(Self.escaped)</a>"))
            #expect(detail.contains("value=\"\(Self.escaped)\""))
        }
    }

    @Test("Chart text is escaped")
    func chartText() {
        let svg = LineChart(
            title: Self.hostile, categories: ["<a>"], series: [ChartSeries(name: Self.hostile, values: [1])],
            unit: .count, xTitle: "x\"", yTitle: "y"
        ).svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains(SVGText.escape(Self.hostile)))
        #expect(svg.contains(">x&quot;</text>"))
        let heat = HeatMap(
            title: "t", rowLabels: [Self.hostile], columnLabels: ["<b>"], values: [[0.5]], unit: .percent
        ).svg()
        #expect(!heat.contains("<script>") && !heat.contains("<b>"))
        let donut = DonutChart(title: "t", slices: [(Self.hostile, 1)], unit: .count).svg()
        #expect(!donut.contains("<script>"))
    }
}
