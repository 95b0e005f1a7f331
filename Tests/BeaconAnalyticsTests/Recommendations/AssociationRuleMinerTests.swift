import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

/// Apriori and the rule measures on the five-basket market of Tan, Steinbach & Kumar,
/// *Introduction to Data Mining* (2006), Table 6.1, counted by hand.
@Suite("Association rules on a hand-counted market", .computeBound)
struct AssociationRuleMinerTests {
    static let baskets = [
        ["bread", "milk"], ["bread", "diapers", "beer", "eggs"], ["milk", "diapers", "beer", "cola"],
        ["bread", "milk", "diapers", "beer"], ["bread", "milk", "diapers", "cola"],
    ]

    @Test("Frequent itemsets at support 0.6: four items and four pairs; {bread, diapers, milk} (2/5) is not")
    func itemsets() throws {
        let encoding = BasketEncoding(baskets: Self.baskets)
        let sets = try Apriori.frequentItemsets(encoding, minSupport: 0.6)
        let named = sets.map { $0.items.map { encoding.items[$0] } }
        #expect(named == [
            ["beer"], ["bread"], ["diapers"], ["milk"],
            ["beer", "diapers"], ["bread", "diapers"], ["bread", "milk"], ["diapers", "milk"],
        ])
        #expect(sets.map(\.count) == [3, 4, 4, 4, 3, 3, 3, 3])
        // At 0.4 the triple is frequent (baskets 4 and 5).
        let lower = try Apriori.frequentItemsets(encoding, minSupport: 0.4).map { $0.items.map { encoding.items[$0] } }
        #expect(lower.contains(["bread", "diapers", "milk"]))
        #expect(!lower.contains(["beer", "bread", "milk"]))
    }

    @Test("Confidence, lift, leverage and conviction of {beer} ⇒ {diapers} and its converse")
    func measures() throws {
        let rules = try AssociationRuleMiner(minSupport: 0.6, metric: .lift, minThreshold: 1).rules(baskets: Self.baskets)
        #expect(rules.count == 2)
        let beer = try #require(rules.first { $0.antecedents == ["beer"] })
        #expect(beer.consequents == ["diapers"])
        #expect(abs(beer.support - 0.6) < 1e-12 && beer.confidence == 1)
        #expect(abs(beer.lift - 1.25) < 1e-12 && abs(beer.leverage - 0.12) < 1e-12)
        #expect(beer.conviction == .infinity)
        let diapers = try #require(rules.first { $0.antecedents == ["diapers"] })
        #expect(abs(diapers.confidence - 0.75) < 1e-12 && abs(diapers.lift - 1.25) < 1e-12)
        #expect(abs(diapers.conviction - 1.6) < 1e-12)
    }

    @Test("Filtering by confidence ≥ 0.7 keeps all eight rules, largest confidence first")
    func confidenceFilter() throws {
        let rules = try AssociationRuleMiner(minSupport: 0.6, metric: .confidence, minThreshold: 0.7)
            .rules(baskets: Self.baskets)
        #expect(rules.count == 8)
        #expect(rules.first?.antecedents == ["beer"])
        let breadMilk = try #require(rules.first { $0.antecedents == ["bread"] && $0.consequents == ["milk"] })
        #expect(abs(breadMilk.lift - 0.9375) < 1e-12 && abs(breadMilk.leverage + 0.04) < 1e-12)
        #expect(abs(breadMilk.conviction - 0.8) < 1e-12)
    }

    @Test("Bad parameters name the field", arguments: [0.0, -0.1, 1.5, Double.nan])
    func badSupport(_ support: Double) {
        #expect(throws: RecommendationError.self) {
            try AssociationRuleMiner(minSupport: support).rules(baskets: Self.baskets)
        }
        do {
            _ = try AssociationRuleMiner(minSupport: support).rules(baskets: Self.baskets)
        } catch let error as RecommendationError {
            #expect(error.field == "min_support")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("No baskets is an error, not an empty answer")
    func empty() {
        #expect(throws: RecommendationError(.emptyInput, field: "baskets", "there are no baskets to mine")) {
            try AssociationRuleMiner(minSupport: 0.1).rules(baskets: [])
        }
    }
}
