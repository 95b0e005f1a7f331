import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// Deliveries from the outbox to the real Python receiver, which checks every signature with
/// PyPI `standardwebhooks`, on SQLite and (when `BEACON_TEST_POSTGRES_URL` is set) PostgreSQL.
@Suite("Webhook delivery", .serialized, .enabled(if: WebhookReceiver.python != nil, WebhookReceiver.skipReason))
struct WebhookDeliveryTests {
    static var backends: [String] {
        !TestPostgres.isAvailable ? ["sqlite"] : ["sqlite", "postgres"]
    }

    /// Fast retries so a test sees several attempts in well under a second.
    static let quick = DeliverySettings(
        retry: RetryPolicy(maxAttempts: 3, initialDelay: 0.05, multiplier: 2, maxDelay: 1, jitter: 0.2), maxInFlight: 8,
        lease: 180, requestTimeout: 60, pollInterval: 0.02, refreshInterval: 0.1, breakerThreshold: 50,
        breakerCooldown: 0.2)

    static func runtime(_ backend: String, settings: DeliverySettings = quick, file: String = #fileID) async throws -> BeaconRuntime {
        let box = SecretBox.random()
        let stores: Stores
        if backend == "postgres" {
            stores = try await StoreFactory.open(
                databaseURL: try await TestPostgres.url(file: file), dataDirectory: "",
                logger: Logger(label: "test"))
        } else {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "beacon-delivery-\(UUID().uuidString)")
            stores = try await StoreFactory.open(
                databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        }
        return BeaconRuntime(stores: stores, secrets: { box }, delivery: settings)
    }

    static func ingest(_ runtime: BeaconRuntime, key: String, _ events: [String]) async throws {
        let body = #"{"batch":[\#(events.joined(separator: ","))]}"#
        _ = try await runtime.ingest.ingest(body: Array(body.utf8), endpoint: .batch, writeKey: key)
    }

