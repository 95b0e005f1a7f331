import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Segment size replayed from history")
struct SegmentSizeReplayTests {
    /// Weekly points k = 140, 133, …, 7, 0 days before the fixture's now.
    static let daysAgo = stride(from: 140, through: 0, by: -7).map { Double($0) }

    @Test("Lifetime value over time: orders and a refund as of each week, hand-counted", arguments: ProfileBackend.available)
    func lifetimeValue(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        // u3 spent 2,000 200 days ago: a member throughout. u1 spent 600 90 days ago and
        // 600 more 30 days ago: a member from 30 days ago. u2, first seen 50 days ago, spent
        // 1,500 then and had 800 refunded 10 days ago: a member from 49 to 14 days ago.
        try await f.send([
            f.event(.track, user: "u3", name: "Order Completed", daysAgo: 200, properties: ["revenue": 2000]),
            f.event(.track, user: "u1", name: "Order Completed", daysAgo: 90, properties: ["revenue": 600]),
            f.event(.track, user: "u1", name: "Order Completed", daysAgo: 30, properties: ["total": 600]),
            f.event(.track, user: "u2", name: "Order Completed", daysAgo: 50, properties: ["revenue": 1500]),
            f.event(.track, user: "u2", name: "Order Refunded", daysAgo: 10, properties: ["revenue": 800]),
        ])
        let ws = f.workspace.id
        _ = try await f.engine.saveSegment(workspaceId: ws, name: "Big spenders", rule: ["lifetime_value": ["gt": 1000]])
        let sizes = try #require(
            try await f.engine.replayedSizes(workspaceId: ws, segmentId: "big-spenders", through: ProfileFixture.now, points: 20))
        #expect(sizes.map(\.at) == Self.daysAgo.map { ProfileFixture.now.addingTimeInterval(-$0 * 86_400) })
        let expected = Self.daysAgo.map { k in 1 + (k <= 28 ? 1 : 0) + (k <= 49 && k >= 14 ? 1 : 0) }
        #expect(sizes.map(\.size) == expected)
        // The last point is now: the live membership.
        #expect(sizes.last?.size == (try await f.engine.members(workspaceId: ws, segmentId: "big-spenders")).count)
        #expect(try await f.engine.replayedSizes(workspaceId: ws, segmentId: "nope", through: ProfileFixture.now) == nil)
    }

    @Test("Event conditions see only the events before each point; traits from when they were set", arguments: ProfileBackend.available)
    func eventsAndTraits(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        // u1 viewed twice (60 and 20 days ago): "viewed at least twice" from 20 days ago.
        // u2 was first seen 100 days ago and became gold 45 days ago.
        try await f.send([
            f.event(.track, user: "u1", name: "Product Viewed", daysAgo: 60),
            f.event(.track, user: "u1", name: "Product Viewed", daysAgo: 20),
            f.event(.track, user: "u2", name: "Product Viewed", daysAgo: 100),
            f.event(.identify, user: "u2", daysAgo: 45, traits: ["plan": "gold"]),
        ])
        let ws = f.workspace.id
        _ = try await f.engine.saveSegment(
            workspaceId: ws, name: "Repeat viewers", rule: ["event": ["name": "Product Viewed", "count": ["gte": 2]]])
        _ = try await f.engine.saveSegment(workspaceId: ws, name: "Gold", rule: ["plan": "gold"])
        let viewers = try #require(
            try await f.engine.replayedSizes(workspaceId: ws, segmentId: "repeat-viewers", through: ProfileFixture.now, points: 20))
        #expect(viewers.map(\.size) == Self.daysAgo.filter { $0 <= 105 }.map { $0 <= 14 ? 1 : 0 })
        let gold = try #require(
            try await f.engine.replayedSizes(workspaceId: ws, segmentId: "gold", through: ProfileFixture.now, points: 20))
        // Points start one week before the first profile was seen (100 days ago).
        #expect(gold.map(\.at).first == ProfileFixture.now.addingTimeInterval(-105 * 86_400))
        #expect(gold.map(\.size) == Self.daysAgo.filter { $0 <= 105 }.map { $0 <= 42 ? 1 : 0 })
    }

    @Test("Above the sample limit an evenly spread sample is replayed and scaled up", arguments: ProfileBackend.available)
    func sampled(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        // Ten customers in log order, alternating big and small spenders: a sample of every
        // other one (limit 5) would see only one kind, every fifth (limit 2) sees one of each.
        try await f.send((0..<10).map { n in
            f.event(.track, user: "u\(n)", name: "Order Completed", daysAgo: 30, properties: ["revenue": n < 5 ? 2000 : 10])
        })
        let ws = f.workspace.id
        _ = try await f.engine.saveSegment(workspaceId: ws, name: "Big spenders", rule: ["lifetime_value": ["gt": 1000]])
        func last(_ sample: Int?) async throws -> Int? {
            try await f.engine.replayedSizes(workspaceId: ws, segmentId: "big-spenders", through: ProfileFixture.now, points: 1,
                                             sampleLimit: sample)?.last?.size
        }
        #expect(try await last(nil) == 5)
        #expect(try await last(100) == 5)
        // Every fifth in log order: u0 (member) and u5 (not), scaled by 10 / 2.
        #expect(try await last(2) == 5)
        // Every other one: u0, u2, u4 (members), u6, u8 (not), scaled by 10 / 5.
        #expect(try await last(5) == 6)
    }

    @Test("A profile replayed at or after its last event is itself; before its first, absent")
    func replayBounds() {
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        var p = Profile(id: "p-1", createdSeq: 1, at: t0)
        p.orders.addOrder(revenue: 50, at: t0)
        p.lastSeen = t0.addingTimeInterval(86_400)
        p.orders.addOrder(revenue: 70, at: p.lastSeen)
        p.eventCount = 2
        let history = [
            Activity.orderCompleted: [
                Activity(name: Activity.orderCompleted, timestamp: t0, properties: ["revenue": 50]),
                Activity(name: Activity.orderCompleted, timestamp: p.lastSeen, properties: ["revenue": 70]),
            ]
        ]
        #expect(p.replayed(asOf: p.lastSeen, history: history) == p)
        #expect(p.replayed(asOf: t0.addingTimeInterval(-1), history: history) == nil)
        let halfway = try! #require(p.replayed(asOf: t0.addingTimeInterval(3_600), history: history))
        #expect(halfway.orders.count == 1 && halfway.orders.lifetimeValue == 50 && halfway.orders.lastAt == t0)
        #expect(halfway.eventCount == 1 && halfway.lastSeen == t0)
    }
}
