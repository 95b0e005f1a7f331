import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Topic impact on NPS", .computeBound)
struct TopicImpactTests {
    @Test("Hand-counted: a delivery topic among six answers")
    func handCounted() throws {
        let answers: [(score: Double, text: String?)] = [
            (10, "Great product"), (9, "Fast shipping"), (2, "Late again!"), (3, "The parcel never arrived"),
            (8, "Chocolate was fine"), (10, nil),
        ]
        let rules = [
            TopicImpact.Rule(name: "delivery", terms: ["late", "never arrived", "courier"]),
            TopicImpact.Rule(name: "price", terms: ["expensive"]),
        ]
        let impacts = try TopicImpact.impacts(answers: answers, rules: rules)
        // All: 3 promoters, 1 passive, 2 detractors of 6 → +16.67. Delivery: "Late again!" and
        // "never arrived" (not "Chocolate"): 2 detractors → −100. Without them: 3 promoters,
        // 1 passive of 4 → +75; impact = 16.67 − 75 = −58.33.
        #expect(impacts[0].mentions == 2)
        #expect(impacts[0].npsMentioning == -100)
        #expect(abs(impacts[0].impact - (100.0 / 6 - 75)) < 1e-9)
        // No mentions: the answers without it are all answers, impact 0.
        #expect(impacts[1].mentions == 0 && impacts[1].impact == 0 && impacts[1].npsMentioning.isNaN)
    }

    @Test("A score of 11 is refused")
    func outOfRange() {
        #expect(throws: FeedbackScoreError.self) {
            try TopicImpact.impacts(answers: [(11, "ok")], rules: [.init(name: "x", terms: ["ok"])])
        }
    }
}
