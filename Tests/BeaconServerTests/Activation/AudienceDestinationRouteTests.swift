import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Audience sync destinations API")
struct AudienceDestinationRouteTests {
    func json(_ r: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:]
    }

    func server() async throws -> TestServer {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-audience-\(UUID().uuidString)")
        let stores = try await StoreFactory.open(databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        let box = SecretBox.random()
        let runtime = BeaconRuntime(stores: stores, secrets: { box })
        let (ws, key) = try await runtime.workspaces.create(name: "shop")
        return TestServer(runtime: runtime, workspace: ws, writeKey: key)
    }

    @Test("bad audience destination input is a 400 naming the field, and nothing is stored")
    func badInput() async throws {
        let server = try await server()
        let ws = server.workspace.id
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: ws, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await server.app().test(.router) { client in
            let cases: [(String, String)] = [
                (#"{"name":"a","type":"hubspot","listId":"1"}"#, "apiKey"),
                (#"{"name":"a","type":"hubspot","apiKey":42,"listId":"1"}"#, "apiKey"),
                (#"{"name":"a","type":"hubspot","apiKey":"has space","listId":"1"}"#, "apiKey"),
                (#"{"name":"a","type":"hubspot","apiKey":"pat-na1"}"#, "listId"),
                (#"{"name":"a","type":"mailchimp","apiKey":"no-data-centre!","listId":"x"}"#, "apiKey"),
                (#"{"name":"a","type":"klaviyo","apiKey":"pk","listId":"a/b"}"#, "listId"),
                (#"{"name":"a","type":"klaviyo","apiKey":"pk","listId":""}"#, "listId"),
                (#"{"name":"a","type":"klaviyo","apiKey":"pk","listId":"L","url":"ftp://x.example"}"#, "url"),
                (#"{"name":"a","type":"hubspot","apiKey":"pat","listId":"1","settings":[]}"#, "settings"),
                (#"{"name":"a","type":"hubspot","apiKey":"pat","listId":"1","settings":{"colour":"red"}}"#, "settings.colour"),
                (#"{"name":"a","type":"hubspot","apiKey":"pat","listId":"1","settings":{"userIdProperty":3}}"#, "settings.userIdProperty"),
                (#"{"name":"a","type":"klaviyo","apiKey":"pk","listId":"L","settings":{"userIdProperty":"x"}}"#, "settings.userIdProperty"),
                (#"{"name":"","type":"klaviyo","apiKey":"pk","listId":"L"}"#, "name"),
            ]
            for (body, field) in cases {
                let r = try await client.execute(
                    uri: "/api/destinations", method: .post, headers: auth, body: ByteBuffer(string: body))
                #expect(r.status == .badRequest, "\(body)")
                #expect(problem(r)["field"] as? String == field, "\(body): \(problem(r))")
            }
            #expect(try await server.runtime.activation.destinations(workspaceId: ws).isEmpty)
        }
    }

    @Test("create a HubSpot destination: key sealed and never shown, list id in settings; schedule and sync it")
    func lifecycle() async throws {
        let server = try await server()
        let ws = server.workspace.id
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: ws, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        _ = try await server.runtime.profiles.saveSegment(workspaceId: ws, name: "VIP", rule: ["plan": "gold"])
        try await server.app().test(.router) { client in
            let key = "pat-na1-11111111-2222-3333-4444-555555555555"
            let created = try await client.execute(
                uri: "/api/destinations", method: .post, headers: auth,
                body: ByteBuffer(
                    string:
                        #"{"name":"crm","type":"hubspot","apiKey":"\#(key)","listId":"123","settings":{"userIdProperty":"beacon_user_id"}}"#
                ))
            #expect(created.status == .created)
            let body = json(created)
            let id = try #require(body["id"] as? String)
            #expect(body["type"] as? String == "hubspot")
            #expect(body["url"] as? String == "https://api.hubapi.com")
            #expect(body["settings"] as? [String: String] == ["listId": "123", "userIdProperty": "beacon_user_id"])
            #expect(body["secret"] == nil)
            #expect(!String(buffer: created.body).contains(key))
            let got = try await client.execute(uri: "/api/destinations/\(id)", method: .get, headers: auth)
            #expect(!String(buffer: got.body).contains(key))
            let stored = try #require(try await server.runtime.stores.activations.destination(workspaceId: ws, id: id))
            #expect(!stored.sealedSecrets.joined().contains(key))

            // Audience destinations take segment activations only, and have no signing secret.
            let event = try await client.execute(
                uri: "/api/activations", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"event":"Order Completed","destination":"\#(id)"}"#))
            #expect(event.status == .badRequest && problem(event)["field"] as? String == "event")
            let rotate = try await client.execute(uri: "/api/destinations/\(id)/rotate-secret", method: .post, headers: auth)
            #expect(rotate.status == .badRequest && problem(rotate)["field"] as? String == "destination")

            for (bad, field) in [(#""6""#, "everyHours"), ("0", "everyHours"), ("1000", "everyHours")] {
                let r = try await client.execute(
                    uri: "/api/activations", method: .post, headers: auth,
                    body: ByteBuffer(string: #"{"segment":"vip","destination":"\#(id)","everyHours":\#(bad)}"#))
                #expect(r.status == .badRequest && problem(r)["field"] as? String == field, "\(bad)")
            }
            let schedule = try await client.execute(
                uri: "/api/activations", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"segment":"vip","destination":"\#(id)","everyHours":6}"#))
            #expect(schedule.status == .created)
            #expect(json(schedule)["everyHours"] as? Double == 6)
            let aid = try #require(json(schedule)["id"] as? String)
            let sync = try await client.execute(uri: "/api/activations/\(aid)/sync", method: .post, headers: auth)
            #expect(sync.status == .accepted)
            #expect(json(sync)["added"] as? Double == 0 && json(sync)["waiting"] as? Double == 0)

            let doc = json(try await client.execute(uri: "/openapi.json", method: .get))
            let paths = try #require(doc["paths"] as? [String: Any])
            #expect(paths["/api/activations/{id}/sync"] != nil)
        }
    }

    @Test("an audience destination's delivery attempts appear in /metrics under its id")
    func metrics() async throws {
        let server = try await server()
        let ws = server.workspace.id
        // Nothing listens on port 9: the test message's list read fails and is retried.
        let d = try await server.runtime.activation.createAudienceDestination(
            workspaceId: ws, name: "kl", type: "klaviyo", apiKey: "pk_test", listId: "L", url: "http://127.0.0.1:9")
        _ = try await server.runtime.activation.sendTest(workspaceId: ws, destinationId: d.id)
        let delivery = Task { await server.runtime.delivery.run() }
        defer { delivery.cancel() }
        for _ in 0..<200 {
            if (await server.runtime.delivery.stats.snapshot()[d.id]?.attempts ?? 0) > 0 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        delivery.cancel()
        try await server.app().test(.router) { client in
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            let line = text.split(separator: "\n").first {
                $0.hasPrefix("beacon_delivery_attempts{") && $0.contains(#"destination="\#(d.id)""#)
                    && $0.contains(#"outcome="retrying""#)
            }
            #expect(line.map { $0.hasSuffix(" 1") || $0.hasSuffix(" 1.0") } == true, "\(text)")
        }
        let log = try await server.runtime.activation.messages(workspaceId: ws, destinationId: d.id, state: nil, limit: 5)
        #expect(log.first?.attempts == 1 && log.first?.lastStatus == 0)
    }
}
