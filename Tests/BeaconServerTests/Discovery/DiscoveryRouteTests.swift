import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Recommendation and lookalike API")
struct DiscoveryRouteTests {
    /// Three customers' orders with products, sent through the tracking API.
    func setUp() async throws -> (TestServer, String) {
        let server = try await TestServer.make()
        let engine = server.runtime.profiles
        let token = try await engine.createAPIToken(workspaceId: server.workspace.id, label: "test")
        func order(_ user: String, _ id: String, _ day: Int, _ items: [String]) -> String {
            let products = items.map { "{\"product_id\": \"\($0)\", \"name\": \"Item \($0)\", \"quantity\": 1}" }
            return """
                {"type": "track", "userId": "\(user)", "event": "Order Completed", "timestamp": "2025-03-0\(day)T10:00:00Z",
                 "properties": {"order_id": "\(id)", "revenue": 10, "products": [\(products.joined(separator: ","))]}}
                """
        }
        let batch = [
            order("u1", "O1", 1, ["A", "B"]), order("u2", "O2", 2, ["A", "C"]), order("u2", "O3", 3, ["B", "C"]),
            order("u3", "O4", 4, ["A", "C"]), order("u1", "O5", 8, ["C"]),
        ]
        let body = "{\"batch\": [\(batch.joined(separator: ","))]}"
        _ = try await server.runtime.ingest.ingest(body: Array(body.utf8), endpoint: .batch, writeKey: server.writeKey)
        try await engine.catchUp(workspaceId: server.workspace.id)
        return (server, token)
    }

    func json(_ r: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:]
    }

    @Test("A profile's recommended products as of a date; rules; bad parameters name the field")
    func recommendations() async throws {
        let (server, token) = try await setUp()
        let auth: HTTPFields = [.authorization: "Bearer \(token)"]
        try await server.app().test(.router) { client in
            // As of 2025-03-05 u1 bought A and B; C shares an order with each (O2, O3, O4 → 3).
            let r = try await client.execute(
                uri: "/api/profiles/u1/recommendations?k=3&as_of=2025-03-05", method: .get, headers: auth)
            #expect(r.status == .ok)
            let products = try #require(json(r)["products"] as? [[String: Any]])
            #expect(products.map { $0["item"] as? String } == ["C"])
            #expect(products.first?["score"] as? Double == 3 && products.first?["name"] as? String == "Item C")
            // By the end of the data u1 has bought C as well.
            let later = json(try await client.execute(uri: "/api/profiles/u1/recommendations", method: .get, headers: auth))
            #expect((later["products"] as? [Any])?.isEmpty == true)

            // 5 orders: A in 3, C in 4, A+C in 2 → confidence(A ⇒ C) = 2/3, lift = (2/3) / (4/5).
            let rules = json(try await client.execute(
                uri: "/api/recommendations/rules?min_support=0.2&metric=confidence&min_threshold=0.6", method: .get,
                headers: auth))
            #expect(rules["baskets"] as? Double == 5)
            let list = try #require(rules["rules"] as? [[String: Any]])
            let ac = try #require(list.first {
                ($0["antecedents"] as? [[String: Any]])?.first?["item"] as? String == "A"
                    && ($0["consequents"] as? [[String: Any]])?.first?["item"] as? String == "C"
            })
            #expect(abs((ac["confidence"] as? Double ?? 0) - 2.0 / 3) < 1e-12)
            #expect(abs((ac["lift"] as? Double ?? 0) - (2.0 / 3) / 0.8) < 1e-12)

            for (uri, field) in [
                ("/api/profiles/u1/recommendations?k=0", "k"), ("/api/profiles/u1/recommendations?strategy=magic", "strategy"),
                ("/api/profiles/u1/recommendations?as_of=2025-13-01", "as_of"),
                ("/api/recommendations/rules?min_support=0", "min_support"),
                ("/api/recommendations/rules?metric=surprise", "metric"),
                ("/api/recommendations/rules?max_length=9", "max_length"),
            ] {
                let bad = try await client.execute(uri: uri, method: .get, headers: auth)
                #expect(bad.status == .badRequest, "\(uri)")
                #expect(problem(bad)["field"] as? String == field, "\(uri)")
            }
            let missing = try await client.execute(uri: "/api/profiles/nobody/recommendations", method: .get, headers: auth)
            #expect(missing.status == .notFound && problem(missing)["field"] as? String == "id")
        }
    }

    @Test("A lookalike segment from a seed of buyers; a small or unknown seed and a bad size name the field")
    func lookalike() async throws {
        let (server, token) = try await setUp()
        let ws = server.workspace.id
        _ = try await server.runtime.stores.events.append([
            EventBatch(workspaceId: ws, events: DemoGenerator(seed: 9, customers: 500, days: 150).events())
        ])
        let engine = server.runtime.profiles
        try await engine.catchUp(workspaceId: ws)
        let buyers = try await engine.saveSegment(workspaceId: ws, name: "Buyers", rule: ["order_count": ["gte": 2]])
        let few = try await engine.saveSegment(workspaceId: ws, name: "Few", rule: ["order_count": ["gte": 40]])
        #expect(buyers.size >= 100 && few.size < 100)
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await server.app().test(.router) { client in
            let r = try await client.execute(
                uri: "/api/segments/\(buyers.segment.id)/lookalike", method: .post, headers: auth,
                body: ByteBuffer(string: "{\"size_percent\": 10}"))
            #expect(r.status == .created)
            let body = json(r)
            let members = try #require(body["members"] as? [[String: Any]])
            let population = try #require(body["population"] as? Double)
            #expect(Double(members.count) == (population / 10).rounded())
            #expect(members.allSatisfy { ($0["reasons"] as? [String])?.count == 3 })
            let segment = try #require(body["segment"] as? [String: Any])
            let saved = try await engine.members(workspaceId: ws, segmentId: try #require(segment["id"] as? String))
            #expect(saved == Set(members.compactMap { $0["profile"] as? String }))

            for (path, payload, field, status) in [
                (few.segment.id, "{\"size_percent\": 5}", "seed_segment", HTTPResponse.Status.badRequest),
                ("no-such", "{\"size_percent\": 5}", "seed_segment", .notFound),
                (buyers.segment.id, "{\"size_percent\": 11}", "size_percent", .badRequest),
                (buyers.segment.id, "{}", "size_percent", .badRequest),
                (buyers.segment.id, "{\"size_percent\": 5, \"as_of\": \"soon\"}", "as_of", .badRequest),
            ] {
                let bad = try await client.execute(
                    uri: "/api/segments/\(path)/lookalike", method: .post, headers: auth, body: ByteBuffer(string: payload))
                #expect(bad.status == status, "\(payload)")
                #expect(problem(bad)["field"] as? String == field, "\(payload)")
            }
        }
    }
}
