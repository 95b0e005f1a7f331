import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// Lookalikes on a synthetic shop whose truth is known: big spenders and small ones.
@Suite("Lookalikes", .computeBound)
struct LookalikeModelTests {
    /// 600 people (by default): the first 200 ("big-…") buy often and much, the rest rarely and little.
    static func shop(seed: UInt64 = 3, people: Int = 600, big bigCount: Int = 200) -> [OrderRecord] {
        var rng = Xoshiro256StarStar(seed: seed)
        var orders: [OrderRecord] = []
        for n in 0..<people {
            let big = n < bigCount
            let id = (big ? "big-" : "small-") + String(n)
            let count = big ? 6 + rng.nextInt(below: 6) : 1 + rng.nextInt(below: 2)
            for o in 0..<count {
                let amount = (big ? 200 : 20) * (0.5 + rng.nextDouble())
                orders.append(OrderRecord(customerID: id, orderID: "\(id)-\(o)", day: rng.nextInt(below: 300), amount: amount))
            }
        }
        return orders
    }

    @Test("Seeded with 150 big spenders, the other 50 big spenders rank first, for spend and orders")
    func ranksTheLikeFirst() throws {
        let table = try LookalikeFeatureTable(orders: Self.shop(), asOfDay: 300)
        let seed = Set((0..<150).map { "big-\($0)" })
        let ranked = try LookalikeModel.rank(table, seed: seed)
        #expect(ranked.count == 450)
        #expect(ranked.prefix(50).allSatisfy { $0.person.hasPrefix("big-") })
        #expect(ranked.map(\.rank) == Array(1...450))
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score >= $1.score })
        let reasons = try #require(ranked.first?.reasons)
        #expect(reasons.count == 3 && Set(reasons).isSubset(of: Set(table.names)))
        #expect(reasons.contains("spend") || reasons.contains("orders"))
    }

    @Test("A seed of fewer than 100 buyers is refused naming seed_segment")
    func smallSeed() throws {
        let table = try LookalikeFeatureTable(orders: Self.shop(), asOfDay: 300)
        do {
            _ = try LookalikeModel.rank(table, seed: Set((0..<99).map { "big-\($0)" }))
            Issue.record("a 99-person seed was accepted")
        } catch let error as RecommendationError {
            #expect(error.field == "seed_segment" && error.code == .tooFewRows)
        }
    }

    @Test("Sizes are 1–10 % of the workspace", arguments: [(1.0, 600, 6), (10.0, 600, 60), (2.5, 1_000, 25)])
    func sizes(_ percent: Double, _ population: Int, _ expected: Int) throws {
        #expect(try LookalikeModel.size(percent: percent, population: population) == expected)
    }

    @Test("A size outside 1–10 % names size_percent", arguments: [0.5, 11, Double.nan])
    func badSize(_ percent: Double) {
        do {
            _ = try LookalikeModel.size(percent: percent, population: 100)
            Issue.record("size \(percent) accepted")
        } catch let error as RecommendationError {
            #expect(error.field == "size_percent")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("Features: recency, logged orders and spend, tenure, category shares; z-scored")
    func features() throws {
        let orders = [
            OrderRecord(customerID: "a", orderID: "1", day: 10, amount: 30),
            OrderRecord(customerID: "a", orderID: "2", day: 20, amount: 10),
            OrderRecord(customerID: "b", orderID: "3", day: 15, amount: 5),
            OrderRecord(customerID: "b", orderID: "4", day: 40, amount: 99),  // after the as-of day
        ]
        let table = try LookalikeFeatureTable(
            orders: orders, asOfDay: 30, categories: ["a": ["toys": 3, "books": 1], "b": ["books": 2]])
        #expect(table.people == ["a", "b"])
        #expect(table.names == ["recency_days", "orders", "spend", "average_order", "tenure_days", "category:books", "category:toys"])
        #expect(table.raw[0][0] == 10 && table.raw[0][4] == 20 && table.raw[1][0] == 15)
        #expect(abs(table.raw[0][2] - log1p(40)) < 1e-12 && abs(table.raw[0][3] - log1p(20)) < 1e-12)
        #expect(table.raw[0][5] == 0.25 && table.raw[1][5] == 1)
        // Two people: every varying column standardises to ±1.
        #expect(table.values[0].allSatisfy { abs(abs($0) - 1) < 1e-12 })
    }

    @Test("The time-split evaluation is reproducible for a seed and beats random")
    func evaluation() throws {
        // Orders fall on random days, so spenders keep their level across the split.
        let orders = Self.shop(people: 3_000, big: 500)
        let a = try LookalikeEvaluation.evaluate(orders: orders, splitDay: 150, seed: 11)
        let b = try LookalikeEvaluation.evaluate(orders: orders, splitDay: 150, seed: 11)
        #expect(a == b)
        #expect(a.rows.map(\.percent) == [1, 5, 10])
        let ten = try #require(a.rows.last)
        #expect(ten.size == Int((Double(a.population) / 10).rounded()))
        #expect(ten.lookalike > ten.random)
    }
}

