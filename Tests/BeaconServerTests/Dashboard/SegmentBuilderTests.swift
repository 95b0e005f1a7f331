import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// Three buyers (lifetime value 900, 50 and 700), one of them on a plan, with a page view.
func segmentTestServer() async throws -> DashboardTestServer {
    let server = try await DashboardTestServer.make()
    try await server.append([
        testEvent(
            "i1", type: .identify, user: "u1", at: "2025-03-01T09:00:00Z",
            traits: ["name": .string("Ada"), "plan": .string("gold")]),
        testEvent(
            "o1", user: "u1", event: "Order Completed", at: "2025-03-02T10:00:00Z",
            properties: ["revenue": .number(900)]),
        testEvent(
            "o2", user: "u2", event: "Order Completed", at: "2025-03-02T10:00:00Z",
            properties: ["revenue": .number(50)]),
        testEvent(
            "o3", user: "u3", event: "Order Completed", at: "2025-03-02T10:00:00Z",
            properties: ["revenue": .number(700)]),
        testEvent("v1", user: "u3", event: "Product Viewed", at: "2025-03-03T10:00:00Z"),
    ])
    return server
}

/// Sends `body` (JSON text) with `method` and returns status and parsed JSON object.
func sendJSON(_ client: some TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method = .post, _ body: String)
    async throws -> (status: HTTPResponse.Status, json: [String: Any])
{
    try await client.execute(
        uri: uri, method: method, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
    ) { r in
        (r.status, (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:])
    }
}

