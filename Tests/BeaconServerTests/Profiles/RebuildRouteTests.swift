import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Rebuild API")
struct RebuildRouteTests {
    func json(_ r: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:]
    }

    /// A tracking-API batch of `count` events from `offset`: identifies that merge devices, orders.
    func batch(_ offset: Int, _ count: Int) -> [UInt8] {
        let items = (offset..<(offset + count)).map { n -> String in
            let t = "2025-03-\(String(format: "%02d", 1 + n % 28))T10:\(String(format: "%02d", n % 60)):00Z"
            switch n % 3 {
            case 0:
                return
                    #"{"type": "identify", "userId": "u\#(n % 9)", "anonymousId": "a\#(n % 13)", "traits": {"email": "p\#(n % 9)@x.io"}, "timestamp": "\#(t)", "messageId": "m\#(n)"}"#
            case 1:
                return
                    #"{"type": "track", "anonymousId": "a\#(n % 13)", "event": "Order Completed", "properties": {"revenue": \#(10 * n)}, "timestamp": "\#(t)", "messageId": "m\#(n)"}"#
            default:
                return #"{"type": "page", "anonymousId": "b\#(n % 17)", "timestamp": "\#(t)", "messageId": "m\#(n)"}"#
            }
        }
        return Array(#"{"batch": [\#(items.joined(separator: ","))]}"#.utf8)
    }

    @Test("POST starts a rebuild while ingest goes on; GET reports progress; the result equals an offline rebuild")
    func rebuildWhileIngesting() async throws {
        let server = try await TestServer.make()
        let engine = server.runtime.profiles
        let ws = server.workspace.id
        let token = try await engine.createAPIToken(workspaceId: ws, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        _ = try await server.runtime.ingest.ingest(body: batch(0, 300), endpoint: .batch, writeKey: server.writeKey)
        try await engine.catchUp(workspaceId: ws)
        try await server.app().test(.router) { client in
            #expect(
                json(try await client.execute(uri: "/api/rebuild", method: .get, headers: auth))["state"] as? String
                    == "idle")
            let start = try await client.execute(
                uri: "/api/rebuild", method: .post, headers: auth, body: ByteBuffer(string: #"{"predictions": true}"#))
            #expect(start.status == .accepted)
            #expect(json(start)["eventsAtStart"] as? Double == 300)
            // Ingest keeps accepting events while it runs.
            for k in 0..<5 {
                let r = try await server.runtime.ingest.ingest(
                    body: batch(300 + 20 * k, 20), endpoint: .batch, writeKey: server.writeKey)
                #expect(r.accepted == 20)
            }
            var status: [String: Any] = [:]
            for _ in 0..<500 {
                status = json(try await client.execute(uri: "/api/rebuild", method: .get, headers: auth))
                if status["state"] as? String != "running" { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(status["state"] as? String == "finished")
            #expect(status["progress"] as? Double == 1)
            #expect((status["report"] as? [String: Any])?["events"] as? Double ?? 0 >= 300)
        }
        // Let the live projection take in everything acknowledged, then compare with a rebuild
        // from scratch by a fresh engine.
        try await engine.catchUp(workspaceId: ws)
        let store = server.runtime.stores.profiles
        func snapshot() async throws -> ([Profile], [IdentityMerge], [String: Set<String>]) {
            (
                try await store.listProfiles(workspaceId: ws, after: nil, limit: 10_000).map {
                    var p = $0; p.predictions = nil; return p
                },
                try await store.identityMerges(workspaceId: ws, profileId: nil, limit: 10_000),
                try await store.allSegmentMembers(workspaceId: ws).filter { !$0.key.hasPrefix("rfm-") }
            )
        }
        let live = try await snapshot()
        #expect(live.0.reduce(0) { $0 + $1.eventCount } == 400)  // every acknowledged event is in a profile
        let offline = ProfileEngine(stores: server.runtime.stores)
        _ = try await offline.rebuild(workspaceId: ws)
        let rebuilt = try await snapshot()
        #expect(rebuilt.0 == live.0)
        #expect(rebuilt.1 == live.1)
        #expect(rebuilt.2 == live.2)
    }

    @Test("bad options name the field; a token is required")
    func badInput() async throws {
        let server = try await TestServer.make()
        let engine = server.runtime.profiles
        let token = try await engine.createAPIToken(workspaceId: server.workspace.id, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await server.app().test(.router) { client in
            for (body, field) in [
                (#"{"predictions": "yes"}"#, "predictions"), (#"{"force": true}"#, "force"), ("[1]", "(body)"),
                ("{", "(body)"),
            ] {
                let r = try await client.execute(
                    uri: "/api/rebuild", method: .post, headers: auth, body: ByteBuffer(string: body))
                #expect(r.status == .badRequest, "\(body)")
                #expect(problem(r)["field"] as? String == field, "\(body)")
            }
            #expect(
                json(try await client.execute(uri: "/api/rebuild", method: .get, headers: auth))["state"] as? String
                    == "idle")
            for method in [HTTPRequest.Method.get, .post] {
                let r = try await client.execute(uri: "/api/rebuild", method: method)
                #expect(r.status == .unauthorized)
                #expect(problem(r)["field"] as? String == "Authorization")
            }
            let doc = json(try await client.execute(uri: "/openapi.json", method: .get))
            let path = (doc["paths"] as? [String: Any])?["/api/rebuild"] as? [String: Any]
            #expect(path?["get"] != nil && path?["post"] != nil)
        }
    }
}