    @Test(
        "a segment entry and exit reach the receiver signed, with user id, email and external ids; retries keep the id",
        arguments: backends)
    func segmentChanges(_ backend: String) async throws {
        let receiver = try WebhookReceiver()
        let runtime = try await Self.runtime(backend)
        let (ws, key) = try await runtime.workspaces.create(name: "hooks-\(UUID().uuidString.prefix(8))")
        let endpoint = "seg-\(UUID().uuidString.prefix(8))"
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        let segment = try await runtime.profiles.saveSegment(workspaceId: ws.id, name: "Pro", rule: ["plan": "pro"])
            .segment
        let (destination, secret) = try await runtime.activation.createDestination(
            workspaceId: ws.id, name: "crm", type: "webhook", url: receiver.url(endpoint), secret: nil)
        #expect(secret.hasPrefix("whsec_"))
        #expect(!destination.sealedSecrets[0].contains(secret.dropFirst(6)))
        // The first two attempts of each message fail (503, Retry-After 0): the third lands.
        try await receiver.control(endpoint, ["secrets": [secret], "failFirst": 2, "status": 503, "retryAfter": 0])
        _ = try await runtime.activation.activateSegment(
            workspaceId: ws.id, segment: segment.id, destination: destination.id, on: ["entered", "exited"])
        let delivery = Task { await runtime.delivery.run() }
        defer { delivery.cancel() }

        try await Self.ingest(
            runtime, key: key,
            [
                #"{"type":"identify","userId":"u-1","messageId":"m1","traits":{"email":"Ann@Example.com","plan":"pro"},"context":{"externalIds":[{"id":"cus_42","type":"stripe_customer_id","collection":"users","encoding":"none"}]}}"#
            ])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        var stats = try await receiver.wait(endpoint, seconds: 90) { $0.unique == 1 }
        #expect(stats.unique == 1)
        try await Self.ingest(
            runtime, key: key, [#"{"type":"identify","userId":"u-1","messageId":"m2","traits":{"plan":"free"}}"#])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        stats = try await receiver.wait(endpoint, seconds: 90) { $0.unique == 2 }
        #expect(stats.unique == 2)
        #expect(stats.badSignatures == 0)

        let payloads = stats.payloads.values.compactMap { try? JSONValue.parse(Data($0.utf8)) }
        let types = payloads.compactMap { $0["type"]?.stringValue }.sorted()
        #expect(types == ["segment.entered", "segment.exited"])
        for p in payloads {
            #expect(p["segment"]?["id"]?.stringValue == segment.id)
            #expect(p["profile"]?["userId"]?.stringValue == "u-1")
            #expect(p["profile"]?["email"]?.stringValue == "ann@example.com")
            let external = p["profile"]?["externalIds"]?.arrayValue ?? []
            #expect(external.contains { $0["id"]?.stringValue == "u-1" })
        }
        // Every id was tried three times, always under the same id, and applied once.
        #expect(stats.attempts.values.sorted() == [3, 3])
        #expect(stats.ids.values.allSatisfy { $0 == 1 })
        // The receiver answers before the worker settles: wait for the log to catch up.
        var log: [OutboxMessage] = []
        for _ in 0..<400 {
            log = try await runtime.activation.messages(
                workspaceId: ws.id, destinationId: destination.id, state: nil, limit: 10)
            if log.allSatisfy({ $0.state == .delivered }) { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(log.map(\.state) == [.delivered, .delivered])
        #expect(Set(log.map(\.id)) == Set(stats.ids.keys))
        #expect(log.allSatisfy { $0.attempts == 3 && $0.lastStatus == 204 })
        receiver.stop()
        try await runtime.close()
    }

    @Test("a tracked event matching name and properties is sent once per event; others are not", arguments: backends)
    func trackedEvents(_ backend: String) async throws {
        let receiver = try WebhookReceiver()
        let runtime = try await Self.runtime(backend)
        let (ws, key) = try await runtime.workspaces.create(name: "events-\(UUID().uuidString.prefix(8))")
        let endpoint = "ev-\(UUID().uuidString.prefix(8))"
        let (destination, secret) = try await runtime.activation.createDestination(
            workspaceId: ws.id, name: "orders", type: "webhook", url: receiver.url(endpoint), secret: nil)
        try await receiver.control(endpoint, ["secrets": [secret]])
        _ = try await runtime.activation.activateEvent(
            workspaceId: ws.id, event: "Order Completed", properties: ["currency": "EUR"], destination: destination.id)
        let delivery = Task { await runtime.delivery.run() }
        defer { delivery.cancel() }
        try await Self.ingest(
            runtime, key: key,
            [
                #"{"type":"track","userId":"u-1","event":"Order Completed","messageId":"o1","properties":{"currency":"EUR","total":20}}"#,
                #"{"type":"track","userId":"u-2","event":"Order Completed","messageId":"o2","properties":{"currency":"USD"}}"#,
                #"{"type":"track","userId":"u-1","event":"Product Viewed","messageId":"o3","properties":{"currency":"EUR"}}"#,
                #"{"type":"track","anonymousId":"a-9","event":"Order Completed","messageId":"o4","properties":{"currency":"EUR"}}"#,
            ])
        // The same events again are duplicates: nothing new is queued.
        try await Self.ingest(
            runtime, key: key,
            [
                #"{"type":"track","userId":"u-1","event":"Order Completed","messageId":"o1","properties":{"currency":"EUR","total":20}}"#
            ])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        let stats = try await receiver.wait(endpoint, seconds: 90) { $0.unique >= 2 }
        try await Task.sleep(for: .milliseconds(300))
        let final = try await receiver.stats(endpoint)
        #expect(final.unique == 2)
        #expect(final.badSignatures == 0)
        let events = stats.payloads.values.compactMap { try? JSONValue.parse(Data($0.utf8)) }
        #expect(Set(events.compactMap { $0["event"]?["messageId"]?.stringValue }) == ["o1", "o4"])
        #expect(Set(events.compactMap { $0["profile"]?["userId"]?.stringValue }) == ["u-1"])
        receiver.stop()
        try await runtime.close()
    }

    @Test("after a secret rotation a receiver holding either secret verifies", arguments: ["sqlite"])
    func rotation(_ backend: String) async throws {
        let receiver = try WebhookReceiver()
        let runtime = try await Self.runtime(backend)
        let (ws, _) = try await runtime.workspaces.create(name: "rotate-\(UUID().uuidString.prefix(8))")
        let old = "old-\(UUID().uuidString.prefix(8))", new = "new-\(UUID().uuidString.prefix(8))"
        let (d, first) = try await runtime.activation.createDestination(
            workspaceId: ws.id, name: "a", type: "webhook", url: receiver.url(old), secret: nil)
        let (rotated, second) = try await runtime.activation.rotateSecret(workspaceId: ws.id, id: d.id)
        #expect(first != second && rotated.sealedSecrets.count == 2)
        let (d2, _) = try await runtime.activation.createDestination(
            workspaceId: ws.id, name: "b", type: "webhook", url: receiver.url(new), secret: first)
        _ = try await runtime.activation.rotateSecret(workspaceId: ws.id, id: d2.id)
        // One receiver knows only the old secret, the other only the new one of its destination.
        try await receiver.control(old, ["secrets": [first]])
        let d2Secret = try await runtime.activation.rotateSecret(workspaceId: ws.id, id: d2.id).secret
        try await receiver.control(new, ["secrets": [d2Secret]])
        _ = try await runtime.activation.sendTest(workspaceId: ws.id, destinationId: d.id)
        _ = try await runtime.activation.sendTest(workspaceId: ws.id, destinationId: d2.id)
        let delivery = Task { await runtime.delivery.run() }
        defer { delivery.cancel() }
        let a = try await receiver.wait(old, seconds: 90) { $0.unique == 1 }
        let b = try await receiver.wait(new, seconds: 90) { $0.unique == 1 }
        #expect(a.unique == 1 && a.badSignatures == 0)
        #expect(b.unique == 1 && b.badSignatures == 0)
        receiver.stop()
        try await runtime.close()
    }

    @Test(
        "410 disables the destination; out of attempts a message is dead, and replay delivers it", arguments: backends)
    func goneAndDeadLetters(_ backend: String) async throws {
        let receiver = try WebhookReceiver()
        let runtime = try await Self.runtime(backend)
        let (ws, _) = try await runtime.workspaces.create(name: "dead-\(UUID().uuidString.prefix(8))")
        let gone = "gone-\(UUID().uuidString.prefix(8))", failing = "fail-\(UUID().uuidString.prefix(8))"
        let (g, gSecret) = try await runtime.activation.createDestination(
            workspaceId: ws.id, name: "gone", type: "webhook", url: receiver.url(gone), secret: nil)
        let (f, fSecret) = try await runtime.activation.createDestination(
            workspaceId: ws.id, name: "failing", type: "webhook", url: receiver.url(failing), secret: nil)
        try await receiver.control(gone, ["secrets": [gSecret], "mode": "gone"])
        try await receiver.control(failing, ["secrets": [fSecret], "mode": "fail", "status": 500])
        _ = try await runtime.activation.sendTest(workspaceId: ws.id, destinationId: g.id)
        let m = try await runtime.activation.sendTest(workspaceId: ws.id, destinationId: f.id)
        let delivery = Task { await runtime.delivery.run() }
        defer { delivery.cancel() }

        var disabled = try await runtime.activation.destination(workspaceId: ws.id, id: g.id)
        var dead: [OutboxMessage] = []
        for _ in 0..<400 {
            disabled = try await runtime.activation.destination(workspaceId: ws.id, id: g.id)
            dead = try await runtime.activation.messages(
                workspaceId: ws.id, destinationId: f.id, state: .dead, limit: 10)
            if disabled.state == .disabled, !dead.isEmpty { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(disabled.state == .disabled)
        #expect(disabled.stateReason?.contains("410") == true)
        // The disabled destination got one request and was not tried again.
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await receiver.stats(gone).received == 1)
        #expect(dead.map(\.id) == [m.id])
        #expect(dead.first?.attempts == 3 && dead.first?.lastStatus == 500)

        try await receiver.control(failing, ["mode": "ok"])
        #expect(try await runtime.activation.replay(workspaceId: ws.id, destinationId: f.id, ids: nil) == 1)
        let stats = try await receiver.wait(failing, seconds: 90) { $0.unique == 1 }
        #expect(stats.ids == [m.id: 1])
        #expect(stats.attempts[m.id] == 4)
        var counts = await runtime.delivery.stats.snapshot()
        for _ in 0..<400 where counts[f.id]?.delivered != 1 {
            try await Task.sleep(for: .milliseconds(25))
            counts = await runtime.delivery.stats.snapshot()
        }
        #expect(counts[f.id]?.retrying == 2 && counts[f.id]?.dead == 1 && counts[f.id]?.delivered == 1)
        receiver.stop()
        try await runtime.close()
    }
}
