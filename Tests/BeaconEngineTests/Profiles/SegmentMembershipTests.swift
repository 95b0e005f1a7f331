import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Segment membership")
struct SegmentMembershipTests {
    static let rules: [(String, JSONValue)] = [
        ("Big spenders", ["lifetime_value": ["gt": 150]]),
        ("Repeat", ["all": [["order_count": ["gte": 2]], ["not": ["plan": "free"]]]]),
        ("Recent buyers", ["event": ["name": "Order Completed", "count": ["gte": 2], "within_days": 30, "where": ["revenue": ["gt": 20]]]]),
        ("Engaged or pro", ["any": [["email_engagement_score": ["gte": 20]], ["plan": ["in": ["pro"]]]]]),
    ]

    @Test("live membership after a random event stream equals a full recompute", arguments: ProfileBackend.available)
    func liveEqualsFull(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend, pageSize: 11)
        var ids: [String] = []
        for (name, rule) in Self.rules {
            ids.append(try await f.engine.saveSegment(workspaceId: f.workspace.id, name: name, rule: rule).segment.id)
        }
        var rng = Xoshiro256StarStar(seed: 7)
        for round in 0..<12 {
            var batch: [Event] = []
            for _ in 0..<(1 + rng.nextInt(below: 12)) {
                let user = rng.nextBool(probability: 0.7) ? "u\(rng.nextInt(below: 15))" : nil
                let anon = "a\(rng.nextInt(below: 25))"
                let days = Double(rng.nextInt(below: 60))
                switch rng.nextInt(below: 5) {
                case 0: batch.append(f.event(.identify, user: user, anon: anon, daysAgo: days,
                                             traits: ["plan": .string(["free", "plus", "pro"][rng.nextInt(below: 3)])]))
                case 1, 2: batch.append(f.event(.track, user: user, anon: anon, name: "Order Completed", daysAgo: days,
                                                properties: ["revenue": .number(Double(5 + rng.nextInt(below: 100)))]))
                case 3: batch.append(f.event(.track, user: user, anon: anon, name: "Email Opened", daysAgo: days))
                default: batch.append(f.event(.alias, user: "u\(rng.nextInt(below: 15))", previous: anon, daysAgo: days))
                }
            }
            try await f.send(batch)
            // Live memberships (stored) match evaluating every rule over every stored profile.
            let stored = try await f.profileStore.allSegmentMembers(workspaceId: f.workspace.id)
            for (id, (_, rule)) in zip(ids, Self.rules) {
                let full = try await f.engine.preview(workspaceId: f.workspace.id, rule: rule, sample: 1_000)
                #expect(Set(full.sample.map(\.id)) == stored[id] ?? [], "round \(round), segment \(id)")
            }
        }
        let before = try await f.profileStore.allSegmentMembers(workspaceId: f.workspace.id)
        let sizes = try await f.engine.recomputeSegments(workspaceId: f.workspace.id)
        #expect(try await f.profileStore.allSegmentMembers(workspaceId: f.workspace.id) == before)
        #expect(sizes[ids[0]] == before[ids[0]]?.count ?? 0)
        let changes = try await f.profileStore.membershipChanges(workspaceId: f.workspace.id, segmentId: ids[0], after: nil, limit: 10_000)
        // Replaying entered/exited gives the current members.
        var replay: Set<String> = []
        for c in changes { if c.kind == .entered { replay.insert(c.profileId) } else { replay.remove(c.profileId) } }
        #expect(replay == before[ids[0]] ?? [])
    }

    @Test("entered and exited are recorded as a profile crosses a threshold; system segments exist", arguments: ProfileBackend.available)
    func enteredExited(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        try await f.send([f.event(.identify, user: "u1", traits: ["plan": "plus"])])
        let segments = try await f.profileStore.segments(workspaceId: f.workspace.id)
        #expect(segments.filter(\.system).count == SystemSegments.all.count)
        try await f.send([f.event(.track, user: "u1", name: "Order Completed", properties: ["revenue": 1500])])
        #expect(try await f.engine.members(workspaceId: f.workspace.id, segmentId: "vip-customers").count == 1)
        try await f.send([f.event(.track, user: "u1", name: "Order Refunded", properties: ["revenue": 1000])])
        #expect(try await f.engine.members(workspaceId: f.workspace.id, segmentId: "vip-customers").isEmpty)
        let changes = try await f.profileStore.membershipChanges(workspaceId: f.workspace.id, segmentId: "vip-customers", after: nil, limit: 10)
        #expect(changes.map(\.kind) == [.entered, .exited])
        // Prime for Subscription: 3 orders, AOV > 75, no active subscription.
        try await f.send((0..<3).map { _ in f.event(.track, user: "u2", name: "Order Completed", properties: ["revenue": 80]) })
        let prime = try await f.engine.members(workspaceId: f.workspace.id, segmentId: "prime-for-subscription")
        #expect(prime.count == 1)
    }

    @Test("workspaces never see each other's profiles or members", arguments: ProfileBackend.available)
    func isolation(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        let other = try await f.store.workspaces.createWorkspace(name: "o-\(UUID().uuidString.prefix(8).lowercased())")
        try await f.send([f.event(.identify, user: "same-user", traits: ["email": "same@x.io"]),
                          f.event(.track, user: "same-user", name: "Order Completed", properties: ["revenue": 2000])])
        try await f.send([f.event(.identify, user: "same-user", traits: ["email": "same@x.io"])], workspace: other)
        let mine = try await f.profileStore.profileId(workspaceId: f.workspace.id, identifierValue: "same-user", kind: nil)
        let theirs = try await f.profileStore.profileId(workspaceId: other.id, identifierValue: "same-user", kind: nil)
        #expect(mine != nil && theirs != nil)
        #expect(try await f.profileStore.profile(workspaceId: other.id, id: theirs!)?.orders.count == 0)
        #expect(try await f.engine.members(workspaceId: f.workspace.id, segmentId: "vip-customers").count == 1)
        #expect(try await f.engine.members(workspaceId: other.id, segmentId: "vip-customers").isEmpty)
        #expect(try await f.profileStore.searchProfiles(workspaceId: other.id, prefix: "same", limit: 10).count == 1)
        #expect(try await f.profileStore.profileCount(workspaceId: other.id) == 1)
    }

    @Test("overlap counts and Jaccard, preview, revenue contribution")
    func overlap() async throws {
        var f = try await ProfileFixture.make(.sqlite)
        try await f.send([
            f.event(.track, user: "a", name: "Order Completed", properties: ["revenue": 300]),
            f.event(.track, user: "b", name: "Order Completed", properties: ["revenue": 100]),
            f.event(.track, user: "b", name: "Order Completed", properties: ["revenue": 100]),
            f.event(.track, user: "c", name: "Order Completed", properties: ["revenue": 50]),
        ])
        let big = try await f.engine.saveSegment(workspaceId: f.workspace.id, name: "Big", rule: ["lifetime_value": ["gte": 200]])
        let repeatBuyers = try await f.engine.saveSegment(workspaceId: f.workspace.id, name: "Repeat", rule: ["order_count": ["gte": 2]])
        #expect(big.size == 2)
        #expect(repeatBuyers.size == 1)
        let o = try await f.engine.overlap(workspaceId: f.workspace.id, segmentIds: [big.segment.id, repeatBuyers.segment.id])
        #expect(o == [SegmentOverlap(a: "big", b: "repeat", sizeA: 2, sizeB: 1, both: 1, jaccard: 0.5)])
        let share = try await f.engine.revenueContribution(workspaceId: f.workspace.id, segmentId: "big")
        #expect(share.revenue == 500)
        #expect(share.total == 550)
        let preview = try await f.engine.preview(workspaceId: f.workspace.id, rule: ["lifetime_value": ["lt": 200]], sample: 5)
        #expect(preview.count == 1)
        #expect(preview.sample.first?.identifier(Identifier.userId) == "c")
    }
}
