import Foundation
import NIOPosix
import Testing

@testable import BeaconEngine

/// Webhook connections kept alive per host (`NIOWebhookTransport` with its `WebhookConnectionPool`),
/// against the real Python receiver, which counts the connections each endpoint was posted on
/// and verifies every signature with PyPI `standardwebhooks`.
@Suite("Webhook keep-alive", .serialized, .enabled(if: WebhookReceiver.python != nil, WebhookReceiver.skipReason))
struct WebhookKeepAliveTests {
    static let secret = "whsec_" + Data((0..<24).map { UInt8($0 * 7 % 256) }).base64EncodedString()

    static func request(_ url: String, id: String, timeout: TimeInterval = 60) throws -> WebhookRequest {
        let body = Data(#"{"id":"\#(id)"}"#.utf8)
        let timestamp = Int64(Date().timeIntervalSince1970)
        let signature = try WebhookSignature.header(id: id, timestamp: timestamp, body: body, secrets: [secret])
        return WebhookRequest(
            url: URL(string: url)!,
            headers: [
                ("Content-Type", "application/json"), ("webhook-id", id), ("webhook-timestamp", String(timestamp)),
                ("webhook-signature", signature),
            ],
            body: body, timeout: timeout)
    }

    @Test("forty requests in turn travel on one connection; four at a time on four")
    func reuse() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        // An idle timeout no loaded machine reaches between two requests.
        let pool = WebhookConnectionPool(idleTimeout: .seconds(600))
        let transport = NIOWebhookTransport(group: MultiThreadedEventLoopGroup.singleton, pool: pool)
        let endpoint = "seq-\(UUID().uuidString.prefix(8))"
        try await receiver.control(endpoint, ["secrets": [Self.secret]])
        for i in 0..<40 {
            let response = await transport.send(try Self.request(receiver.url(endpoint), id: "msg-\(i)"))
            #expect(response.status == 204, "\(response.detail)")
        }
        var stats = try await receiver.stats(endpoint)
        #expect(stats.unique == 40 && stats.badSignatures == 0 && stats.duplicates == 0)
        #expect(stats.connections == 1)
        #expect(pool.idleCount("127.0.0.1:\(receiver.port)") == 1)

        let parallel = "par-\(UUID().uuidString.prefix(8))"
        try await receiver.control(parallel, ["secrets": [Self.secret]])
        for round in 0..<10 {
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for j in 0..<4 {
                    let r = try Self.request(receiver.url(parallel), id: "p-\(round)-\(j)")
                    group.addTask { await transport.send(r).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == [204, 204, 204, 204])
        }
        stats = try await receiver.stats(parallel)
        #expect(stats.unique == 40 && stats.duplicates == 0)
        // The one idle connection from the first part, plus at most three more.
        #expect(stats.connections <= 4)
        pool.closeAll()
        #expect(pool.idleCount("127.0.0.1:\(receiver.port)") == 0)
    }

    @Test("a server that closes each connection after answering still gets every request once")
    func closedByServer() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let transport = NIOWebhookTransport(group: MultiThreadedEventLoopGroup.singleton, pool: WebhookConnectionPool())
        let endpoint = "close-\(UUID().uuidString.prefix(8))"
        try await receiver.control(endpoint, ["secrets": [Self.secret], "closeAfterAnswer": true])
        for i in 0..<30 {
            let response = await transport.send(try Self.request(receiver.url(endpoint), id: "c-\(i)"))
            #expect(response.status == 204, "request \(i): \(response.detail)")
        }
        let stats = try await receiver.stats(endpoint)
        #expect(stats.unique == 30 && stats.duplicates == 0 && stats.received == 30)
        #expect(stats.connections == 30)
    }

    @Test("idle connections are closed after the idle timeout; a timed-out request's connection is not kept")
    func idleAndTimeout() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let key = "127.0.0.1:\(receiver.port)"
        let endpoint = "idle-\(UUID().uuidString.prefix(8))"
        try await receiver.control(endpoint, ["secrets": [Self.secret]])
        let shortLived = WebhookConnectionPool(idleTimeout: .seconds(8))
        let idling = NIOWebhookTransport(group: MultiThreadedEventLoopGroup.singleton, pool: shortLived)
        #expect(await idling.send(try Self.request(receiver.url(endpoint), id: "i-1")).status == 204)
        #expect(shortLived.idleCount(key) == 1)
        let deadline = Date().addingTimeInterval(60)
        while shortLived.idleCount(key) > 0, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(shortLived.idleCount(key) == 0)
        #expect(await idling.send(try Self.request(receiver.url(endpoint), id: "i-2")).status == 204)
        #expect(try await receiver.stats(endpoint).connections == 2)

        let kept = WebhookConnectionPool(idleTimeout: .seconds(600))
        let transport = NIOWebhookTransport(group: MultiThreadedEventLoopGroup.singleton, pool: kept)
        #expect(await transport.send(try Self.request(receiver.url(endpoint), id: "i-3")).status == 204)
        #expect(kept.idleCount(key) == 1)
        // The stalled request takes the idle connection; timed out, it is closed, not kept.
        let stalled = "stall-\(UUID().uuidString.prefix(8))"
        try await receiver.control(stalled, ["secrets": [Self.secret], "mode": "stall", "stall": 5])
        let response = await transport.send(try Self.request(receiver.url(stalled), id: "s-1", timeout: 0.5))
        #expect(response.status == 0 && response.detail == "timed out")
        #expect(kept.idleCount(key) == 0)
    }
}