@Suite("Segment builder")
struct SegmentBuilderTests {
    @Test("The builder page carries the rule and the workspace's traits and events; unknown segments are 404")
    func builderPages() async throws {
        let server = try await segmentTestServer()
        try await server.test { client in
            let new = try await get(client, "/dashboard/segments/new?ws=demo")
            #expect(new.status == .ok)
            #expect(new.body.contains("id=\"segment-builder\""))
            #expect(new.body.contains("data-rule=\"{&quot;all&quot;:[]}\""))
            // Own trait, computed trait, event names, RFM names: all in the vocabulary.
            for word in ["&quot;plan&quot;", "&quot;lifetime_value&quot;", "&quot;Product Viewed&quot;", "&quot;Champions&quot;", "&quot;At-Risk VIPs&quot;"] {
                #expect(new.body.contains(word), "\(word)")
            }
            #expect(new.body.contains("<label for=\"sb-name\">Name</label>"))
            let edit = try await get(client, "/dashboard/segments/vip-customers/edit?ws=demo")
            #expect(edit.status == .ok)
            #expect(edit.body.contains("data-id=\"vip-customers\""))
            #expect(edit.body.contains("{&quot;lifetime_value&quot;:{&quot;gt&quot;:1000}}"))
            #expect(edit.body.contains("value=\"VIP Customers\""))
            let missing = try await get(client, "/dashboard/segments/nope/edit?ws=demo")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("No such segment"))
            #expect(try await get(client, "/dashboard/segments/new?ws=elsewhere").status == .notFound)
        }
    }

    @Test("Preview counts the rule's members with a sample; bad input names the field or rule node")
    func preview() async throws {
        let server = try await segmentTestServer()
        try await server.test { client in
            let uri = "/dashboard/api/segments/preview?ws=demo"
            let ok = try await sendJSON(client, uri, .post, #"{"rule": {"lifetime_value": {"gt": 500}}, "sample": 5}"#)
            #expect(ok.status == .ok)
            #expect(ok.json["count"] as? Double == 2)
            #expect(ok.json["total"] as? Double == 3)
            #expect(ok.json["share"] as? String == "66.7%")
            let sample = try #require(ok.json["sample"] as? [[String: Any]])
            #expect(Set(sample.compactMap { $0["ltv"] as? String }) == ["$900", "$700"])
            #expect(sample.contains { $0["name"] as? String == "Ada" })
            // An event condition with a property filter: u3 viewed a product; nobody ordered above 800 except u1.
            let event = try await sendJSON(
                client, uri, .post,
                #"{"rule": {"any": [{"event": {"name": "Product Viewed", "count": {"gte": 1}}}, {"event": {"name": "Order Completed", "where": {"revenue": {"gt": 800}}}}]}}"#
            )
            #expect(event.json["count"] as? Double == 2)

            let cases: [(String, String)] = [
                (#"{"rule": {"all": []}}"#, "rule.all"),
                (#"{"rule": {"all": [{"plan": "gold"}, {"event": {"name": "X", "within_days": -1}}]}}"#,
                 "rule.all[1].event.within_days"),
                (#"{"rule": {"lifetime_value": {"bigger": 1}}}"#, "rule.lifetime_value.bigger"),
                (#"{"sample": 3}"#, "rule"),
                (#"{"rule": {"plan": "gold"}, "sample": 500}"#, "sample"),
                ("[1, 2]", "body"),
            ]
            for (body, field) in cases {
                let r = try await sendJSON(client, uri, .post, body)
                #expect(r.status == .badRequest, "\(body)")
                #expect(r.json["field"] as? String == field, "\(body)")
            }
            let noWorkspace = try await sendJSON(client, "/dashboard/api/segments/preview?ws=nope", .post, #"{"rule": {}}"#)
            #expect(noWorkspace.status == .notFound)
            #expect(noWorkspace.json["field"] as? String == "ws")
        }
    }

    @Test("Save creates and updates a segment and points at its detail page; bad input names the field")
    func save() async throws {
        let server = try await segmentTestServer()
        let store = server.runtime.stores.profiles
        try await server.test { client in
            let created = try await sendJSON(
                client, "/dashboard/api/segments?ws=demo", .post,
                #"{"name": "Big spenders", "description": "over 500", "rule": {"lifetime_value": {"gt": 500}}}"#)
            #expect(created.status == .created)
            #expect(created.json["id"] as? String == "big-spenders")
            #expect(created.json["size"] as? Double == 2)
            #expect(created.json["href"] as? String == "/dashboard/segments/big-spenders?ws=demo")
            let saved = try await store.segment(workspaceId: server.workspace!.id, id: "big-spenders")
            #expect(saved?.rule == .object(["lifetime_value": .object(["gt": .number(500)])]))
            #expect(saved?.description == "over 500")

            let updated = try await sendJSON(
                client, "/dashboard/api/segments/big-spenders?ws=demo", .put,
                #"{"name": "Big spenders", "rule": {"not": {"lifetime_value": {"lt": 800}}}}"#)
            #expect(updated.status == .ok)
            #expect(updated.json["size"] as? Double == 1)
            let members = try await server.runtime.profiles.members(
                workspaceId: server.workspace!.id, segmentId: "big-spenders")
            #expect(members.count == 1)

            let bad: [(String, HTTPRequest.Method, String, HTTPResponse.Status, String)] = [
                ("/dashboard/api/segments?ws=demo", .post, #"{"rule": {"plan": "gold"}}"#, .badRequest, "name"),
                ("/dashboard/api/segments?ws=demo", .post, #"{"name": "  ", "rule": {"plan": "gold"}}"#, .badRequest, "name"),
                ("/dashboard/api/segments?ws=demo", .post, #"{"name": "X", "description": 5, "rule": {"plan": "gold"}}"#,
                 .badRequest, "description"),
                ("/dashboard/api/segments?ws=demo", .post, #"{"name": "X"}"#, .badRequest, "rule"),
                ("/dashboard/api/segments?ws=demo", .post, #"{"name": "X", "rule": {"any": [{"event": {}}]}}"#,
                 .badRequest, "rule.any[0].event.name"),
                ("/dashboard/api/segments/nope?ws=demo", .put, #"{"name": "X", "rule": {"plan": "gold"}}"#, .notFound, "id"),
            ]
            for (uri, method, body, status, field) in bad {
                let r = try await sendJSON(client, uri, method, body)
                #expect(r.status == status, "\(body)")
                #expect(r.json["field"] as? String == field, "\(body)")
            }
        }
    }
}
