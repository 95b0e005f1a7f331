import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// Audience sync end to end: events folded into profiles queue changes in the outbox, the
/// delivery worker sends them as vendor batches to the recorded-reply server on loopback and
/// settles each member by the reply; reconciliation queues only the difference. On SQLite
/// and, when `BEACON_TEST_POSTGRES_URL` is set, PostgreSQL.
@Suite(
    "Audience sync delivery", .serialized,
    .enabled(if: VendorReplayServer.python != nil, VendorReplayServer.skipReason))
struct AudienceSyncDeliveryTests {
    static var backends: [String] {
        !TestPostgres.isAvailable ? ["sqlite"] : ["sqlite", "postgres"]
    }

    static let quick = DeliverySettings(
        retry: RetryPolicy(maxAttempts: 4, initialDelay: 0.05, multiplier: 2, maxDelay: 1, jitter: 0.2), maxInFlight: 8,
        lease: 180, requestTimeout: 60, pollInterval: 0.02, refreshInterval: 0.1, breakerThreshold: 50,
        breakerCooldown: 0.2)

    static func runtime(_ backend: String) async throws -> BeaconRuntime {
        let box = SecretBox.random()
        let stores: Stores
        if backend == "postgres" {
            stores = try await StoreFactory.open(
                databaseURL: try await TestPostgres.url(), dataDirectory: "",
                logger: Logger(label: "test"))
        } else {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-audience-\(UUID().uuidString)")
            stores = try await StoreFactory.open(databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        }
        return BeaconRuntime(stores: stores, secrets: { box }, delivery: quick)
    }

    static func identify(_ runtime: BeaconRuntime, key: String, _ items: [(String, [String: String])]) async throws {
        let events = items.map { user, traits in
            JSONValue.object([
                "type": "identify", "userId": .string(user), "messageId": .string(UUID().uuidString),
                "traits": .object(traits.mapValues(JSONValue.string)),
            ]).serialized()
        }
        let body = #"{"batch":[\#(events.joined(separator: ","))]}"#
        _ = try await runtime.ingest.ingest(body: Array(body.utf8), endpoint: .batch, writeKey: key)
    }

    /// Waits until `condition` holds for the destination's messages (newest first), for at most 60 s.
    static func waitFor(
        _ runtime: BeaconRuntime, _ ws: String, _ d: String, until condition: ([OutboxMessage]) -> Bool
    ) async throws -> [OutboxMessage] {
        var log: [OutboxMessage] = []
        for _ in 0..<1200 {
            log = try await runtime.activation.messages(workspaceId: ws, destinationId: d, state: nil, limit: 100)
            if condition(log) { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return log
    }

    @Test(
        "Mailchimp: a refused member alone is retried with backoff; trait changes of members update; exits unsubscribe",
        arguments: backends)
    func mailchimpEndToEnd(_ backend: String) async throws {
        let server = try VendorReplayServer()
        let replies = try VendorReplayServer.replies("mailchimp")
        let runtime = try await Self.runtime(backend)
        let (ws, key) = try await runtime.workspaces.create(name: "aud-\(UUID().uuidString.prefix(8))")
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        let segment = try await runtime.profiles.saveSegment(workspaceId: ws.id, name: "Pro", rule: ["plan": "pro"])
            .segment
        let d = try await runtime.activation.createAudienceDestination(
            workspaceId: ws.id, name: "mc", type: "mailchimp", apiKey: "0123-us6", listId: "abc123", url: server.baseURL)
        #expect(!d.sealedSecrets[0].contains("0123-us6"))
        _ = try await runtime.activation.activateSegment(
            workspaceId: ws.id, segment: segment.id, destination: d.id, on: ["entered", "exited"])

        // Both enter in one step, so the worker's first claim takes both into one call.
        try await Self.identify(
            runtime, key: key,
            [("u-ann", ["email": "ann@example.com", "plan": "pro"]), ("u-cy", ["email": "cy@fake.example", "plan": "pro"])])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        try await server.script([
            ("POST", "/3.0/lists/abc123", replies["batch_partial"]!), ("POST", "/3.0/lists/abc123", replies["batch_ok"]!),
            ("POST", "/3.0/lists/abc123", replies["batch_ok"]!), ("POST", "/3.0/lists/abc123", replies["batch_ok"]!),
        ])
        let delivery = Task { await runtime.delivery.run() }
        defer { delivery.cancel() }

        var log = try await Self.waitFor(runtime, ws.id, d.id) { $0.count == 2 && $0.allSatisfy { $0.state == .delivered } }
        // Keyed without trapping on a repeated person: a duplicate is a failed expectation, not a crashed run.
        let users = log.map { AudienceSyncChange(message: $0)?.userId ?? "" }
        #expect(users.sorted() == ["u-ann", "u-cy"], "\(log)")
        let byUser = Dictionary(zip(users, log), uniquingKeysWith: { first, _ in first })
        #expect(byUser["u-ann"]?.attempts == 1)
        // cy was refused inside the 200, went back with backoff and landed alone on the next call.
        #expect(byUser["u-cy"]?.attempts == 2 && byUser["u-cy"]?.state == .delivered)
        var requests = try await server.requests()
        #expect(requests.map { $0.json?["members"]?.arrayValue?.count ?? 0 } == [2, 1])
        #expect(requests[1].json?["members"]?.arrayValue?.first?["email_address"] == "cy@fake.example")

        // A synced trait of a member changes: one update; a trait that is not synced: nothing.
        try await Self.identify(runtime, key: key, [("u-ann", ["first_name": "Ann"])])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        try await Self.identify(runtime, key: key, [("u-ann", ["favourite_colour": "teal"])])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        log = try await Self.waitFor(runtime, ws.id, d.id) { $0.count == 3 && $0.allSatisfy { $0.state == .delivered } }
        #expect(log.count == 3)
        requests = try await server.requests()
        let update = requests.last?.json?["members"]?.arrayValue?.first
        #expect(update?["merge_fields"] == ["FNAME": "Ann"] && update?["status"] == "subscribed")

        // ann leaves the segment: unsubscribed.
        try await Self.identify(runtime, key: key, [("u-ann", ["plan": "free"])])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        log = try await Self.waitFor(runtime, ws.id, d.id) { $0.count == 4 && $0.allSatisfy { $0.state == .delivered } }
        requests = try await server.requests()
        #expect(requests.count == 4)
        #expect(requests.last?.json?["members"] == [["email_address": "ann@example.com", "status": "unsubscribed", "merge_fields": ["FNAME": "Ann"]]])
        let schema = try MiniJSONSchema(named: "mailchimp_batch_list_members")
        #expect(requests.allSatisfy { schema.violations(body: $0.body).isEmpty })
        let stats = await runtime.delivery.stats.snapshot()[d.id]
        #expect(stats?.delivered == 4 && stats?.retrying == 1)
        delivery.cancel()
        try await runtime.close()
    }

    @Test("reconciliation queues only the difference from what the destination confirmed", arguments: backends)
    func reconciliation(_ backend: String) async throws {
        let runtime = try await Self.runtime(backend)
        let (ws, key) = try await runtime.workspaces.create(name: "rec-\(UUID().uuidString.prefix(8))")
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        let segment = try await runtime.profiles.saveSegment(workspaceId: ws.id, name: "Pro", rule: ["plan": "pro"])
            .segment
        try await Self.identify(
            runtime, key: key,
            [
                ("a", ["email": "a@example.com", "plan": "pro"]), ("b", ["email": "b@example.com", "plan": "pro"]),
                ("c", ["email": "c@example.com", "plan": "pro"]), ("d", ["email": "d@example.com", "plan": "free"]),
                ("e", ["email": "e@example.com", "plan": "pro"]),
            ])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        let d = try await runtime.activation.createAudienceDestination(
            workspaceId: ws.id, name: "kl", type: "klaviyo", apiKey: "pk_x", listId: "L", url: "http://127.0.0.1:9")
        let a = try await runtime.activation.activateSchedule(
            workspaceId: ws.id, segment: segment.id, destination: d.id, everyHours: 6)

        // What the destination confirmed before: a as it is, b with an older name, d as a
        // member (d has left), e removed (e is a member again); c was never sent.
        let t0 = Date()
        func profile(_ user: String) async throws -> Profile {
            let id = try #require(
                try await runtime.stores.profiles.profileId(workspaceId: ws.id, identifierValue: user, kind: "user_id"))
            return try #require(try await runtime.stores.profiles.profile(workspaceId: ws.id, id: id))
        }
        var olderB = try await profile("b")
        olderB.traits["first_name"] = TraitValue(value: "Old", at: t0, source: "s", seq: 1)
        let pa = try await profile("a"), pd = try await profile("d"), pe = try await profile("e")
        let confirmed: [(Profile, AudienceSyncChange.Operation)] = [(pa, .add), (olderB, .add), (pd, .add), (pe, .remove)]
        let messages = confirmed.map { p, op in
            OutboxMessage(
                workspaceId: ws.id, id: OutboxMessage.key(cause: "before", profile: p.id, destination: d.id),
                destinationId: d.id, orderKey: p.id, cause: "before",
                payload: ActivationPayload.audienceChange(op, segmentId: segment.id, profile: p, workspaceId: ws.id, at: t0),
                nextAttemptAt: t0, createdAt: t0)
        }
        try await runtime.stores.outbox.enqueue(messages)
        let claimed = try await runtime.stores.outbox.claim(
            destinationId: d.id, owner: "t", now: Date(), leaseUntil: Date().addingTimeInterval(60), limit: 10)
        #expect(claimed.count == 4)
        try await runtime.stores.outbox.settle(
            claimed.map { (claimed: OutboxMessage) -> OutboxMessage in
                var m = claimed
                m.state = .delivered
                m.attempts = 1
                m.deliveredAt = t0
                return m
            }, owner: "t")

        let report = try await runtime.activation.syncAudience(workspaceId: ws.id, activationId: a.id)
        #expect(report == AudienceSyncReport(added: 2, updated: 1, removed: 1, unchanged: 1))
        let queued = try await runtime.activation.messages(workspaceId: ws.id, destinationId: d.id, state: .pending, limit: 10)
        var kinds: [String: String] = [:]
        for m in queued {
            let change = try #require(AudienceSyncChange(message: m))
            kinds[change.email ?? ""] = change.operation.rawValue
        }
        #expect(kinds == ["b@example.com": "update", "c@example.com": "add", "d@example.com": "remove", "e@example.com": "add"])
        // Run again before anything was delivered: the pending ones wait, nothing more is queued.
        let again = try await runtime.activation.syncAudience(workspaceId: ws.id, activationId: a.id)
        #expect(again == AudienceSyncReport(unchanged: 1, waiting: 4))
        #expect(try await runtime.activation.counts(workspaceId: ws.id, destinationId: d.id)[.pending] == 4)

        // The scheduler runs the schedule once at start, then not again within its 6 hours.
        let ids = [ws.id]
        let scheduler = AudienceSyncScheduler(service: runtime.activation, workspaces: { ids })
        #expect(await scheduler.runDue()[a.id] == AudienceSyncReport(unchanged: 1, waiting: 4))
        #expect(await scheduler.runDue().isEmpty)
        try await runtime.close()
    }
}
