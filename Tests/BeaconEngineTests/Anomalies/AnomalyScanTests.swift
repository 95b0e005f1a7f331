import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Anomaly scan of a workspace's daily series")
struct AnomalyScanTests {
    static let start = Timestamp.parse("2025-01-06T12:00:00Z")!  // a Monday

    static func order(_ day: Int, _ k: Int, amount: Double) -> Event {
        let t = start.addingTimeInterval(Double(day) * 86_400 + Double(k))
        return Event(
            messageId: "o-\(day)-\(k)", type: .track, userId: "c\(k)", event: "Order Completed", timestamp: t,
            receivedAt: t, properties: .object(["order_id": .string("o-\(day)-\(k)"), "revenue": .number(amount)]))
    }

    @Test("A day with ten times the usual orders is flagged in orders and revenue, with its expected value")
    func orderSpike() {
        var events: [Event] = []
        var rng = Xoshiro256StarStar(seed: 3)
        // 12 weeks of 5–7 orders of 20 on weekdays and 8–10 at weekends; day 45 (a Thursday) has 50.
        for day in 0..<84 {
            let weekend = day % 7 >= 5
            let n = day == 45 ? 50 : (weekend ? 8 : 5) + rng.nextInt(below: 3)
            for k in 0..<n { events.append(Self.order(day, k, amount: 20)) }
        }
        let scan = AnomalyScan(events: events)
        let orders = try! #require(scan.series.first { $0.name == "orders" })
        #expect(orders.values.count == 84)
        #expect(orders.flags.map(\.index) == [45])
        #expect(orders.day(45) == "2025-02-20")
        // The robust fit ignores the spike and expects an ordinary weekday's 5–7 orders.
        #expect(abs(orders.flags[0].expected - 6) < 2)
        #expect(orders.flags[0].value == 50 && orders.flags[0].upper < 50)
        let revenue = try! #require(scan.series.first { $0.name == "revenue" })
        #expect(revenue.flags.map(\.index) == [45])
        #expect(abs(revenue.flags[0].expected - 120) < 40)
        // As of the end of day 44 the spike is not in the series.
        let before = AnomalyScan(events: events, asOf: Timestamp.parse("2025-02-19T23:59:59Z")!)
        let cut = try! #require(before.series.first { $0.name == "orders" })
        #expect(cut.values.count == 45)
        #expect(!cut.flags.contains { $0.value == 50 })
    }

    @Test("An event stamped in year 1 does not stretch the scan: at most three years of days up to the as-of date")
    func boundedWindow() {
        var events = (0..<84).flatMap { day in (0..<5).map { Self.order(day, $0, amount: 20) } }
        let ancient = Timestamp.parse("0001-01-01T00:00:00Z")!
        events.append(Event(messageId: "old", type: .track, userId: "c0", event: "Order Completed", timestamp: ancient,
                            receivedAt: ancient, properties: .object(["revenue": .number(5)])))
        let scan = AnomalyScan(events: events)
        let orders = try! #require(scan.series.first { $0.name == "orders" })
        #expect(orders.values.count == AnomalyScan.maxDays)
        // The last 84 days hold the 420 orders; the ancient one is outside the window.
        #expect(orders.values.reduce(0, +) == 420)
        #expect(orders.day(orders.values.count - 1) == "2025-03-30")
    }

    /// Twelve weeks of orders with a spike, refunds sent with a positive total, sign-ups,
    /// identify calls, two channels' spend and an event stamped in year 1.
    static func mixedLog() -> [Event] {
        var events: [Event] = []
        var rng = Xoshiro256StarStar(seed: 11)
        for day in 0..<84 {
            let n = day == 45 ? 40 : 4 + rng.nextInt(below: 4)
            for k in 0..<n { events.append(Self.order(day, k, amount: 10 + Double(rng.nextInt(below: 30)))) }
            let t = start.addingTimeInterval(Double(day) * 86_400 + 3_600)
            if day % 3 == 0 {
                events.append(Event(
                    messageId: "r-\(day)", type: .track, userId: "c0", event: "Order Refunded", timestamp: t,
                    receivedAt: t, properties: .object(["order_id": .string("o-\(day)-0"), "total": .number(7.5)])))
            }
            for s in 0..<(day == 60 ? 30 : 2 + rng.nextInt(below: 3)) {
                let at = t.addingTimeInterval(Double(s))
                events.append(Event(
                    messageId: "s-\(day)-\(s)", type: .track, userId: "new-\(day)-\(s)", event: "Signed Up",
                    timestamp: at, receivedAt: at))
                events.append(Event(
                    messageId: "i-\(day)-\(s)", type: .identify, userId: "new-\(day)-\(s)", timestamp: at,
                    receivedAt: at, traits: .object(["plan": "free"])))
            }
            let midnight = Date(timeIntervalSince1970: (t.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
            events.append(Spend(channel: "search", day: midnight, amount: 100 + Double(day % 7) * 5).event(receivedAt: t))
            if day >= 20 { events.append(Spend(channel: "social", day: midnight, amount: day == 70 ? 900 : 50).event(receivedAt: t)) }
        }
        let ancient = Timestamp.parse("0001-01-01T00:00:00Z")!
        events.append(Event(messageId: "old", type: .track, userId: "c0", event: "Order Completed", timestamp: ancient,
                            receivedAt: ancient, properties: .object(["revenue": .number(5)])))
        return events
    }

    @Test("From the store's daily sums, the same series and flags as from the events, on every backend",
          arguments: ProfileBackend.available)
    func storeSums(_ backend: ProfileBackend) async throws {
        let events = Self.mixedLog()
        let stores = try await backend.open()
        let ws = try await stores.workspaces.createWorkspace(name: "scan-\(UUID().uuidString.prefix(8).lowercased())")
        _ = try await stores.events.append([EventBatch(workspaceId: ws.id, events: events)])
        let analytics = WorkspaceAnalytics(queries: stores.analytics)
        let live = events.filter { $0.messageId != "old" }
        #expect(try await stores.analytics.activityByDay(in: ws.id, from: Date(timeIntervalSince1970: 0), to: nil) == DayActivity.fold(live))
        let asOfs: [Date?] = [nil, Timestamp.parse("2025-03-10T05:00:00Z")!, Timestamp.parse("2024-01-01T00:00:00Z")!]
        for asOf in asOfs {
            let want = AnomalyScan(events: events, asOf: asOf)
            let got = try await analytics.anomalies(of: ws.id, asOf: asOf)
            #expect(got.series.map(\.name) == want.series.map(\.name), "as of \(String(describing: asOf))")
            for (g, w) in zip(got.series, want.series) {
                #expect(g.firstDay == w.firstDay && g.values.count == w.values.count, "\(g.name)")
                #expect(zip(g.values, w.values).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) }, "\(g.name)")
                #expect(g.flags.map(\.index) == w.flags.map(\.index), "\(g.name)")
            }
        }
        let all = try #require(try await analytics.anomalies(of: ws.id).series.first { $0.name == "sign-ups" })
        #expect(all.flags.contains { all.day($0.index) == "2025-03-07" }, "the 30 sign-ups of day 60")
        #expect(try await analytics.anomalies(of: ws.id, asOf: Timestamp.parse("2024-01-01T00:00:00Z")!).series.isEmpty)
    }
}
