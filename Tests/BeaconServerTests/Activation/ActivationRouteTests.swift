import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Destinations and activations API")
struct ActivationRouteTests {
    func json(_ r: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:]
    }

    func server() async throws -> TestServer {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "beacon-activation-\(UUID().uuidString)")
        let stores = try await StoreFactory.open(
            databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        let box = SecretBox.random()
        let runtime = BeaconRuntime(stores: stores, secrets: { box })
        let (ws, key) = try await runtime.workspaces.create(name: "shop")
        return TestServer(runtime: runtime, workspace: ws, writeKey: key)
    }

    @Test("bad destination and activation input is a 4xx naming the field, and nothing is stored or queued")
    func badInput() async throws {
        let server = try await server()
        let ws = server.workspace.id
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: ws, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        _ = try await server.runtime.profiles.saveSegment(workspaceId: ws, name: "VIP", rule: ["plan": "gold"])
        try await server.app().test(.router) { client in
            let destinations: [(String, HTTPResponse.Status, String)] = [
                (#"{"name":"a","type":"webhook","url":"not a url"}"#, .badRequest, "url"),
                (#"{"name":"a","type":"webhook","url":"ftp://example.com/x"}"#, .badRequest, "url"),
                (#"{"name":"a","type":"webhook","url":"/relative"}"#, .badRequest, "url"),
                (
                    #"{"name":"a","type":"webhook","url":"https://example.com/x","secret":"hunter2"}"#, .badRequest,
                    "secret"
                ),
                (#"{"name":"a","type":"email","url":"https://example.com/x"}"#, .badRequest, "host"),
                (#"{"name":"a","type":"fax","url":"https://example.com/x"}"#, .badRequest, "type"),
                (#"{"name":"","url":"https://example.com/x"}"#, .badRequest, "name"),
                (#"{"url":"https://example.com/x"}"#, .badRequest, "name"),
                (#"{"name":"a","url":42}"#, .badRequest, "url"),
                ("[]", .badRequest, "(body)"),
            ]
            for (body, status, field) in destinations {
                let r = try await client.execute(
                    uri: "/api/destinations", method: .post, headers: auth, body: ByteBuffer(string: body))
                #expect(r.status == status, "\(body)")
                #expect(problem(r)["field"] as? String == field, "\(body)")
            }
            #expect(try await server.runtime.activation.destinations(workspaceId: ws).isEmpty)

            let created = try await client.execute(
                uri: "/api/destinations", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"name":"crm","type":"webhook","url":"https://hooks.example.com/beacon"}"#))
            #expect(created.status == .created)
            let id = try #require(json(created)["id"] as? String)
            #expect((json(created)["secret"] as? String)?.hasPrefix("whsec_") == true)
            let taken = try await client.execute(
                uri: "/api/destinations", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"name":"crm","url":"https://other.example.com/"}"#))
            #expect(taken.status == .conflict)
            #expect(problem(taken)["field"] as? String == "name")

            let activations: [(String, HTTPResponse.Status, String)] = [
                // A body naming a segment or destination the workspace does not have: 404 naming the field.
                (#"{"segment":"nope","destination":"\#(id)","on":["entered"]}"#, .notFound, "segment"),
                (#"{"segment":"vip","destination":"dst_missing","on":["entered"]}"#, .notFound, "destination"),
                (#"{"segment":"vip","destination":"\#(id)","on":["joined"]}"#, .badRequest, "on"),
                (#"{"segment":"vip","destination":"\#(id)","on":[]}"#, .badRequest, "on"),
                (#"{"segment":"vip","destination":"\#(id)","on":"entered"}"#, .badRequest, "on"),
                (#"{"event":"","destination":"\#(id)"}"#, .badRequest, "event"),
                (#"{"event":"Order Completed","destination":"\#(id)","properties":[1]}"#, .badRequest, "properties"),
                (#"{"destination":"\#(id)"}"#, .badRequest, "segment"),
                (#"{"segment":"vip","on":["entered"]}"#, .badRequest, "destination"),
            ]
            for (body, status, field) in activations {
                let r = try await client.execute(
                    uri: "/api/activations", method: .post, headers: auth, body: ByteBuffer(string: body))
                #expect(r.status == status, "\(body)")
                #expect(problem(r)["field"] as? String == field, "\(body)")
            }
            #expect(try await server.runtime.activation.activations(workspaceId: ws).isEmpty)
            #expect(try await server.runtime.activation.counts(workspaceId: ws, destinationId: id).isEmpty)
            let replay = try await client.execute(
                uri: "/api/destinations/\(id)/dead-letters/replay", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"ids":"all"}"#))
            #expect(replay.status == .badRequest)
            #expect(problem(replay)["field"] as? String == "ids")
            let missing = try await client.execute(uri: "/api/destinations/dst_nope", method: .get, headers: auth)
            #expect(missing.status == .notFound)
            #expect(problem(missing)["field"] as? String == "destination")
        }
    }

    @Test("create, list, get and delete; the secret is shown once; a test message is queued and listed")
    func lifecycle() async throws {
        let server = try await server()
        let ws = server.workspace.id
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: ws, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        _ = try await server.runtime.profiles.saveSegment(workspaceId: ws, name: "VIP", rule: ["plan": "gold"])
        try await server.app().test(.router) { client in
            let secret = "whsec_" + Data(repeating: 7, count: 24).base64EncodedString()
            let created = json(
                try await client.execute(
                    uri: "/api/destinations", method: .post, headers: auth,
                    body: ByteBuffer(
                        string: #"{"name":"crm","type":"webhook","url":"http://127.0.0.1:9/x","secret":"\#(secret)"}"#))
            )
            let id = try #require(created["id"] as? String)
            #expect(created["secret"] as? String == secret)
            let got = json(try await client.execute(uri: "/api/destinations/\(id)", method: .get, headers: auth))
            #expect(got["secret"] == nil)
            #expect(got["state"] as? String == "active")
            // Stored sealed: the plain secret is nowhere in the row.
            let stored = try #require(try await server.runtime.stores.activations.destination(workspaceId: ws, id: id))
            #expect(!stored.sealedSecrets.joined().contains(secret.dropFirst(6)))

            let activation = try await client.execute(
                uri: "/api/activations", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"segment":"vip","destination":"\#(id)","on":["entered","exited"]}"#))
            #expect(activation.status == .created)
            let aid = try #require(json(activation)["id"] as? String)
            #expect(json(activation)["on"] as? [String] == ["entered", "exited"])
            let list = json(try await client.execute(uri: "/api/activations", method: .get, headers: auth))
            #expect((list["activations"] as? [[String: Any]])?.map { $0["id"] as? String } == [aid])

            let test = try await client.execute(uri: "/api/destinations/\(id)/test", method: .post, headers: auth)
            #expect(test.status == .accepted)
            let log = json(
                try await client.execute(uri: "/api/destinations/\(id)/messages", method: .get, headers: auth))
            let messages = try #require(log["messages"] as? [[String: Any]])
            #expect(messages.count == 1)
            #expect(messages.first?["state"] as? String == "pending")
            #expect(messages.first?["id"] as? String == json(test)["id"] as? String)
            let listed = json(try await client.execute(uri: "/api/destinations", method: .get, headers: auth))
            let first = (listed["destinations"] as? [[String: Any]])?.first
            #expect((first?["messages"] as? [String: Double])?["pending"] == 1)

            let paused = json(
                try await client.execute(uri: "/api/destinations/\(id)/pause", method: .post, headers: auth))
            #expect(paused["state"] as? String == "paused")
            let rotated = json(
                try await client.execute(uri: "/api/destinations/\(id)/rotate-secret", method: .post, headers: auth))
            #expect((rotated["secret"] as? String).map { $0 != secret && $0.hasPrefix("whsec_") } == true)
            #expect(rotated["signingSecrets"] as? Double == 2)

            #expect(
                try await client.execute(uri: "/api/activations/\(aid)", method: .delete, headers: auth).status
                    == .noContent)
            #expect(
                try await client.execute(uri: "/api/activations/\(aid)", method: .get, headers: auth).status
                    == .notFound)
            #expect(
                try await client.execute(uri: "/api/destinations/\(id)", method: .delete, headers: auth).status
                    == .noContent)
            #expect(
                try await client.execute(uri: "/api/destinations/\(id)", method: .get, headers: auth).status
                    == .notFound)

            let doc = json(try await client.execute(uri: "/openapi.json", method: .get))
            let paths = try #require(doc["paths"] as? [String: Any])
            for p in [
                "/api/destinations", "/api/destinations/{id}", "/api/destinations/{id}/dead-letters/replay",
                "/api/activations",
                "/api/activations/{id}",
            ] {
                #expect(paths[p] != nil, "\(p) is not documented")
            }
        }
    }
}
