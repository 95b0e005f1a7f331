import BeaconAnalytics
import BeaconCore
import BeaconEngine
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
}
