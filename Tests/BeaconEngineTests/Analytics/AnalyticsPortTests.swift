import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// The analytics query port answers what the whole-log readers computed from the same events:
/// on a hand-computed shop and on the UCI Online Retail import, on every backend.
@Suite("Analytics query port")
struct AnalyticsPortTests {
    /// A small shop, hand-computed. Times are 2025-03-01 plus the hours given.
    ///
    /// - `a1` clicks a Google cpc ad (Paid Search), then signs up as `u1`, browses directly and
    ///   orders O-1 for 100: last touch with a source is the anonymous ad click → Paid Search.
    /// - `u2` arrives from facebook.com (Organic Social), later from a newsletter (Email), and
    ///   orders for 50 → Email.
    /// - `u1`'s refund of O-1, sent as +20, is −20 on Paid Search.
    /// - `u3` orders for 30 with `channel: Partner` and no earlier visit → Partner.
    /// - `u4` visits without a source, then orders 10 → Direct (the first visit's channel).
    /// - Spend: search 100 on day 0 and 50 on day 1, social 40 on day 1.
    static func shop() -> [Event] {
        let start = Timestamp.parse("2025-03-01T00:00:00Z")!
        var n = 0
        func at(_ hours: Double) -> Date { start.addingTimeInterval(hours * 3_600) }
        func event(
            _ type: EventType, user: String? = nil, anon: String? = nil, name: String? = nil, hours: Double,
            properties: [String: JSONValue]? = nil, context: [String: JSONValue]? = nil
        ) -> Event {
            n += 1
            return Event(
                messageId: "shop-\(n)", type: type, userId: user, anonymousId: anon, event: name,
                timestamp: at(hours), receivedAt: at(hours), properties: properties.map(JSONValue.object),
                context: context.map(JSONValue.object))
        }
        return [
            event(.page, anon: "a1", hours: 1, context: ["campaign": ["source": "google", "medium": "cpc"]]),
            event(.identify, user: "u1", anon: "a1", hours: 2),
            event(.page, user: "u1", hours: 3),
            event(
                .track, user: "u1", name: "Order Completed", hours: 4, properties: ["order_id": "O-1", "revenue": 100]),
            event(.page, user: "u2", hours: 5, context: ["page": ["referrer": "https://www.facebook.com/x"]]),
            event(.page, user: "u2", hours: 6, context: ["campaign": ["source": "newsletter", "medium": "email"]]),
            event(.track, user: "u2", name: "Order Completed", hours: 7, properties: ["order_id": "O-2", "total": 50]),
            event(.track, user: "u1", name: "Order Refunded", hours: 26, properties: ["order_id": "O-1", "total": 20]),
            event(
                .track, user: "u3", name: "Order Completed", hours: 27,
                properties: ["order_id": "O-3", "revenue": 30, "channel": "Partner"]),
            event(.page, user: "u4", hours: 28),
            event(
                .track, user: "u4", name: "Order Completed", hours: 29, properties: ["order_id": "O-4", "value": 10]),
            Spend(channel: "search", day: at(0), amount: 100).event(receivedAt: at(0)),
            Spend(channel: "search", day: at(24), amount: 50).event(receivedAt: at(24)),
            Spend(channel: "social", day: at(24), amount: 40).event(receivedAt: at(24)),
        ]
    }

    static func store(_ backend: ProfileBackend, _ events: [Event]) async throws -> (Stores, String) {
        let stores = try await backend.open()
        let ws = try await stores.workspaces.createWorkspace(
            name: "analytics-\(UUID().uuidString.prefix(8).lowercased())")
        _ = try await stores.events.append([EventBatch(workspaceId: ws.id, events: events)])
        return (stores, ws.id)
    }

