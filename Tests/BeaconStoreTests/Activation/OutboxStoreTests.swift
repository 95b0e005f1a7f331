import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite("Outbox store")
struct OutboxStoreTests {
    let t0 = Timestamp.parse("2026-01-05T10:00:00Z")!

    func message(_ ws: String, _ dest: String, profile: String, cause: String, at: Date) -> OutboxMessage {
        OutboxMessage(
            workspaceId: ws, id: OutboxMessage.key(cause: cause, profile: profile, destination: dest),
            destinationId: dest, orderKey: profile, cause: cause, payload: #"{"cause":"\#(cause)"}"#,
            nextAttemptAt: at, createdAt: at)
    }

    func destination(_ ws: String) -> Destination {
        Destination(
            workspaceId: ws, id: "dst_" + uniqueName(), name: uniqueName("hook"), kind: .webhook,
            url: "http://127.0.0.1:9/hook", sealedSecrets: ["sealed"], createdAt: t0)
    }

    @Test(
        "a message queued twice is stored once; one per profile is claimed, in order", arguments: StoreBackend.available
    )
    func orderAndIdempotency(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ws = try await store.workspaces.createWorkspace(name: uniqueName()).id
        let d = destination(ws)
        try await store.activations.createDestination(d)
        let a1 = message(ws, d.id, profile: "p-a", cause: "c1", at: t0)
        let a2 = message(ws, d.id, profile: "p-a", cause: "c2", at: t0)
        let b1 = message(ws, d.id, profile: "p-b", cause: "c1", at: t0)
        try await store.outbox.enqueue([a1, a2, b1])
        try await store.outbox.enqueue([a1, b1])
        #expect(try await store.outbox.counts(workspaceId: ws, destinationId: d.id) == [.pending: 3])

        // Only the head of each profile's queue: a1 and b1, never a2 while a1 is pending.
        let lease = t0.addingTimeInterval(30)
        let first = try await store.outbox.claim(
            destinationId: d.id, owner: "w1", now: t0, leaseUntil: lease, limit: 10)
        #expect(first.map(\.id) == [a1.id, b1.id])
        // Leased rows are not claimed again by another worker until the lease expires.
        #expect(
            try await store.outbox.claim(destinationId: d.id, owner: "w2", now: t0, leaseUntil: lease, limit: 10)
                .isEmpty)

