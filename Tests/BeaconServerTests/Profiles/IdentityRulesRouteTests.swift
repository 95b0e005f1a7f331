import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Identity rules API")
struct IdentityRulesRouteTests {
    func json(_ r: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:]
    }

    @Test("GET shows the defaults; PUT validates, stores and applies the rules to new events; errors name the field")
    func rules() async throws {
        let server = try await TestServer.make()
        let engine = server.runtime.profiles
        let token = try await engine.createAPIToken(workspaceId: server.workspace.id, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await server.app().test(.router) { client in
            let initial = json(try await client.execute(uri: "/api/identity/rules", method: .get, headers: auth))
            let defaults = try #require(initial["rules"] as? [String: Any])
            #expect(defaults["mergeOn"] is NSNull)
            #expect((defaults["limits"] as? [String: Any])?["user_id"] as? Double == 1)
            #expect((initial["builtInBlockedValues"] as? [String])?.contains("test@test.com") == true)
            #expect(initial["inForceAfterSequence"] is NSNull)

            let put = try await client.execute(
                uri: "/api/identity/rules", method: .put, headers: auth,
                body: ByteBuffer(
                    string: """
                        {"mergeOn": ["user_id", "anonymous_id"], "limits": {"user_id": 1, "phone": 2}, "blockedValues": ["Front-Desk@Shop.com"]}
                        """))
            #expect(put.status == .ok)
            let saved = try #require(json(put)["rules"] as? [String: Any])
            #expect(saved["mergeOn"] as? [String] == ["anonymous_id", "user_id"])
            #expect(saved["blockedValues"] as? [String] == ["front-desk@shop.com"])
            #expect(json(put)["inForceAfterSequence"] as? Double == 0)
            let again = json(try await client.execute(uri: "/api/identity/rules", method: .get, headers: auth))
            #expect((again["rules"] as? [String: Any])?["limits"] as? [String: Double] == ["user_id": 1, "phone": 2])

            let cases: [(String, String)] = [
                (#"{"mergeOn": ["user_id", "fax"]}"#, "mergeOn[1]"),
                (#"{"limits": {"email": -1}}"#, "limits.email"),
                (#"{"maxIdentifiers": 0}"#, "maxIdentifiers"),
                (#"{"blockedValues": [42]}"#, "blockedValues[0]"),
                (#"{"defaultCallingCode": "abc"}"#, "defaultCallingCode"),
                (#"{"merge_on": []}"#, "merge_on"),
                (#"[1]"#, "(body)"),
                ("{", "(body)"),
            ]
            for (body, field) in cases {
                let r = try await client.execute(
                    uri: "/api/identity/rules", method: .put, headers: auth, body: ByteBuffer(string: body))
                #expect(r.status == .badRequest, "\(body)")
                #expect(problem(r)["field"] as? String == field, "\(body)")
            }
            let noToken = try await client.execute(
                uri: "/api/identity/rules", method: .put, body: ByteBuffer(string: "{}"))
            #expect(noToken.status == .unauthorized)
            // A refused request changed nothing.
            let after = json(try await client.execute(uri: "/api/identity/rules", method: .get, headers: auth))
            #expect((after["rules"] as? [String: Any])?["mergeOn"] as? [String] == ["anonymous_id", "user_id"])
        }
        // New events follow the stored rules: a shared email no longer merges two visitors.
        let body = """
            {"batch": [
              {"type": "identify", "anonymousId": "v-1", "traits": {"email": "sam@example.com"}, "timestamp": "2025-03-01T10:00:00Z"},
              {"type": "identify", "anonymousId": "v-2", "traits": {"email": "sam@example.com"}, "timestamp": "2025-03-01T11:00:00Z"}
            ]}
            """
        _ = try await server.runtime.ingest.ingest(body: Array(body.utf8), endpoint: .batch, writeKey: server.writeKey)
        try await engine.catchUp(workspaceId: server.workspace.id)
        try await server.app().test(.router) { client in
            let merges = json(try await client.execute(uri: "/api/identity/merges", method: .get, headers: auth))
            let first = try #require((merges["merges"] as? [[String: Any]])?.first)
            #expect(first["merged"] as? Bool == false)
            #expect(first["rule"] as? String == "mergeOn")
            let doc = json(try await client.execute(uri: "/openapi.json", method: .get))
            let path = (doc["paths"] as? [String: Any])?["/api/identity/rules"] as? [String: Any]
            #expect(path?["get"] != nil && path?["put"] != nil)
        }
    }
}
