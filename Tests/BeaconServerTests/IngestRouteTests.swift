import BeaconCore
import BeaconEngine
import BeaconServer
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Tracking API routes")
struct IngestRouteTests {
    static let validBodies: [(String, String)] = [
        ("track", #"{"userId":"u1","event":"Signed Up","properties":{"plan":"pro"}}"#),
        ("identify", #"{"userId":"u1","traits":{"email":"a@example.com"}}"#),
        ("page", #"{"anonymousId":"a1","name":"Home","properties":{"path":"/"}}"#),
        ("screen", #"{"userId":"u1","name":"Dashboard"}"#),
        ("group", #"{"userId":"u1","groupId":"g1","traits":{"name":"Acme"}}"#),
        ("alias", #"{"userId":"u1","previousId":"a1"}"#),
        ("batch", #"{"batch":[{"type":"track","userId":"u1","event":"A"},{"type":"identify","userId":"u1"}]}"#),
        ("import", #"{"batch":[{"type":"page","anonymousId":"a2","timestamp":"2020-01-01T00:00:00Z"}]}"#),
    ]

    static let invalidBodies: [(String, String, String)] = [
        ("track", #"{"userId":"u1"}"#, "event"),
        ("identify", #"{"traits":{}}"#, "userId"),
        ("page", #"{"anonymousId":"a1","properties":"x"}"#, "properties"),
        ("screen", #"{"userId":"u1","timestamp":"soon"}"#, "timestamp"),
        ("group", #"{"userId":"u1"}"#, "groupId"),
        ("alias", #"{"userId":"u1"}"#, "previousId"),
        ("batch", #"{"batch":[{"type":"track","userId":"u1","event":"A"},{"type":"track","userId":"u1"}]}"#, "batch[1].event"),
        ("import", #"{"batch":"nope"}"#, "batch"),
    ]

    @Test("Every endpoint accepts a valid call and stores it", arguments: validBodies.map(\.0))
    func valid(endpoint: String) async throws {
        let server = try await TestServer.make()
        let body = Self.validBodies.first { $0.0 == endpoint }!.1
        try await server.app().test(.router) { client in
            try await client.execute(
                uri: "/v1/\(endpoint)", method: .post,
                headers: [.authorization: server.basic(), .contentType: "application/json"], body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"success":true}"#)
            }
        }
        let expected = endpoint == "batch" ? 2 : 1
        #expect(try await server.storedEvents().count == expected)
    }

    @Test("Every endpoint refuses an invalid call with a problem naming the field", arguments: invalidBodies.map(\.0))
    func invalid(endpoint: String) async throws {
        let server = try await TestServer.make()
        let (_, body, field) = Self.invalidBodies.first { $0.0 == endpoint }!
        try await server.app().test(.router) { client in
            try await client.execute(
                uri: "/v1/\(endpoint)", method: .post,
                headers: [.authorization: server.basic(), .contentType: "application/json"], body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(problem(response)["field"] as? String == field)
            }
        }
        #expect(try await server.storedEvents().isEmpty)
    }

    @Test("401 for a missing or unknown key, 415 for a non-JSON type, 413 for a huge body, 400 for broken JSON")
    func refusals() async throws {
        let server = try await TestServer.make()
        let body = ByteBuffer(string: #"{"userId":"u1","event":"E"}"#)
        try await server.app().test(.router) { client in
            try await client.execute(uri: "/v1/track", method: .post, headers: [.contentType: "application/json"], body: body) { r in
                #expect(r.status == .unauthorized)
                #expect(problem(r)["field"] as? String == "writeKey")
            }
            try await client.execute(uri: "/v1/track", method: .post,
                                     headers: [.authorization: server.basic("bk_wrong"), .contentType: "application/json"], body: body) { r in
                #expect(r.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/track", method: .post,
                                     headers: [.authorization: server.basic(), .contentType: "application/x-www-form-urlencoded"], body: body) { r in
                #expect(r.status == .unsupportedMediaType)
            }
            let huge = ByteBuffer(string: #"{"userId":"u1","event":"E","properties":{"x":"\#(String(repeating: "z", count: 40_000))"}}"#)
            try await client.execute(uri: "/v1/track", method: .post,
                                     headers: [.authorization: server.basic(), .contentType: "application/json"], body: huge) { r in
                #expect(r.status == .contentTooLarge)
            }
            try await client.execute(uri: "/v1/batch", method: .post,
                                     headers: [.authorization: server.basic(), .contentType: "application/json"], body: ByteBuffer(string: "{\"batch\": [")) { r in
                #expect(r.status == .badRequest)
                #expect(problem(r)["field"] as? String == "(body)")
            }
            try await client.execute(uri: "/v1/track", method: .post,
                                     headers: [.authorization: server.basic(), .contentType: "application/json", .contentEncoding: "gzip"],
                                     body: ByteBuffer(string: "not gzip")) { r in
                #expect(r.status == .badRequest)
            }
        }
        #expect(try await server.storedEvents().isEmpty)
    }

    @Test("writeKey in the body authenticates; a repeated messageId is 200 and stored once")
    func bodyKeyAndDedupe() async throws {
        let server = try await TestServer.make()
        let body = ByteBuffer(string: #"{"writeKey":"\#(server.writeKey)","userId":"u1","event":"E","messageId":"same"}"#)
        try await server.app().test(.router) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/v1/track", method: .post, headers: [.contentType: "application/json"], body: body) { r in
                    #expect(r.status == .ok)
                }
            }
        }
        #expect(try await server.storedEvents().map(\.event.messageId) == ["same"])
    }

    @Test("Gzip bodies are inflated")
    func gzip() async throws {
        let server = try await TestServer.make()
        let json = #"{"batch":[{"type":"track","userId":"u1","event":"Zipped","messageId":"z1"}]}"#
        let compressed = try Gzip.compress(Array(json.utf8))
        try await server.app().test(.router) { client in
            try await client.execute(uri: "/v1/batch", method: .post,
                                     headers: [.authorization: server.basic(), .contentType: "application/json", .contentEncoding: "gzip"],
                                     body: ByteBuffer(bytes: compressed)) { r in
                #expect(r.status == .ok)
            }
        }
        #expect(try await server.storedEvents().map(\.event.event) == ["Zipped"])
    }

    @Test("/healthz and /metrics report the store and ingest counters")
    func healthAndMetrics() async throws {
        let server = try await TestServer.make()
        try await server.app().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("\"store\":\"sqlite\""))
            }
            try await client.execute(uri: "/v1/track", method: .post, headers: [.authorization: server.basic(), .contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"userId":"u","event":"E"}"#)) { _ in }
            try await client.execute(uri: "/v1/track", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"userId":"u","event":"E"}"#)) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { r in
                let text = String(buffer: r.body)
                #expect(text.contains("beacon_events_accepted_total 1"))
                #expect(text.contains("beacon_ingest_rejected_total{status=\"401\"} 1"))
                #expect(text.contains("beacon_http_request_duration_seconds_bucket"))
            }
        }
    }
}