        var delivered = first[0]
        delivered.state = .delivered
        delivered.attempts = 1
        delivered.deliveredAt = t0
        delivered.lastStatus = 204
        #expect(try await store.outbox.settle(delivered, owner: "w1"))
        // a2 follows a1 once a1 is delivered; b1 is still leased.
        let second = try await store.outbox.claim(
            destinationId: d.id, owner: "w1", now: t0, leaseUntil: lease, limit: 10)
        #expect(second.map(\.id) == [a2.id])
        // After the lease expires, another worker takes b1; the first worker's late settle is refused.
        let later = t0.addingTimeInterval(31)
        let taken = try await store.outbox.claim(
            destinationId: d.id, owner: "w2", now: later, leaseUntil: later.addingTimeInterval(30), limit: 10)
        #expect(taken.map(\.id).sorted() == [a2.id, b1.id].sorted())
        var stale = first[1]
        stale.state = .delivered
        #expect(try await !store.outbox.settle(stale, owner: "w1"))
        #expect(try await store.outbox.message(workspaceId: ws, id: b1.id)?.state == .pending)
    }

    @Test(
        "a retried message waits for its next attempt; dead messages replay with fresh attempts",
        arguments: StoreBackend.available)
    func retryDeadReplay(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ws = try await store.workspaces.createWorkspace(name: uniqueName()).id
        let d = destination(ws)
        try await store.activations.createDestination(d)
        let m = message(ws, d.id, profile: "p-a", cause: "c1", at: t0)
        try await store.outbox.enqueue([m])
        var claimed = try await store.outbox.claim(
            destinationId: d.id, owner: "w", now: t0, leaseUntil: t0.addingTimeInterval(30), limit: 5)
        #expect(claimed.count == 1)
        claimed[0].attempts = 1
        claimed[0].nextAttemptAt = t0.addingTimeInterval(60)
        claimed[0].lastStatus = 503
        claimed[0].lastError = "unavailable"
        #expect(try await store.outbox.settle(claimed[0], owner: "w"))
        let early = t0.addingTimeInterval(59)
        #expect(
            try await store.outbox.claim(destinationId: d.id, owner: "w", now: early, leaseUntil: early, limit: 5)
                .isEmpty)
        let due = t0.addingTimeInterval(60)
        claimed = try await store.outbox.claim(
            destinationId: d.id, owner: "w", now: due, leaseUntil: due.addingTimeInterval(30), limit: 5)
        #expect(claimed.map(\.attempts) == [1])
        #expect(claimed.first?.lastStatus == 503)
        claimed[0].attempts = 2
        claimed[0].state = .dead
        #expect(try await store.outbox.settle(claimed[0], owner: "w"))
        #expect(
            try await store.outbox.messages(workspaceId: ws, destinationId: d.id, state: .dead, limit: 10).map(\.id)
                == [m.id])
        #expect(
            try await store.outbox.claim(destinationId: d.id, owner: "w", now: due, leaseUntil: due, limit: 5).isEmpty)

        #expect(
            try await store.outbox.replay(workspaceId: ws, destinationId: d.id, ids: ["msg_unknown"], now: due) == 0)
        #expect(try await store.outbox.replay(workspaceId: ws, destinationId: d.id, ids: nil, now: due) == 1)
        let replayed = try await store.outbox.message(workspaceId: ws, id: m.id)
        #expect(replayed?.state == .pending)
        #expect(replayed?.attempts == 0)
    }

    @Test("messages of a projection step are committed with it", arguments: StoreBackend.available)
    func committedWithChange(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ws = try await store.workspaces.createWorkspace(name: uniqueName()).id
        let d = destination(ws)
        try await store.activations.createDestination(d)
        var changes = ProfileChangeSet(workspaceId: ws, lastSeq: 7, mergeCount: 0)
        changes.upserts = [Profile(id: "p-1", createdSeq: 1, at: t0)]
        changes.entered = [("vip", "p-1")]
        changes.outbox = [message(ws, d.id, profile: "p-1", cause: "segment:vip:entered@7", at: t0)]
        try await store.profiles.apply(changes)
        // The same step applied again (a replay after a crash) queues nothing new.
        try await store.profiles.apply(changes)
        #expect(try await store.profiles.profileCheckpoint(workspaceId: ws).lastSeq == 7)
        let queued = try await store.outbox.messages(workspaceId: ws, destinationId: d.id, state: .pending, limit: 10)
        #expect(queued.map(\.cause) == ["segment:vip:entered@7"])
        #expect(queued.first?.payload == #"{"cause":"segment:vip:entered@7"}"#)
    }

    @Test(
        "destinations and activations are stored per workspace; deleting a destination removes its queue",
        arguments: StoreBackend.available)
    func destinationsAndActivations(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ws = try await store.workspaces.createWorkspace(name: uniqueName()).id
        var d = destination(ws)
        try await store.activations.createDestination(d)
        await #expect(throws: StoreError.self) {
            var twin = d
            twin.id = "dst_other"
            try await store.activations.createDestination(twin)
        }
        let a = Activation(
            workspaceId: ws, id: "act_1", destinationId: d.id, trigger: .segment(id: "vip", on: [.entered, .exited]),
            createdAt: t0)
        let e = Activation(
            workspaceId: ws, id: "act_2", destinationId: d.id,
            trigger: .event(name: "Order Completed", properties: ["currency": .string("EUR")]), createdAt: t0)
        try await store.activations.createActivation(a)
        try await store.activations.createActivation(e)
        #expect(try await store.activations.activations(workspaceId: ws) == [a, e])
        d.state = .disabled
        d.stateReason = "410 Gone"
        d.sealedSecrets = ["new", "old"]
        try await store.activations.updateDestination(d)
        #expect(try await store.activations.destination(workspaceId: ws, id: d.id) == d)
        try await store.outbox.enqueue([message(ws, d.id, profile: "p", cause: "c", at: t0)])
        #expect(try await store.activations.deleteDestination(workspaceId: ws, id: d.id))
        #expect(try await store.activations.activations(workspaceId: ws).isEmpty)
        #expect(try await store.outbox.counts(workspaceId: ws, destinationId: d.id).isEmpty)
        #expect(try await !store.activations.deleteDestination(workspaceId: ws, id: d.id))
    }
}
