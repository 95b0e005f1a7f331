import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("RFM analysis", .computeBound)
struct RFMAnalysisTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int { OrderDay(year: y, month: m, day: d)!.dayNumber }

    /// A hand-made log; expected values are worked out in the comments of `handMadeLog()`.
    static let log: [OrderRecord] = [
        OrderRecord(customerID: "A", orderID: "o1", day: day(2023, 12, 30), amount: 100),
        OrderRecord(customerID: "A", orderID: "o2", day: day(2023, 12, 1), amount: 30),
        OrderRecord(customerID: "A", orderID: "o2", day: day(2023, 12, 1), amount: 20),
        OrderRecord(customerID: "B", orderID: "o3", day: day(2023, 6, 15), amount: 500),
        OrderRecord(customerID: "B", orderID: "o4", day: day(2023, 7, 1), amount: -100),
        OrderRecord(customerID: "C", orderID: "o5", day: day(2023, 12, 25), amount: 20),
        OrderRecord(customerID: "C", orderID: "o6", day: day(2023, 11, 25), amount: 20),
        OrderRecord(customerID: "C", orderID: "o7", day: day(2023, 10, 25), amount: 20),
        OrderRecord(customerID: "D", orderID: "o8", day: day(2022, 12, 31), amount: 1000),
        OrderRecord(customerID: "E", orderID: "o9", day: day(2023, 12, 31), amount: 10),
        OrderRecord(customerID: "F", orderID: "o10", day: day(2023, 9, 1), amount: -30),
        OrderRecord(customerID: "G", orderID: "o11", day: day(2024, 2, 1), amount: 80),
    ]

    @Test("Recency, frequency, monetary, scores, cells and segments of a hand-made log")
    func handMadeLog() throws {
        let rfm = try RFMAnalysis(orders: Self.log, asOfDay: Self.day(2024, 1, 1))
        // G's only line is after the as-of date; F has only a return.
        #expect(rfm.linesAfterAsOf == 1)
        #expect(rfm.customersWithoutPurchase == 1)
        #expect(rfm.customers.map(\.customerID) == ["A", "B", "C", "D", "E"])
        // recency: A 2 days, B 200 (2023-06-15 → 2024-01-01), C 7, D 366, E 1
        #expect(rfm.customers.map(\.recency) == [2, 200, 7, 366, 1])
        // frequency: A's o2 is one order of two lines; B's return is not a purchase
        #expect(rfm.customers.map(\.frequency) == [2, 1, 3, 1, 1])
        #expect(rfm.customers.map(\.monetary) == [150, 400, 60, 1000, 10])
        // n = 5: rank r lands in bin ⌈5(r − 1)/4⌉ = r. Recency ranks E1 A2 C3 B4 D5, scored 6 − r.
        #expect(rfm.customers.map(\.recencyScore) == [4, 2, 3, 1, 5])
        // Frequency ties (B, D, E all 1) are ranked in id order: B1 D2 E3 A4 C5.
        #expect(rfm.customers.map(\.frequencyScore) == [4, 1, 5, 2, 3])
        #expect(rfm.customers.map(\.monetaryScore) == [3, 4, 2, 5, 1])
        #expect(rfm.customers.map(\.cell) == ["443", "214", "352", "125", "531"])
        // FM = ⌈(F + M)/2⌉: A 4, B 3, C 4, D 4, E 2 → grid rows R = 4, 2, 3, 1, 5
        #expect(rfm.customers.map(\.segment) == [.loyal, .atRisk, .loyal, .atRisk, .potentialLoyalist])
    }

    @Test("The default as-of date is the day after the last purchase")
    func defaultAsOf() throws {
        let rfm = try RFMAnalysis(orders: Self.log.filter { $0.customerID != "G" })
        #expect(rfm.asOfDay == Self.day(2024, 1, 1))
        #expect(rfm.customers.map(\.recency) == [2, 200, 7, 366, 1])
    }

    @Test("Segment summary: counts, shares, revenue shares and means")
    func summary() throws {
        let rfm = try RFMAnalysis(orders: Self.log, asOfDay: Self.day(2024, 1, 1))
        let summary = RFMSegmentSummary.summarize(rfm)
        #expect(summary.map(\.segment) == [.loyal, .potentialLoyalist, .atRisk])
        let loyal = try #require(summary.first { $0.segment == .loyal })
        #expect(loyal.customers == 2)
        #expect(loyal.customerShare == 0.4)
        #expect(abs(loyal.revenueShare - 210.0 / 1620.0) < 1e-15)
        #expect(loyal.meanRecency == 4.5)
        #expect(loyal.meanFrequency == 2.5)
        #expect(loyal.meanMonetary == 105)
        let atRisk = try #require(summary.first { $0.segment == .atRisk })
        #expect(atRisk.customers == 2)
        #expect(atRisk.meanRecency == 283)
        #expect(abs(atRisk.revenueShare - 1400.0 / 1620.0) < 1e-15)
    }

    @Test("Numeric ids are ordered numerically, as pandas groupby sorts them")
    func numericIDOrder() throws {
        let orders = ["10", "9", "100"].map { OrderRecord(customerID: $0, day: 0, amount: 5) }
        let rfm = try RFMAnalysis(orders: orders)
        #expect(rfm.customers.map(\.customerID) == ["9", "10", "100"])
        // all tied: ranks follow id order, so 9 gets the lowest frequency score
        #expect(rfm.customers.map(\.frequencyScore) == [1, 3, 5])
    }

    @Test("Every score cell maps to one segment, and the grid corners are as documented")
    func segmentGrid() {
        #expect(RFMSegment(recency: 5, frequency: 5, monetary: 5) == .champions)
        #expect(RFMSegment(recency: 1, frequency: 1, monetary: 1) == .lost)
        #expect(RFMSegment(recency: 1, frequency: 5, monetary: 5) == .cantLoseThem)
        #expect(RFMSegment(recency: 5, frequency: 1, monetary: 1) == .new)
        #expect(RFMSegment(recency: 4, frequency: 1, monetary: 1) == .promising)
        #expect(RFMSegment(recency: 3, frequency: 3, monetary: 3) == .needAttention)
        #expect(RFMSegment(recency: 3, frequency: 1, monetary: 2) == .aboutToSleep)
        #expect(RFMSegment(recency: 2, frequency: 1, monetary: 2) == .hibernating)
        var seen = Set<RFMSegment>()
        for r in 1...5 {
            for f in 1...5 { for m in 1...5 { seen.insert(RFMSegment(recency: r, frequency: f, monetary: m)) } }
        }
        #expect(seen == Set(RFMSegment.allCases))
    }

    @Test("Quantile scores match pandas qcut(rank(method='first'), 5) with ties")
    func quantileScoresMatchPandas() throws {
        let values: [Double] = [5, 3, 3, 9, 1, 3, 7, 7, 2, 10, 0, 3]
        // pandas 3.1: pd.qcut(s.rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
        #expect(try QuantileScore.scores(values) == [4, 2, 2, 5, 1, 3, 4, 5, 1, 5, 1, 3])
        #expect(try QuantileScore.scores(values, descending: true) == [2, 4, 4, 1, 5, 3, 2, 1, 5, 1, 5, 3])
    }

    @Test("Bad input: an empty log, one customer, a non-finite amount")
    func badInput() {
        #expect(throws: SegmentationError.self) { try RFMAnalysis(orders: []) }
        let one = [OrderRecord(customerID: "A", day: 0, amount: 1)]
        #expect { try RFMAnalysis(orders: one) } throws: { ($0 as? SegmentationError)?.code == .tooFewRows }
        let nan = [OrderRecord(customerID: "A", day: 0, amount: .nan), OrderRecord(customerID: "B", day: 0, amount: 1)]
        #expect { try RFMAnalysis(orders: nan) } throws: { ($0 as? SegmentationError)?.code == .invalidValue }
        let returnsOnly = [OrderRecord(customerID: "A", day: 0, amount: -1)]
        #expect { try RFMAnalysis(orders: returnsOnly) } throws: { ($0 as? SegmentationError)?.code == .emptyInput }
    }
}
