import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// Alerts on unusual days delivered through the outbox to the real webhook receiver (signatures
/// checked with PyPI `standardwebhooks`), each flag once, on SQLite and PostgreSQL.
@Suite("Anomaly alerts", .serialized, .enabled(if: WebhookReceiver.python != nil, WebhookReceiver.skipReason))
struct AnomalyAlertTests {
    /// 12 weeks of 5–7 orders of $20 on weekdays and 8–10 at weekends; day 45 (2025-02-20) has 50.
    static func shop() -> [Event] {
        let start = Timestamp.parse("2025-01-06T12:00:00Z")!
        var rng = Xoshiro256StarStar(seed: 3)
        var events: [Event] = []
        for day in 0..<84 {
            let weekend = day % 7 >= 5
            let n = day == 45 ? 50 : (weekend ? 8 : 5) + rng.nextInt(below: 3)
            for k in 0..<n {
                let t = start.addingTimeInterval(Double(day) * 86_400 + Double(k))
                events.append(
                    Event(
                        messageId: "o-\(day)-\(k)", type: .track, userId: "c\(k)", event: "Order Completed",
                        timestamp: t, receivedAt: t,
                        properties: .object(["order_id": .string("o-\(day)-\(k)"), "revenue": .number(20)])))
            }
        }
        return events
    }