    @Test(
        "The hand-computed shop: orders with their last-touch channel, revenue and spend by day",
        arguments: ProfileBackend.available)
    func handComputedShop(_ backend: ProfileBackend) async throws {
        let (stores, ws) = try await Self.store(backend, Self.shop())
        let analytics = WorkspaceAnalytics(queries: stores.analytics)

        let orders = try await analytics.channelOrders(of: ws)
        #expect(orders.map(\.customer) == ["u1", "u2", "u1", "u3", "u4"])
        #expect(orders.map(\.revenue) == [100, 50, -20, 30, 10])
        #expect(orders.map(\.channel) == ["Paid Search", "Email", "Paid Search", "Partner", "Direct"])

        let day0 = CommerceFact.day(of: Timestamp.parse("2025-03-01T00:00:00Z")!)
        let revenue = try await stores.analytics.revenueByDay(
            in: ws, conversionEvents: EventLogMarketingData.orderEvents, from: nil, to: nil)
        #expect(revenue == [DayRevenue(day: day0, revenue: 150), DayRevenue(day: day0 + 1, revenue: 20)])
        let spend = try await stores.analytics.spendByDay(in: ws, from: nil, to: nil)
        #expect(
            spend == [
                DaySpend(day: day0, channel: "search", amount: 100),
                DaySpend(day: day0 + 1, channel: "search", amount: 50),
                DaySpend(day: day0 + 1, channel: "social", amount: 40),
            ])
        let span = try await analytics.span(of: ws)
        #expect(span.events == 14)
        // Every call per day (identify and spend included); the refund of +20 lowers day 1.
        #expect(
            try await stores.analytics.activityByDay(in: ws, from: nil, to: nil) == [
                DayActivity(day: day0, events: 8, orders: 2, revenue: 150),
                DayActivity(day: day0 + 1, events: 6, orders: 2, revenue: 20),
            ])

        // Sending the same events again stores nothing and adds no fact.
        _ = try await stores.events.append([EventBatch(workspaceId: ws, events: Self.shop())])
        #expect(try await analytics.channelOrders(of: ws).map(\.revenue) == [100, 50, -20, 30, 10])
        #expect(try await stores.analytics.touches(in: ws, from: nil, to: nil).count == 13)

        try await Self.expectSameAsWholeLog(stores, ws)
    }

    @Test(
        "UCI Online Retail: the port's orders, revenue by day and touches equal the whole-log computation",
        .enabled(if: SharedData.available, "needs ../shared/datasets/online_retail"),
        arguments: ProfileBackend.available)
    func onlineRetail(_ backend: ProfileBackend) async throws {
        let stores = try await backend.open()
        let ws = try await stores.workspaces.createWorkspace(name: "uci-\(UUID().uuidString.prefix(8).lowercased())")
        let importer = OrderFileImporter(store: stores.events, columns: try OrderColumnMap(parsing: nil))
        _ = try await importer.importFile(
            SharedData.dataset("online_retail/online_retail_2010_2011.csv.gz"), workspaceId: ws.id)
        let orders = try await stores.analytics.orders(in: ws.id, from: nil, to: nil)
        #expect(orders.count > 20_000, "the import stores one order or refund per invoice")
        try await Self.expectSameAsWholeLog(stores, ws.id)
    }

    /// The port's answers against what the readers computed from the whole log before it:
    /// `LiveAttribution.touches(from:)` with `lastTouchOrders`, and the marketing-mix table of
    /// `EventLogMarketingData.dataset(events:)`; also for a date range.
    static func expectSameAsWholeLog(_ stores: Stores, _ ws: String) async throws {
        let events = try await stores.events.allEvents(in: ws).map(\.event)
        let analytics = WorkspaceAnalytics(queries: stores.analytics)

        let live = LiveAttribution.touches(from: events)
        let old = live.lastTouchOrders
        let new = try await analytics.channelOrders(of: ws)
        #expect(new.count == old.count)
        #expect(new.map(\.customer) == old.map(\.customer))
        #expect(new.map(\.channel) == old.map(\.channel))
        #expect(new.map(\.revenue) == old.map(\.revenue))
        #expect(new.map { Timestamp.milliseconds($0.time) } == old.map { Timestamp.milliseconds($0.time) })

        let touches = try await analytics.touches(of: ws)
        #expect(touches.refunds == live.refunds)
        #expect(touches.events.count == live.events.count)
        #expect(touches.events.map(\.userId) == live.events.map(\.userId))
        #expect(touches.events.map(\.name) == live.events.map(\.name))
        #expect(touches.events.map(\.revenue) == live.events.map(\.revenue))
        #expect(touches.events.map(\.utmSource) == live.events.map(\.utmSource))
        #expect(touches.events.map(\.referrer) == live.events.map(\.referrer))
        #expect(touches.events.map(\.channel) == live.events.map(\.channel))
        #expect(
            touches.events.map { ($0.timestamp * 1000).rounded() }
                == live.events.map { ($0.timestamp * 1000).rounded() })

        // Revenue per day, as the marketing-mix target sums it, and the spend columns.
        var oldRevenue: [Int: Double] = [:]
        for e in events where e.type == .track && Spend(e) == nil {
            guard let name = e.event, EventLogMarketingData.orderEvents.contains(name) else { continue }
            oldRevenue[CommerceFact.day(of: e.timestamp), default: 0] += CommerceEvent.revenue(of: e) ?? 0
        }
        let newRevenue = try await stores.analytics.revenueByDay(
            in: ws, conversionEvents: EventLogMarketingData.orderEvents, from: nil, to: nil)
        #expect(Set(newRevenue.map(\.day)) == Set(oldRevenue.keys))
        for row in newRevenue {
            let expected = oldRevenue[row.day] ?? .nan
            #expect(abs(row.revenue - expected) <= 1e-9 * max(1, abs(expected)), "day \(row.day)")
        }
        if let oldData = try? EventLogMarketingData.dataset(events: events) {
            let newData = try await analytics.marketingData(of: ws)
            #expect(newData.dates == oldData.dates)
            #expect(newData.channels.map(\.name) == oldData.channels.map(\.name))
            for (a, b) in zip(newData.channels, oldData.channels) { #expect(a.values == b.values) }
            for (a, b) in zip(newData.target, oldData.target) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
        }

        // A date range: the second half of the span, stitched only by links inside it.
        let times = events.map(\.timestamp)
        if let first = times.min(), let last = times.max() {
            let from = first.addingTimeInterval(last.timeIntervalSince(first) / 2)
            let windowed = try await stores.events.allEvents(in: ws, from: from, to: nil).map(\.event)
            let oldWindow = LiveAttribution.touches(from: windowed)
            let newWindow = try await analytics.touches(of: ws, from: from)
            #expect(newWindow.events.map(\.userId) == oldWindow.events.map(\.userId))
            #expect(newWindow.refunds == oldWindow.refunds)
            let newOrders = try await analytics.channelOrders(of: ws, from: from)
            #expect(newOrders.map(\.channel) == oldWindow.lastTouchOrders.map(\.channel))
        }
    }
}
