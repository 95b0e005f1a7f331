import BeaconEngine
import BeaconServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Tenancy over HTTP")
struct TenancyTests {
    @Test("A write key of workspace A can neither write into nor read from workspace B")
    func isolation() async throws {
        let server = try await TestServer.make()
        let (b, keyB) = try await server.runtime.workspaces.create(name: "other")
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
            try await client.execute(uri: "/api/events", method: .get, headers: [.authorization: server.basic()]) { r in
                #expect(r.status == .ok)
                let text = String(buffer: r.body)
                #expect(text.contains("alice") && !text.contains("bob"))
            }
            try await client.execute(uri: "/api/events", method: .get, headers: [.authorization: server.basic(keyB)]) { r in
                let text = String(buffer: r.body)
                #expect(text.contains("bob") && !text.contains("alice"))
            }
            try await client.execute(uri: "/api/events", method: .get, headers: [.authorization: server.basic("bk_forged")]) { r in
                #expect(r.status == .unauthorized)
            }
            try await client.execute(uri: "/api/events?limit=0", method: .get, headers: [.authorization: server.basic()]) { r in
                #expect(r.status == .badRequest)
            }
        }
        #expect(try await server.runtime.stores.events.eventCount(in: server.workspace.id) == 1)
        #expect(try await server.runtime.stores.events.eventCount(in: b.id) == 1)
    }
}
