import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Profile and segment API")
struct ProfileRouteTests {
    /// A server with a few customers ingested through the tracking API and an API token.
    func setUp() async throws -> (TestServer, String) {
        let server = try await TestServer.make()
        let engine = server.runtime.profiles
        let token = try await engine.createAPIToken(workspaceId: server.workspace.id, label: "test")
        let body = """
            {"batch": [
              {"type": "page", "anonymousId": "anon-1", "timestamp": "2025-03-01T10:00:00Z"},
              {"type": "identify", "userId": "u-1", "anonymousId": "anon-1", "traits": {"email": "Ada@Example.com", "name": "Ada Lovelace"}, "timestamp": "2025-03-01T10:05:00Z"},
              {"type": "track", "userId": "u-1", "event": "Order Completed", "properties": {"revenue": 1200}, "timestamp": "2025-03-02T10:00:00Z"},
              {"type": "identify", "userId": "u-2", "traits": {"email": "bob@example.com", "name": "Bob"}, "timestamp": "2025-03-03T10:00:00Z"},
              {"type": "track", "userId": "u-2", "event": "Order Completed", "properties": {"revenue": 90}, "timestamp": "2025-03-04T10:00:00Z"}
            ]}
            """
        _ = try await server.runtime.ingest.ingest(body: Array(body.utf8), endpoint: .batch, writeKey: server.writeKey)
        try await engine.catchUp(workspaceId: server.workspace.id)
        return (server, token)
    }

