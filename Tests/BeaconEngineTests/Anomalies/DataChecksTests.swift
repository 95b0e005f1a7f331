import BeaconCore
import BeaconStore
import Foundation
import Testing

@testable import BeaconEngine

/// The data checks on hand-made daily series, orders and credits, each counted by hand.
@Suite("Data checks")
struct DataChecksTests {
    /// Day numbers: 20,000 is 2024-10-04.
    static let first = 20_000

    static func order(_ id: String, day: Int, revenue: Double, userId: String?, anonymousId: String?, person: String?)
        -> OrderFact
    {
        let fact = CommerceFact(
            sequence: 1, messageId: "m-\(id)", kind: .order, type: .track, name: "Order Completed",
            time: Date(timeIntervalSince1970: Double(day) * 86_400 + 3_600), userId: userId, anonymousId: anonymousId,
            person: person, orderId: id, amount: revenue, revenue: revenue)
        return OrderFact(fact: fact, channelTouch: Touch())
    }

    static func comparison(value: Double, credits: [(String, [Double])]) -> AttributionComparison {
        AttributionComparison(
            journeys: 10, conversions: 4, value: value, nulls: 6, channels: ["a", "b"],
            credits: credits.map { AttributionComparison.Credit(label: $0.0, values: $0.1) }, markov: nil)
    }

    @Test("Spend without revenue counts the period's days with spend and no revenue, and their spend")
    func spendWithoutRevenue() {
        // 28 days with revenue 100 a day, except days 10 and 20 (0) and day 25 (a refund: -30);
        // search spends 50 a day from day 5, social 7 on day 20 only.
        let activity = (0..<28).map { d in
            DayActivity(
                day: Self.first + d, events: 5, orders: d == 10 || d == 20 || d == 25 ? 0 : 1,
                revenue: d == 10 || d == 20 ? 0 : d == 25 ? -30 : 100)
        }
        let spend =
            (5..<28).map { DaySpend(day: Self.first + $0, channel: "search", amount: 50) }
            + [DaySpend(day: Self.first + 20, channel: "social", amount: 7)]
        let scan = AnomalyScan(activity: activity, spend: spend, firstEventDay: Self.first, lastDay: Self.first + 27)
        // The period: days 8 … 27.
        let checks = DataChecks(scan: scan, days: (Self.first + 8)...(Self.first + 27), attribution: nil, orders: [])
        let finding = try! #require(checks.findings.first { $0.check == .spendWithoutRevenue })
        #expect(finding.count == 3)
        #expect(finding.amount == 50 + 57 + 50)
        #expect(finding.examples == ["2024-10-14", "2024-10-24", "2024-10-29"])
        #expect(checks.passed == [.ordersWithoutIdentity] && checks.notRun == [.creditsVersusConversions])
        // Days 0 … 4 have revenue and no spend: nothing to report before the spend starts.
        let early = DataChecks(scan: scan, days: Self.first...(Self.first + 4), attribution: nil, orders: [])
        #expect(early.findings.isEmpty && early.passed.contains(.spendWithoutRevenue))
        // Without any spend the check cannot run.
        let noSpend = AnomalyScan(activity: activity, spend: [], firstEventDay: Self.first, lastDay: Self.first + 27)
        #expect(DataChecks(scan: noSpend, days: Self.first...(Self.first + 27), attribution: nil, orders: []).notRun.contains(.spendWithoutRevenue))
    }

    @Test("Credits that do not add up to the conversions' value are found, within half a cent")
    func credits() {
        let scan = AnomalyScan(activity: [], spend: [], firstEventDay: 0, lastDay: -1)
        let fine = Self.comparison(value: 300, credits: [("Linear", [150, 150]), ("Last touch", [100.004, 199.999])])
        #expect(DataChecks(scan: scan, days: 0...0, attribution: fine, orders: []).passed.contains(.creditsVersusConversions))
        let off = Self.comparison(value: 300, credits: [("Linear", [150, 150]), ("Markov", [120, 160]), ("Shapley", [200, 110])])
        let finding = try! #require(
            DataChecks(scan: scan, days: 0...0, attribution: off, orders: []).findings.first { $0.check == .creditsVersusConversions })
        #expect(finding.count == 2 && finding.amount == 20)
        #expect(finding.examples == ["Markov: 280.00", "Shapley: 310.00"])
    }

    @Test("Orders without identity: no userId and an anonymousId never linked to one; refunds and other days left out")
    func ordersWithoutIdentity() {
        let scan = AnomalyScan(activity: [], spend: [], firstEventDay: 0, lastDay: -1)
        let day = Self.first
        let orders = [
            Self.order("o1", day: day, revenue: 10, userId: "u1", anonymousId: nil, person: "u1"),
            // Anonymous, later linked to u2: known.
            Self.order("o2", day: day, revenue: 20, userId: nil, anonymousId: "a2", person: "u2"),
            // Anonymous and never linked: unknown (person is the anonymous id, or unset).
            Self.order("o3", day: day, revenue: 30, userId: nil, anonymousId: "a3", person: "a3"),
            Self.order("o4", day: day + 1, revenue: 40, userId: nil, anonymousId: "a4", person: nil),
            // Outside the period.
            Self.order("o5", day: day + 5, revenue: 50, userId: nil, anonymousId: "a5", person: nil),
        ]
        var refund = Self.order("r1", day: day, revenue: -5, userId: nil, anonymousId: "a6", person: nil)
        refund.fact.kind = .refund
        let checks = DataChecks(scan: scan, days: day...(day + 2), attribution: nil, orders: orders + [refund])
        let finding = try! #require(checks.findings.first { $0.check == .ordersWithoutIdentity })
        #expect(finding.count == 2 && finding.amount == 70 && finding.examples == ["o3", "o4"])
    }
}
