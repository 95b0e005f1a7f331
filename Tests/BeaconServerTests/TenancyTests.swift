import BeaconEngine
import BeaconServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Tenancy over HTTP")
struct TenancyTests {
    @Test("A write key writes only into its own workspace; a token reads only its own")
    func isolation() async throws {
        let server = try await TestServer.make()
        let (b, keyB) = try await server.runtime.workspaces.create(name: "other")
        let tokenA = try await server.runtime.profiles.createAPIToken(workspaceId: server.workspace.id, label: "a")
        let tokenB = try await server.runtime.profiles.createAPIToken(workspaceId: b.id, label: "b")
        try await server.app().test(.router) { client in
            // A's key, with B's key in the body: the Basic header wins, the event lands in A.
            try await client.execute(uri: "/v1/track", method: .post,
                                     headers: [.authorization: server.basic(), .contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"writeKey":"\#(keyB)","userId":"alice","event":"A","messageId":"m1"}"#)) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(uri: "/v1/track", method: .post,
                                     headers: [.authorization: server.basic(keyB), .contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"userId":"bob","event":"B","messageId":"m1"}"#)) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(uri: "/api/events", method: .get, headers: [.authorization: "Bearer \(tokenA)"]) { r in
                #expect(r.status == .ok)
                let text = String(buffer: r.body)
                #expect(text.contains("alice") && !text.contains("bob"))
            }
            try await client.execute(uri: "/api/events", method: .get, headers: [.authorization: "Bearer \(tokenB)"]) { r in
                let text = String(buffer: r.body)
                #expect(text.contains("bob") && !text.contains("alice"))
            }
            try await client.execute(uri: "/api/events", method: .get, headers: [.authorization: "Bearer bt_forged"]) { r in
                #expect(r.status == .unauthorized)
            }
            try await client.execute(uri: "/api/events?limit=0", method: .get, headers: [.authorization: "Bearer \(tokenA)"]) { r in
                #expect(r.status == .badRequest)
            }
        }
        #expect(try await server.runtime.stores.events.eventCount(in: server.workspace.id) == 1)
        #expect(try await server.runtime.stores.events.eventCount(in: b.id) == 1)
    }

    @Test("A write key cannot read: Basic or ?writeKey= on any read route is 403 naming writeKey, and nothing leaks")
    func writeKeyCannotRead() async throws {
        let server = try await TestServer.make()
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: server.workspace.id, label: "reader")
        try await server.app().test(.router) { client in
            try await client.execute(uri: "/v1/identify", method: .post,
                                     headers: [.authorization: server.basic(), .contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"userId":"alice","traits":{"email":"alice@example.com"}}"#)) { r in
                #expect(r.status == .ok)
            }
            let key = server.writeKey
            let refused: [(String, HTTPFields)] = [
                ("/api/events", [.authorization: server.basic()]),
                ("/api/events?writeKey=\(key)", [:]),
                ("/api/events?writeKey=\(key)", [.authorization: "Bearer \(token)"]),
                ("/api/profiles", [.authorization: server.basic()]),
                ("/api/profiles?writeKey=\(key)", [:]),
                ("/api/profiles/alice?writeKey=\(key)", [.authorization: "Bearer \(token)"]),
                ("/api/segments?writeKey=\(key)", [:]),
                ("/dashboard?writeKey=\(key)", [:]),
            ]
            for (uri, headers) in refused {
                try await client.execute(uri: uri, method: .get, headers: headers) { r in
                    #expect(r.status == .forbidden, "\(uri)")
                    #expect(problem(r)["field"] as? String == "writeKey", "\(uri)")
                    let text = String(buffer: r.body)
                    #expect(!text.contains("alice"), "\(uri)")
                }
            }
            // The same reads with the token alone succeed, so the refusal is about the key.
            try await client.execute(uri: "/api/events", method: .get, headers: [.authorization: "Bearer \(token)"]) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("alice@example.com"))
            }
        }
    }
}
