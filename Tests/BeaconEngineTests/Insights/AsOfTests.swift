import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// "As of a date" worked out by hand: the workspace's today, time-based rules measured to it,
/// and customer insights and predictions at an earlier date.
@Suite("As of a date")
struct AsOfTests {
    @Test("Today is the last event, capped at the wall clock; a YYYY-MM-DD date means the end of that day")
    func today() throws {
        let wall = Timestamp.parse("2025-06-01T12:00:00Z")!
        let old = Timestamp.parse("2011-12-09T12:50:00Z")!
        #expect(WorkspaceToday.date(lastEvent: old, wallClock: wall) == old)
        #expect(WorkspaceToday.date(lastEvent: wall.addingTimeInterval(86_400), wallClock: wall) == wall)
        #expect(WorkspaceToday.date(lastEvent: nil, wallClock: wall) == wall)
        #expect(WorkspaceToday.endOfDay(parsing: "2011-12-09") == Timestamp.parse("2011-12-09T23:59:59Z"))
        #expect(WorkspaceToday.endOfDay(parsing: "2011-12-9") == nil)
        #expect(WorkspaceToday.endOfDay(parsing: "yesterday") == nil)
        #expect(WorkspaceToday.dayNumber(old) == 15_317)  // 2011-12-09: 41 years + 10 leap days + 342 days
    }

    /// u1 orders 100 (100 days before the fixture's wall clock) and 50 (40 days before); u2
    /// orders 30 (70 days before) and gets 10 back (65 days before); u3 orders 20 (31 days
    /// before) — the last event. Each event is also `counter` seconds after its day's midnight.
    func workspace(_ backend: ProfileBackend) async throws -> ProfileFixture {
        var f = try await ProfileFixture.make(backend)
        let events = [
            f.event(
                .track, user: "u1", name: "Order Completed", daysAgo: 100,
                properties: ["revenue": 100, "order_id": "a"]),
            f.event(
                .track, user: "u1", name: "Order Completed", daysAgo: 40, properties: ["revenue": 50, "order_id": "b"]),
            f.event(
                .track, user: "u2", name: "Order Completed", daysAgo: 70, properties: ["revenue": 30, "order_id": "c"]),
            f.event(
                .track, user: "u2", name: "Order Refunded", daysAgo: 65, properties: ["total": 10, "order_id": "c"]),
            f.event(
                .track, user: "u3", name: "Order Completed", daysAgo: 31, properties: ["revenue": 20, "order_id": "d"]),
        ]
        try await f.send(events)
        return f
    }

    @Test(
        "Rules, insights and predictions are measured to the workspace's last event",
        arguments: ProfileBackend.available)
    func measuredToLastEvent(_ backend: ProfileBackend) async throws {
        let f = try await workspace(backend)
        let ws = f.workspace.id
        let today = try await f.engine.today(workspaceId: ws)
        #expect(today == ProfileFixture.now.addingTimeInterval(-31 * 86_400 + 5))
        // days_since_order as of today: u1 9 (40 − 31 days, 3 s more), u2 39, u3 0.
        #expect(
            try await f.engine.preview(workspaceId: ws, rule: ["days_since_order": ["lt": 10]], sample: 0).count == 2)
        #expect(
            try await f.engine.preview(workspaceId: ws, rule: ["days_since_order": ["lt": 9]], sample: 0).count == 1)
        #expect(
            try await f.engine.preview(workspaceId: ws, rule: ["days_since_order": ["gte": 39]], sample: 0).count == 1)

        let now = try await f.engine.customerInsights(workspaceId: ws)
        #expect(now.asOf == today)
        let byId = Dictionary(uniqueKeysWithValues: now.customers.map { ($0.customerId, $0) })
        #expect(byId["u1"].map { [$0.recencyDays, $0.frequency] } == [9, 2])
        #expect(byId["u1"]?.monetary == 150)
        #expect(byId["u2"].map { [$0.recencyDays, $0.frequency] } == [39, 1])
        #expect(byId["u2"]?.monetary == 20)  // a refund's amount counts as negative whatever its sign
        #expect(byId["u3"].map { [$0.recencyDays, $0.frequency] } == [0, 1])
        #expect(now.health.first { $0.band == .unscored }?.count == 0)
    }

    @Test("An earlier as-of date leaves later orders, refunds and customers out", arguments: ProfileBackend.available)
    func earlierDate(_ backend: ProfileBackend) async throws {
        let f = try await workspace(backend)
        let ws = f.workspace.id
        // 60 days before the wall clock: 2025-04-02, the whole day.
        let asOf = try #require(WorkspaceToday.endOfDay(parsing: "2025-04-02"))
        let then = try await f.engine.customerInsights(workspaceId: ws, asOf: asOf)
        #expect(then.profiles == 2)  // u3 was not seen yet
        let byId = Dictionary(uniqueKeysWithValues: then.customers.map { ($0.customerId, $0) })
        #expect(Set(byId.keys) == ["u1", "u2"])
        // u1: only the first order (2025-02-21), 40 days before; u2: ordered 2025-03-23, refund by then.
        #expect(byId["u1"].map { [$0.recencyDays, $0.frequency] } == [40, 1])
        #expect(byId["u1"]?.monetary == 100)
        #expect(byId["u2"].map { [$0.recencyDays, $0.frequency] } == [10, 1])
        #expect(byId["u2"]?.monetary == 20)

        // Rules see each profile as it stood then: u1's later order and u3 do not count.
        // days_since_order as of the end of 2025-04-02: u1 40 (2025-02-21), u2 10.
        #expect(
            try await f.engine.preview(workspaceId: ws, rule: ["days_since_order": ["lt": 30]], sample: 0, asOf: asOf)
                .count == 1)
        #expect(
            try await f.engine.preview(workspaceId: ws, rule: ["order_count": ["gte": 1]], sample: 0, asOf: asOf).count
                == 2)
        #expect(
            try await f.engine.preview(workspaceId: ws, rule: ["lifetime_value": ["gt": 100]], sample: 0, asOf: asOf)
                .count == 0)

        _ = try await f.engine.refreshPredictions(workspaceId: ws, asOf: asOf)
        for user in ["u1", "u2"] {
            let p = try #require(try await f.profile(user))
            #expect(p.predictions?.asOf == asOf)
            #expect(p.computedTraits(asOf: asOf)["predictions_as_of"] == .string("2025-04-02T23:59:59.000Z"))
            #expect(p.predictions?.rfmSegment == byId[user]?.segment)
        }
        #expect(try await f.profile("u3")?.predictions == nil)
        // Refreshed as of today u3 is scored; back to the earlier date, it is not any more, and
        // the RFM system segments hold only u1 and u2.
        _ = try await f.engine.refreshPredictions(workspaceId: ws)
        #expect(try await f.profile("u3")?.predictions?.rfmSegment != nil)
        _ = try await f.engine.refreshPredictions(workspaceId: ws, asOf: asOf)
        #expect(try await f.profile("u3")?.predictions == nil)
        var members: Set<String> = []
        for name in SystemSegments.rfmSegmentNames {
            let slug = name.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(of: " ", with: "-")
            members.formUnion(try await f.engine.members(workspaceId: ws, segmentId: "rfm-\(slug)"))
        }
        #expect(members.count == 2)
    }
}
