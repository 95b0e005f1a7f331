import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// One small shop, hand-computed: two orders (120 and 80) and two refunds (30 of the first,
/// by `order_id`; 50 of the second, without one), so revenue net of refunds is
/// 120 + 80 − 30 − 50 = 120: 90 from u1 and 30 from u2.
@Suite("Commerce facts read alike by every reader")
struct CommerceFactsTests {
    static let net: Double = 120 + 80 - 30 - 50

    /// The shop's events, with both refunds sent as `sign × amount`.
    static func events(_ f: inout ProfileFixture, refundSign: Double) -> [Event] {
        let today = Timestamp.parse(String(Timestamp.format(ProfileFixture.now).prefix(10)) + "T00:00:00Z")!
        var events = (1...7).flatMap { n in
            let day = today.addingTimeInterval(-Double(n) * 86_400)
            return [
                Spend(channel: "search", day: day, amount: 100 + Double(n)).event(receivedAt: day),
                Spend(channel: "social", day: day, amount: 40).event(receivedAt: day),
            ]
        }
        events += [
            f.event(.page, user: "u1", daysAgo: 6, context: ["campaign": ["source": "google", "medium": "cpc"]]),
            f.event(
                .track, user: "u1", name: "Order Completed", daysAgo: 6,
                properties: ["order_id": "O-1", "revenue": 120]),
            f.event(.page, user: "u2", daysAgo: 5, context: ["page": ["referrer": "https://www.facebook.com/"]]),
            f.event(
                .track, user: "u2", name: "Order Completed", daysAgo: 5, properties: ["order_id": "O-2", "total": 80]),
            f.event(
                .track, user: "u1", name: "Order Refunded", daysAgo: 3,
                properties: ["order_id": "O-1", "total": .number(refundSign * 30)]),
            f.event(
                .track, user: "u2", name: "Order Refunded", daysAgo: 2, properties: ["total": .number(refundSign * 50)]),
        ]
        return events
    }

    @Test(
        "A refund sent with a positive `total` lowers revenue in the fold, attribution and MMM alike",
        arguments: ProfileBackend.available, [1.0, -1.0])
    func refundLowersRevenueEverywhere(_ backend: ProfileBackend, refundSign: Double) async throws {
        var f = try await ProfileFixture.make(backend)
        try await f.send(Self.events(&f, refundSign: refundSign))

        // The profile fold.
        let u1 = try #require(try await f.profile("u1"))
        let u2 = try #require(try await f.profile("u2"))
        #expect(u1.orders.lifetimeValue == 90)
        #expect(u2.orders.lifetimeValue == 30)
        #expect(u1.orders.revenue == 120 && u1.orders.count == 1)

        // Attribution: every model credits the net revenue, and the report's total is the net.
        let models = try AttributionEngine.parseModels("first,last,linear,markov")
        let report = try await LiveAttribution.report(
            analytics: f.store.analytics, workspaceId: f.workspace.id, from: nil, to: nil, models: models)
        #expect(abs(report.totalValue - Self.net) < 1e-9)
        #expect(report.totalConversions == 2)
        for name in ["first", "last", "linear"] {
            let result = try #require(report.model(name))
            #expect(abs(result.value.reduce(0, +) - Self.net) < 1e-9, "\(name)")
        }

        // The dashboard: its attribution comparison and its revenue by channel.
        let stored = try await f.store.events.allEvents(in: f.workspace.id).map(\.event)
        let live = LiveAttribution.touches(from: stored)
        let comparison = try #require(try AttributionComparison.run(on: live))
        #expect(abs(comparison.value - Self.net) < 1e-9)
        let dashboardRevenue: Double = live.lastTouchOrders.reduce(0) { $0 + $1.revenue }
        #expect(abs(dashboardRevenue - Self.net) < 1e-9)

        // The marketing-mix table's revenue target.
        let data = try await EventLogMarketingData.dataset(analytics: f.store.analytics, workspaceId: f.workspace.id)
        #expect(data.count == 7)
        #expect(abs(data.target.reduce(0, +) - Self.net) < 1e-9)
        let search = try #require(data.channels.first { $0.name == "search" })
        let searchSpend: Double = search.values.reduce(0, +)
        #expect(searchSpend == 700 + 28)
    }

    @Test("A refund is netted into the order it refunds: by order id, else the person's latest order before it")
    func refundLinks() throws {
        var f = DailyTrackEvents()
        let events = [
            f.track("u1", "Order Completed", day: 1, ["order_id": "A", "revenue": 100]),
            f.track("u1", "Order Completed", day: 2, ["order_id": "B", "revenue": 60]),
            f.track("u1", "Order Refunded", day: 3, ["order_id": "A", "total": 25]),
            f.track("u1", "Order Refunded", day: 4, ["total": -10]),
            f.track("u2", "Order Refunded", day: 5, ["total": 7]),
        ]
        let live = LiveAttribution.touches(from: events)
        #expect(live.events.map(\.revenue) == [100, 60, -25, -10, -7])
        #expect(live.netted.map(\.revenue) == [75, 50, nil, nil, -7])
        // The dashboard's revenue by channel keeps each refund at its own time, always negative.
        #expect(live.lastTouchOrders.map(\.revenue) == [100, 60, -25, -10, -7])
    }
}

/// Bare track events on consecutive days, for tests that need no store.
struct DailyTrackEvents {
    var counter = 0

    mutating func track(_ user: String, _ name: String, day: Int, _ properties: [String: JSONValue]) -> Event {
        counter += 1
        let t = Timestamp.parse("2025-01-01T12:00:00Z")!.addingTimeInterval(Double(day) * 86_400)
        return Event(
            messageId: "e\(counter)", type: .track, userId: user, event: name, timestamp: t, receivedAt: t,
            properties: .object(properties))
    }
}
