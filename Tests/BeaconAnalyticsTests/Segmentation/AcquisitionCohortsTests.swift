import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Acquisition cohorts", .computeBound)
struct AcquisitionCohortsTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int { OrderDay(year: y, month: m, day: d)!.dayNumber }

    @Test("Retention and revenue of a hand-made log")
    func handMade() throws {
        let log = [
            OrderRecord(customerID: "A", orderID: "o1", day: Self.day(2023, 1, 5), amount: 100),
            OrderRecord(customerID: "A", orderID: "o2", day: Self.day(2023, 2, 10), amount: 50),
            OrderRecord(customerID: "A", orderID: "o3", day: Self.day(2023, 4, 1), amount: 20),
            OrderRecord(customerID: "B", orderID: "o4", day: Self.day(2023, 1, 20), amount: 30),
            OrderRecord(customerID: "B", orderID: "o5", day: Self.day(2023, 1, 25), amount: -10),
            // an order whose lines net to −20: revenue, but not a purchase
            OrderRecord(customerID: "B", orderID: "o9", day: Self.day(2023, 3, 10), amount: 60),
            OrderRecord(customerID: "B", orderID: "o9", day: Self.day(2023, 3, 10), amount: -80),
            OrderRecord(customerID: "C", orderID: "o6", day: Self.day(2023, 2, 3), amount: 70),
            OrderRecord(customerID: "C", orderID: "o7", day: Self.day(2023, 3, 15), amount: 40),
            OrderRecord(customerID: "D", orderID: "o8", day: Self.day(2023, 2, 28), amount: -5),
        ]
        let table = try AcquisitionCohorts(orders: log)
        #expect(table.customersWithoutPurchase == 1)
        #expect(table.cohorts.map(\.month.monthLabel) == ["2023-01", "2023-02"])
        let jan = table.cohorts[0]
        let feb = table.cohorts[1]
        #expect(jan.size == 2)
        #expect(jan.active == [2, 1, 0, 1])
        #expect(jan.retention == [1, 0.5, 0, 0.5])
        #expect(jan.revenue == [120, 50, -20, 20])
        #expect(jan.totalRevenue == 170)
        #expect(jan.cumulativeRevenuePerCustomer == [60, 85, 75, 85])
        #expect(feb.size == 1)
        #expect(feb.active == [1, 1, 0])
        #expect(feb.revenue == [70, 40, 0])
    }

    @Test("Bad input: an empty log or one with no purchase")
    func badInput() {
        #expect { try AcquisitionCohorts(orders: []) } throws: { ($0 as? SegmentationError)?.code == .emptyInput }
        let returns = [OrderRecord(customerID: "A", day: 0, amount: -3)]
        #expect { try AcquisitionCohorts(orders: returns) } throws: { ($0 as? SegmentationError)?.code == .emptyInput }
    }

    @Test("Day numbers round-trip through calendar dates, leap days included")
    func calendar() {
        #expect(OrderDay(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(OrderDay(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
        #expect(OrderDay(year: 2023, month: 2, day: 29) == nil)
        #expect(OrderDay(year: 2024, month: 2, day: 29) != nil)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(OrderDay(dayNumber: n).dayNumber == n)
        }
    }
}
