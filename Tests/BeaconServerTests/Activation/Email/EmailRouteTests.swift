import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Email destinations, suppressions and unsubscribe over HTTP")
struct EmailRouteTests {
    static let valid: [String: JSONValue] = [
        "name": "news", "type": "email", "host": "127.0.0.1", "port": .number(2525), "security": "none",
        "from": "news@shop.example", "subject": "Hi {{first_name}}", "text": "Hello {{first_name}}",
        "html": "<p>Hello {{first_name}}</p>", "unsubscribeUrl": "https://beacon.example.com",
    ]

    static func body(_ changes: [String: JSONValue?]) -> ByteBuffer {
        var o = Self.valid
        for (k, v) in changes { o[k] = v }
        return ByteBuffer(string: JSONValue.object(o).serialized())
    }

    @Test("bad email destination input is a 4xx naming the field, and nothing is stored")
    func badInput() async throws {
        let server = try await ActivationRouteTests().server()
        let ws = server.workspace.id
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: ws, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        _ = try await server.runtime.ingest.ingest(
            body: Array(
                #"{"batch":[{"type":"identify","userId":"u1","messageId":"m1","traits":{"first_name":"Ann"}}]}"#.utf8),
            endpoint: .batch, writeKey: server.writeKey)
        _ = try await server.runtime.profiles.catchUp(workspaceId: ws)
        let cases: [([String: JSONValue?], String)] = [
            (["host": nil], "host"), (["host": "bad host!"], "host"), (["host": "-x.example"], "host"),
            (["port": .number(70000)], "port"), (["port": "abc"], "port"), (["security": "ssl"], "security"),
            (["from": "nope"], "from"), (["subject": "Hi {{unknown_trait}}"], "subject"),
            (["html": "<p>{{plan}}</p>"], "html"), (["text": "{{#vip}}x{{/vip}}"], "text"),
            (["text": "{{name"], "text"),
            (["unsubscribeUrl": "http://beacon.example.com"], "unsubscribeUrl"),
            (["unsubscribeUrl": nil], "unsubscribeUrl"),
            (["username": "u"], "password"),
            // Nothing listens on port 1: with verify the server is tried before anything is saved.
            (["port": .number(1), "verify": .bool(true)], "host"), (["verify": "yes"], "verify"),
        ]
        try await server.app().test(.router) { client in
            for (changes, field) in cases {
                let r = try await client.execute(
                    uri: "/api/destinations", method: .post, headers: auth, body: Self.body(changes))
                #expect(r.status == .badRequest, "\(changes)")
                #expect(problem(r)["field"] as? String == field, "\(changes): \(problem(r))")
            }
            #expect(try await server.runtime.activation.destinations(workspaceId: ws).isEmpty)
            let created = try await client.execute(
                uri: "/api/destinations", method: .post, headers: auth,
                body: Self.body(["password": "s3cret", "username": "mailer", "fromName": "Shop"]))
            #expect(created.status == .created)
            let json = try JSONValue.parse(Data(buffer: created.body))
            #expect(json["type"]?.stringValue == "email")
            #expect(json["url"]?.stringValue == "smtp://127.0.0.1:2525")
            #expect(json["settings"]?["subject"]?.stringValue == "Hi {{first_name}}")
            #expect(json["settings"]?["username"]?.stringValue == "mailer")
            #expect(json["secret"] == nil)
            #expect(!String(buffer: created.body).contains("s3cret"))
            let stored = try await server.runtime.activation.destinations(workspaceId: ws)
            #expect(stored.count == 1 && stored.first?.kind == .email && stored.first?.sealedSecrets.count == 1)
        }
    }

    @Test("the suppression list is listed, added to and lifted through the API")
    func suppressions() async throws {
        let server = try await ActivationRouteTests().server()
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: server.workspace.id, label: "t")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await server.app().test(.router) { client in
            var r = try await client.execute(
                uri: "/api/email-suppressions", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"address":"not an address"}"#))
            #expect(r.status == .badRequest && problem(r)["field"] as? String == "address")
            r = try await client.execute(
                uri: "/api/email-suppressions", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"address":"Ann@Example.com","detail":"asked by phone"}"#))
            #expect(r.status == .created)
            r = try await client.execute(
                uri: "/api/email-suppressions", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"address":"bo@example.com","reason":"spam"}"#))
            #expect(r.status == .badRequest && problem(r)["field"] as? String == "reason")
            r = try await client.execute(
                uri: "/api/email-suppressions", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"address":"cy@example.com","reason":"complaint"}"#))
            #expect(r.status == .created)
            r = try await client.execute(uri: "/api/email-suppressions", method: .get, headers: auth)
            let list = try JSONValue.parse(Data(buffer: r.body))["suppressions"]?.arrayValue ?? []
            #expect(list.count == 2)
            let byAddress = Dictionary(
                uniqueKeysWithValues: list.compactMap { s in s["address"]?.stringValue.map { ($0, s) } })
            #expect(byAddress["ann@example.com"]?["reason"]?.stringValue == "manual")
            #expect(byAddress["cy@example.com"]?["reason"]?.stringValue == "complaint")
            r = try await client.execute(
                uri: "/api/email-suppressions/ann%40example.com", method: .delete, headers: auth)
            #expect(r.status == .noContent)
            r = try await client.execute(uri: "/api/email-suppressions/ann@example.com", method: .delete, headers: auth)
            #expect(r.status == .notFound && problem(r)["field"] as? String == "address")
            r = try await client.execute(uri: "/api/email-suppressions", method: .get)
            #expect(r.status == .unauthorized)
        }
    }

    @Test("an unsubscribe link that this server did not make changes nothing")
    func invalidToken() async throws {
        let server = try await ActivationRouteTests().server()
        let sealed = try UnsubscribeToken(workspaceId: server.workspace.id, destinationId: "d", address: "a@b.co")
            .sealed(with: SecretBox.random())
        try await server.app().test(.router) { client in
            var r = try await client.execute(uri: "/u/\(sealed)", method: .get)
            #expect(r.status == .notFound && String(buffer: r.body).contains("not valid"))
            r = try await client.execute(uri: "/u/\(sealed)", method: .post)
            #expect(r.status == .notFound && problem(r)["field"] as? String == "token")
        }
        #expect(try await server.runtime.activation.emailSuppressions(workspaceId: server.workspace.id).isEmpty)
    }
}
