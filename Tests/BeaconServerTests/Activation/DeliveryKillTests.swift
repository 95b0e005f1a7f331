import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Kills `beacon serve` with SIGKILL while thousands of activations are in flight: after a
/// restart every effect is delivered and the receiver applies each `webhook-id` once.
@Suite(
    "Delivery survives kill -9", .serialized,
    .enabled(if: WebhookReceiver.python != nil, WebhookReceiver.skipReason),
    .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
struct DeliveryKillTests {
    static let events = 10_000

    @Test("10,000 event activations, SIGKILL mid-delivery: every one applied exactly once after restart")
    func sigkill() async throws {
        let binary = try #require(DurabilityTests.binary)
        let receiver = try WebhookReceiver()
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-kill-\(UUID().uuidString)")
            .path
        var environment = ProcessInfo.processInfo.environment
        environment["BEACON_SECRET_KEY"] = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        // Short leases so the restarted server takes over what the killed one had claimed.
        environment["BEACON_DELIVERY_LEASE"] = "3"
        environment["BEACON_DELIVERY_TIMEOUT"] = "2"
        let created = try await runProcess(
            binary.path, ["workspace", "create", "kill", "--data-dir", dataDir], environment: environment)
        #expect(created.status == 0, "\(created.stderr)")
        let key = try #require(
            created.stdout.split(separator: "\n").first { $0.hasPrefix("write key: ") }.map { String($0.dropFirst(11)) }
        )
        let token = try await runProcess(
            binary.path, ["token", "create", "--workspace", "kill", "--data-dir", dataDir], environment: environment)
        let bearer = try #require(
            token.stdout.split(separator: "\n").first { $0.hasPrefix("API token: ") }.map { String($0.dropFirst(11)) })

        let port = Int.random(in: 20_000..<40_000)
        var server = try start(binary, dataDir: dataDir, port: port, environment: environment)
        try await DurabilityTests().waitHealthy(port: port)
        let secret = "whsec_" + Data((0..<24).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        try await receiver.control("orders", ["secrets": [secret]])
        let (status, body) = try await post(
            port, "/api/destinations", bearer,
            ["name": "orders", "type": "webhook", "url": receiver.url("orders"), "secret": secret])
        #expect(status == 201)
        let destination = try #require(body["id"] as? String)
        #expect(body["secret"] as? String == secret)
        let (activated, _) = try await post(
            port, "/api/activations", bearer, ["event": "Order Completed", "destination": destination])
        #expect(activated == 201)

        // 10,000 orders from 500 customers, 500 per request.
        for start in stride(from: 0, to: Self.events, by: 500) {
            let ids = (start..<start + 500).map { "order-\($0)" }
            let status = try await postOrders(port: port, key: key, ids: ids)
            #expect(status == 200)
        }
        let before = try await receiver.wait("orders", seconds: 120) { $0.unique >= 1_000 }
        server.send(SIGKILL)
        await server.exited()
        #expect(before.unique < Self.events, "all were delivered before the kill; nothing was in flight")

        server = try start(binary, dataDir: dataDir, port: port, environment: environment)
        let after = try await receiver.wait("orders", seconds: 300) { $0.unique >= Self.events }
        server.send(SIGKILL)
        await server.exited()
        receiver.stop()

        #expect(after.badSignatures == 0)
        #expect(after.unique == Self.events)
        // Each order is one webhook-id, and each webhook-id one order: applied exactly once.
        let orders = after.payloads.values.compactMap {
            try? JSONValue.parse(Data($0.utf8))["event"]?["messageId"]?.stringValue
        }
        #expect(orders.count == Self.events)
        #expect(Set(orders) == Set((0..<Self.events).map { "order-\($0)" }))
        print("kill -9 at \(before.unique) applied; redelivered after restart with the same id: \(after.duplicates)")
    }

    func start(_ binary: URL, dataDir: String, port: Int, environment: [String: String]) throws -> ChildProcess {
        try ChildProcess(
            binary.path, ["serve", "--data-dir", dataDir, "--port", String(port), "--log-level", "error"],
            environment: environment)
    }

    func post(_ port: Int, _ path: String, _ token: String, _ json: [String: Any]) async throws -> (Int, [String: Any])
    {
        var r = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        r.httpMethod = "POST"
        r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        r.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        r.httpBody = try JSONSerialization.data(withJSONObject: json)
        let (data, response) = try await URLSession.shared.data(for: r)
        return (
            (response as? HTTPURLResponse)?.statusCode ?? 0,
            (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        )
    }

    func postOrders(port: Int, key: String, ids: [String]) async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/batch")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Basic " + Data("\(key):".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let items = ids.enumerated().map { i, id in
            #"{"type":"track","userId":"c-\#(i % 1_000)","event":"Order Completed","messageId":"\#(id)","properties":{"total":\#(i)}}"#
        }
        request.httpBody = Data(#"{"batch":[\#(items.joined(separator: ","))]}"#.utf8)
        request.timeoutInterval = 30
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}
