import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Marketing KPIs: CAC, LTV:CAC, conversion rate, churn rate")
struct MarketingKPIsTests {
    static func t(_ text: String) -> Date { Timestamp.parse(text)! }
    static func day(_ text: String) -> Int { CommerceFact.day(of: t(text + "T12:00:00Z")) }

    static func fact(_ id: Int, _ person: String, _ name: String, _ at: String, revenue: Double? = nil) -> CommerceFact
    {
        CommerceFact(
            sequence: Int64(id), messageId: "f\(id)", kind: name == "Order Completed" ? .order : .touch, type: .track,
            name: name, time: t(at), userId: person, person: person, revenue: revenue)
    }

    @Test("A hand-counted June: 2 new customers, $150 spend, 1 of 4 leads converted, 1 of 4 active customers lapsed")
    func handCounted() throws {
        // Orders: A (Mar 10, Jun 5), B (Mar 5), C (May 20), D (Jan 15, Apr 2), E (Jun 10), F (Jun 20,
        // refunded Jun 25), G (a zero-value order Jun 28).
        let orders: [(String, String, Double)] = [
            ("A", "2025-03-10T10:00:00Z", 100), ("A", "2025-06-05T10:00:00Z", 50), ("B", "2025-03-05T10:00:00Z", 80),
            ("C", "2025-05-20T10:00:00Z", 30), ("D", "2025-01-15T10:00:00Z", 40), ("D", "2025-04-02T10:00:00Z", 60),
            ("E", "2025-06-10T10:00:00Z", 70), ("F", "2025-06-20T10:00:00Z", 20), ("F", "2025-06-25T10:00:00Z", -20),
            ("G", "2025-06-28T10:00:00Z", 0),
        ]
        let channelOrders = orders.map {
            ChannelOrder(customer: $0.0, time: Self.t($0.1), revenue: $0.2, channel: "Direct")
        }
        let lines = orders.enumerated().map { i, o in
            OrderRecord(
                customerID: o.0, orderID: (o.2 < 0 ? "r:" : "o:") + "\(o.2 < 0 ? i - 1 : i)",
                day: CommerceFact.day(of: Self.t(o.1)), amount: o.2)
        }
        let cohorts = WorkspaceCohorts(try AcquisitionCohorts(orders: lines))
        // Spend: 100 on June 1 and 50 on June 30 are in the period; May 31 is not.
        let spend = [
            DaySpend(day: Self.day("2025-05-31"), channel: "Google", amount: 999),
            DaySpend(day: Self.day("2025-06-01"), channel: "Google", amount: 100),
            DaySpend(day: Self.day("2025-06-30"), channel: "Meta", amount: 50),
        ]
        // Leads: p1 orders after signing up (converted); p2 ordered only before; p3 is a lead twice
        // and never orders; p4 signed up in May (not a June lead); p5 orders after the period.
        let facts = [
            Self.fact(1, "p1", "Signed Up", "2025-06-02T10:00:00Z"),
            Self.fact(2, "p1", "Order Completed", "2025-06-04T10:00:00Z", revenue: 30),
            Self.fact(3, "p2", "Order Completed", "2025-06-01T10:00:00Z", revenue: 25),
            Self.fact(4, "p2", "Signed Up", "2025-06-03T10:00:00Z"),
            Self.fact(5, "p3", "Lead Created", "2025-06-15T10:00:00Z"),
            Self.fact(6, "p3", "Lead Created", "2025-06-16T10:00:00Z"),
            Self.fact(7, "p4", "Signed Up", "2025-05-20T10:00:00Z"),
            Self.fact(8, "p4", "Order Completed", "2025-06-10T10:00:00Z", revenue: 10),
            Self.fact(9, "p5", "Signed Up", "2025-06-29T10:00:00Z"),
            Self.fact(10, "p5", "Order Completed", "2025-07-02T10:00:00Z", revenue: 10),
        ]
        let end = Self.t("2025-06-30T23:59:59Z")
        let k = MarketingKPIs(
            end: end, orders: channelOrders, spend: spend, facts: facts, cohorts: cohorts)
        #expect(k.start == Self.t("2025-05-31T23:59:59Z"))
        #expect(k.newCustomers == 2)  // E and F
        #expect(k.spend == 150)
        #expect(k.cac == 75)
        // Cohorts run Jan–Jun: the January cohort (D) is the only one with 5 whole months; its
        // revenue in months 0–4 is 40 + 60.
        #expect(k.ltvMonths == 5)
        #expect(k.ltv == 100)
        #expect(abs(k.ltvToCac! - 100.0 / 75) < 1e-12)
        #expect(k.leads == 4 && k.converted == 1 && k.conversionRate == 0.25)
        // Active on May 31 (an order after Mar 2): A, B, C, D; on June 30 (after Apr 1) B is not.
        #expect(k.activeAtStart == 4 && k.churned == 1 && k.churnRate == 0.25)

        // The previous period (May): C is new, so CAC = 999; p4 is May's one lead and had not
        // ordered by May 31; active on April 30 (an order after Jan 30): A, B, D, all still
        // active on May 31.
        let may = MarketingKPIs(
            end: Self.t("2025-05-31T23:59:59Z"), orders: channelOrders, spend: spend, facts: facts, cohorts: nil)
        #expect(may.newCustomers == 1 && may.spend == 999 && may.cac == 999 && may.ltv == nil)
        #expect(may.leads == 1 && may.converted == 0 && may.conversionRate == 0)
        #expect(may.activeAtStart == 3 && may.churned == 0 && may.churnRate == 0)
        // Without spend data there is no CAC.
        let noSpend = MarketingKPIs(end: end, orders: channelOrders, spend: nil, facts: [], cohorts: cohorts)
        #expect(noSpend.spend == nil && noSpend.cac == nil && noSpend.ltvToCac == nil && noSpend.conversionRate == nil)
    }
}
