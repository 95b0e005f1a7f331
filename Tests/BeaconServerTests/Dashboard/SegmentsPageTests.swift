import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Segments page")
struct SegmentsPageTests {
    @Test("Segments with live sizes, an overlap heat-map, and a hostile segment name escaped")
    func segments() async throws {
        let server = try await DashboardTestServer.make()
        try await server.append([
            testEvent(
                "o1", user: "u1", event: "Order Completed", at: "2025-03-02T10:00:00Z",
                properties: ["revenue": .number(900)]),
            testEvent(
                "o2", user: "u2", event: "Order Completed", at: "2025-03-02T10:00:00Z",
                properties: ["revenue": .number(50)]),
            testEvent(
                "o3", user: "u3", event: "Order Completed", at: "2025-03-02T10:00:00Z",
                properties: ["revenue": .number(700)]),
        ])
        let store = server.runtime.stores.profiles
        let now = Date()
        let ws = server.workspace!.id
        try await store.saveSegment(
            SegmentDefinition(
                workspaceId: ws, id: "big", name: "<script>alert('x')</script>",
                rule: .object(["lifetime_value": .object(["gt": .number(500)])]),
                createdAt: now, updatedAt: now))
        try await store.saveSegment(
            SegmentDefinition(
                workspaceId: ws, id: "any", name: "Buyers",
                rule: .object(["lifetime_value": .object(["gt": .number(0)])]),
                createdAt: now, updatedAt: now))
        _ = try await server.runtime.profiles.rebuild(workspaceId: ws)
        try await server.test { client in
            let r = try await get(client, "/dashboard/segments?ws=demo")
            #expect(r.status == .ok)
            #expect(!r.body.contains("<script>alert"))
            #expect(r.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            // Buyers: 3 of 3 profiles; the big spenders: u1 and u3.
            #expect(
                r.body.contains(
                    "<a href=\"/dashboard/segments/any?ws=demo\">Buyers</a><div class=\"note\"></div></th><td class=\"num\">3</td><td class=\"num\">100.0%</td>"))
            #expect(r.body.contains("</div></th><td class=\"num\">2</td><td class=\"num\">66.7%</td>"))
            #expect(r.body.contains("<a href=\"/dashboard/segments/big/edit?ws=demo\" aria-label=\"Edit &lt;script&gt;"))
            #expect(r.body.contains("Segment overlap"))
        }
    }
}