    func json(_ r: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:]
    }

    @Test("profiles by any id, search, timeline and merges; token required")
    func profiles() async throws {
        let (server, token) = try await setUp()
        let auth: HTTPFields = [.authorization: "Bearer \(token)"]
        try await server.app().test(.router) { client in
            let r = try await client.execute(uri: "/api/profiles/anon-1", method: .get, headers: auth)
            #expect(r.status == .ok)
            let p = json(r)
            #expect(p["email"] as? String == "ada@example.com")
            #expect((p["computed"] as? [String: Any])?["lifetime_value"] as? Double == 1200)
            let id = try #require(p["id"] as? String)
            #expect(json(try await client.execute(uri: "/api/profiles/ADA@example.com", method: .get, headers: auth))["id"] as? String == id)
            #expect(json(try await client.execute(uri: "/api/profiles/u-1?kind=user_id", method: .get, headers: auth))["id"] as? String == id)
            let missing = try await client.execute(uri: "/api/profiles/nobody", method: .get, headers: auth)
            #expect(missing.status == .notFound)
            #expect(problem(missing)["field"] as? String == "id")

            let search = json(try await client.execute(uri: "/api/profiles?q=bo", method: .get, headers: auth))
            #expect((search["profiles"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == ["bob@example.com"])
            let byName = json(try await client.execute(uri: "/api/profiles?q=ada%20lo", method: .get, headers: auth))
            #expect((byName["profiles"] as? [[String: Any]])?.count == 1)

            let timeline = json(try await client.execute(uri: "/api/profiles/\(id)/timeline?limit=2", method: .get, headers: auth))
            let events = try #require(timeline["events"] as? [[String: Any]])
            #expect(events.map { $0["type"] as? String } == ["track", "identify"])
            #expect(timeline["next"] != nil)
            let merges = json(try await client.execute(uri: "/api/identity/merges", method: .get, headers: auth))
            #expect((merges["merges"] as? [Any])?.isEmpty == true)

            let noToken = try await client.execute(uri: "/api/profiles/anon-1", method: .get)
            #expect(noToken.status == .unauthorized)
            #expect(problem(noToken)["field"] as? String == "Authorization")
            let writeKey = try await client.execute(uri: "/api/profiles/anon-1", method: .get, headers: [.authorization: "Bearer \(server.writeKey)"])
            #expect(writeKey.status == .unauthorized)
            let badLimit = try await client.execute(uri: "/api/profiles?limit=0", method: .get, headers: auth)
            #expect(problem(badLimit)["field"] as? String == "limit")
        }
    }

    @Test("segments: create, preview, members, export, overlap, update, delete; bad rules name the node")
    func segments() async throws {
        let (server, token) = try await setUp()
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await server.app().test(.router) { client in
            let list = json(try await client.execute(uri: "/api/segments", method: .get, headers: auth))
            let names = (list["segments"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            #expect(names.contains("VIP Customers"))
            let vip = json(try await client.execute(uri: "/api/segments/vip-customers", method: .get, headers: auth))
            #expect(vip["size"] as? Double == 1)
            #expect(abs((vip["revenueShare"] as? Double ?? 0) - 1200.0 / 1290.0) < 1e-12)

            let preview = try await client.execute(uri: "/api/segments/preview", method: .post, headers: auth,
                                                   body: ByteBuffer(string: #"{"rule": {"lifetime_value": {"gt": 50}}, "sample": 1}"#))
            #expect(json(preview)["count"] as? Double == 2)
            #expect((json(preview)["sample"] as? [Any])?.count == 1)

            let created = try await client.execute(uri: "/api/segments", method: .post, headers: auth,
                                                   body: ByteBuffer(string: #"{"name": "Buyers", "rule": {"order_count": {"gte": 1}}}"#))
            #expect(created.status == .created)
            #expect(json(created)["id"] as? String == "buyers")
            #expect(json(created)["size"] as? Double == 2)
            let members = json(try await client.execute(uri: "/api/segments/buyers/members?limit=1", method: .get, headers: auth))
            #expect((members["members"] as? [String])?.count == 1)
            #expect(members["next"] != nil)
            let csv = try await client.execute(uri: "/api/segments/buyers/export.csv?traits=email,lifetime_value", method: .get, headers: auth)
            let lines = String(buffer: csv.body).split(separator: "\r\n").map(String.init)
            #expect(lines.first == "profile_id,user_id,email,external_ids,email,lifetime_value")
            let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.map { $0.dropFirst(4).joined(separator: ",") }.sorted()
                    == ["Ada@Example.com,1200", "bob@example.com,90"]) // the trait as sent
            // The customer's own ids: the user id, and the email as an identifier (lower-cased).
            #expect(Set(rows.map { $0[1] }) == ["u-1", "u-2"])
            #expect(Set(rows.map { $0[2] }) == ["ada@example.com", "bob@example.com"])
            let overlap = json(try await client.execute(uri: "/api/segments/overlap?ids=buyers,vip-customers", method: .get, headers: auth))
            let pair = try #require((overlap["pairs"] as? [[String: Any]])?.first)
            #expect(pair["both"] as? Double == 1)
            #expect(pair["jaccard"] as? Double == 0.5)

            let bad = try await client.execute(uri: "/api/segments", method: .post, headers: auth,
                                               body: ByteBuffer(string: #"{"name": "X", "rule": {"any": [{"lifetime_value": {"gtt": 1}}]}}"#))
            #expect(bad.status == .badRequest)
            #expect(problem(bad)["field"] as? String == "rule.any[0].lifetime_value.gtt")
            let noName = try await client.execute(uri: "/api/segments", method: .post, headers: auth, body: ByteBuffer(string: #"{"rule": {}}"#))
            #expect(problem(noName)["field"] as? String == "name")
            let notJSON = try await client.execute(uri: "/api/segments", method: .post, headers: auth, body: ByteBuffer(string: "{"))
            #expect(problem(notJSON)["field"] as? String == "(body)")

            let updated = try await client.execute(uri: "/api/segments/buyers", method: .put, headers: auth,
                                                   body: ByteBuffer(string: #"{"name": "Big buyers", "rule": {"lifetime_value": {"gt": 1000}}}"#))
            #expect(json(updated)["size"] as? Double == 1)
            let replayed = json(try await client.execute(uri: "/api/segments/buyers/replayed-sizes?points=3&step_days=30",
                                                         method: .get, headers: auth))
            // The last instant is now, where the replay agrees with the live membership.
            #expect((replayed["sizes"] as? [[String: Any]])?.last?["size"] as? Double == 1)
            #expect(replayed["stepDays"] as? Double == 30)
            let badPoints = try await client.execute(uri: "/api/segments/buyers/replayed-sizes?points=0", method: .get, headers: auth)
            #expect(badPoints.status == .badRequest)
            #expect(problem(badPoints)["field"] as? String == "points")
            let changes = json(try await client.execute(uri: "/api/segments/buyers/changes", method: .get, headers: auth))
            #expect((changes["changes"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } == ["entered", "entered", "exited"])
            #expect(try await client.execute(uri: "/api/segments/buyers", method: .delete, headers: auth).status == .noContent)
            #expect(try await client.execute(uri: "/api/segments/buyers", method: .get, headers: auth).status == .notFound)

            let openapi = json(try await client.execute(uri: "/openapi.json", method: .get))
            #expect(openapi["openapi"] as? String == "3.1.0")
            #expect((openapi["paths"] as? [String: Any])?["/api/segments/{id}/export.csv"] != nil)
            #expect((openapi["paths"] as? [String: Any])?["/api/segments/{id}/replayed-sizes"] != nil)
        }
    }
}