    @Test(
        "A spike in orders and revenue alerts the destination once per flag, whatever the number of runs",
        arguments: WebhookDeliveryTests.backends)
    func spikeAlertsOnce(_ backend: String) async throws {
        let receiver = try WebhookReceiver()
        let runtime = try await WebhookDeliveryTests.runtime(backend)
        let (ws, _) = try await runtime.workspaces.create(name: "alerts-\(UUID().uuidString.prefix(8))")
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: Self.shop())])
        let endpoint = "alerts-\(UUID().uuidString.prefix(8))"
        let (destination, secret) = try await runtime.activation.createDestination(
            workspaceId: ws.id, name: "ops", type: "webhook", url: receiver.url(endpoint), secret: nil)
        try await receiver.control(endpoint, ["secrets": [secret]])
        // Bad configuration names the field and stores nothing.
        await #expect(throws: ActivationError.self) {
            try await runtime.activation.activateAlerts(
                workspaceId: ws.id, destination: "dst_nope", series: ["revenue"], email: nil)
        }
        _ = try await runtime.activation.activateAlerts(
            workspaceId: ws.id, destination: destination.id, series: ["revenue", "orders"], email: nil)

        // The events series flags the same day but is not configured: two alerts.
        let first = try await runtime.activation.scanAndAlert(workspaceId: ws.id, asOf: nil, days: 45)
        #expect(first.alerts.contains { $0.series == "events" && $0.day == "2025-02-20" })
        #expect(first.queued.count == 2)
        let again = try await runtime.activation.scanAndAlert(workspaceId: ws.id, asOf: nil, days: 45)
        #expect(again.queued.isEmpty, "a flag already queued is not queued again")

        let delivery = Task { await runtime.delivery.run() }
        defer { delivery.cancel() }
        let stats = try await receiver.wait(endpoint, seconds: 90) { $0.unique == 2 }
        #expect(stats.unique == 2 && stats.duplicates == 0 && stats.badSignatures == 0)
        let ordersKey = OutboxMessage.key(
            cause: "alert:anomaly:orders@2025-02-20", profile: "", destination: destination.id)
        #expect(stats.ids[ordersKey] != nil, "the webhook-id is the flag's idempotency key")
        let payloads = stats.payloads.values.compactMap { try? JSONValue.parse(Data($0.utf8)) }
        #expect(Set(payloads.compactMap { $0["series"]?.stringValue }) == ["orders", "revenue"])
        for p in payloads {
            #expect(p["type"]?.stringValue == "anomaly.flagged")
            #expect(p["day"]?.stringValue == "2025-02-20" && p["direction"]?.stringValue == "spike")
            #expect(p["workspace"]?.stringValue == ws.id)
            let value = p["value"]?.doubleValue ?? 0, upper = p["upper"]?.doubleValue ?? .infinity
            #expect(value > upper)
        }
        #expect(payloads.first { $0["series"]?.stringValue == "orders" }?["value"]?.doubleValue == 50)
        #expect(payloads.first { $0["series"]?.stringValue == "revenue" }?["value"]?.doubleValue == 1000)

        // A later run after delivery still sends nothing new.
        let third = try await runtime.activation.scanAndAlert(workspaceId: ws.id, asOf: nil, days: 45)
        #expect(third.queued.isEmpty)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await receiver.stats(endpoint).received == stats.received)
        try await runtime.close()
    }

    @Test("Failed data checks alert the destinations that want them, as check.failed, once per day", arguments: WebhookDeliveryTests.backends)
    func checkAlerts(_ backend: String) async throws {
        let receiver = try WebhookReceiver()
        let runtime = try await WebhookDeliveryTests.runtime(backend)
        let (ws, _) = try await runtime.workspaces.create(name: "checks-\(UUID().uuidString.prefix(8))")
        var events = Self.shop()
        // The shop's last day (2025-03-30) also has search spend of 80 on each of its last three
        // days, and an order of 35 sent with only an anonymous id that is never identified.
        let lastDay = Timestamp.parse("2025-03-30T18:00:00Z")!
        for back in 0..<3 {
            events.append(
                Spend(channel: "search", day: lastDay.addingTimeInterval(-Double(back) * 86_400), amount: 80, currency: nil)
                    .event(receivedAt: lastDay))
        }
        events.append(
            Event(
                messageId: "anon-1", type: .track, anonymousId: "visitor-9", event: "Order Completed", timestamp: lastDay,
                receivedAt: lastDay, properties: .object(["order_id": .string("anon-1"), "revenue": .number(35)])))
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: events)])
        let endpoint = "checks-\(UUID().uuidString.prefix(8))"
        let (destination, secret) = try await runtime.activation.createDestination(
            workspaceId: ws.id, name: "ops", type: "webhook", url: receiver.url(endpoint), secret: nil)
        try await receiver.control(endpoint, ["secrets": [secret]])
        _ = try await runtime.activation.activateAlerts(
            workspaceId: ws.id, destination: destination.id, series: ["orders_without_identity"], email: nil)

        let run = try await runtime.activation.scanAndAlert(workspaceId: ws.id, asOf: nil, days: 7)
        let check = try #require(run.alerts.first { $0.series == "orders_without_identity" })
        #expect(check.kind == .check && check.value == 1 && check.day == "2025-03-30")
        #expect(check.text.contains("anon-1") && check.text.contains("35.00"), "\(check.text)")
        // Every day of the week had orders: spend without revenue passed, so it raised nothing.
        #expect(!run.alerts.contains { $0.series == "spend_without_revenue" })
        #expect(run.queued.count == 1)
        #expect(try await runtime.activation.scanAndAlert(workspaceId: ws.id, asOf: nil, days: 7).queued.isEmpty)

        let delivery = Task { await runtime.delivery.run() }
        defer { delivery.cancel() }
        let stats = try await receiver.wait(endpoint, seconds: 90) { $0.unique == 1 }
        let payload = try #require(stats.payloads.values.first.flatMap { try? JSONValue.parse(Data($0.utf8)) })
        #expect(payload["type"]?.stringValue == "check.failed" && payload["series"]?.stringValue == "orders_without_identity")
        try await runtime.close()
    }

    @Test("The server's alert scan covers the workspaces with alert activations, each once per flag", arguments: WebhookDeliveryTests.backends)
    func everywhere(_ backend: String) async throws {
        let runtime = try await WebhookDeliveryTests.runtime(backend)
        let suffix = UUID().uuidString.prefix(8)
        let (watched, _) = try await runtime.workspaces.create(name: "watched-\(suffix)")
        let (quiet, _) = try await runtime.workspaces.create(name: "quiet-\(suffix)")
        for ws in [watched, quiet] {
            _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: Self.shop())])
        }
        let (destination, _) = try await runtime.activation.createDestination(
            workspaceId: watched.id, name: "ops", type: "webhook", url: "http://127.0.0.1:9/hook", secret: nil)
        _ = try await runtime.activation.activateAlerts(
            workspaceId: watched.id, destination: destination.id, series: ["revenue", "orders"], email: nil)
        // The spike (2025-02-20) is 39 days before the last event: a 45-day look finds it.
        let first = await runtime.activation.alertEverywhere(days: 45)
        #expect(first[quiet.id] == nil, "a workspace without alert activations is not scanned")
        #expect((try? first[watched.id]?.get()) == 2)
        let again = await runtime.activation.alertEverywhere(days: 45)
        #expect((try? again[watched.id]?.get()) == 0)
        try await runtime.close()
    }
}
