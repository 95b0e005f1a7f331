import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("NPS and CSAT", .computeBound)
struct FeedbackScoreTests {
    @Test("Delighted's CSAT example: 5:40, 4:30, 3:10, 2:5, 1:15 gives 70")
    func delightedCSAT() throws {
        let answers =
            Array(repeating: 5.0, count: 40) + Array(repeating: 4.0, count: 30)
            + Array(repeating: 3.0, count: 10) + Array(repeating: 2.0, count: 5) + Array(repeating: 1.0, count: 15)
        let csat = try CustomerSatisfactionScore(scores: answers.shuffled())
        #expect(csat.responses == 100)
        #expect(csat.score == 70)
        // (5·40 + 4·30 + 3·10 + 2·5 + 1·15) / 100
        #expect(abs(csat.mean - 3.75) < 1e-12)
        // Wilson 95 %: statsmodels proportion_confint(70, 100, method="wilson") = (0.604151, 0.781051)
        let interval = csat.interval()
        #expect(abs(interval.lower - 60.41514536665332) < 1e-9)
        #expect(abs(interval.upper - 78.10511470506724) < 1e-9)
    }

    @Test("Wilson's interval stays inside 0–100 with no successes")
    func wilsonEdge() {
        // statsmodels proportion_confint(0, 10, method="wilson") = (0.0, 0.2775328)
        let interval = ScoreInterval.wilson(successes: 0, trials: 10)
        #expect(interval.lower == 0)
        #expect(abs(interval.upper - 27.753279986288926) < 1e-9)
    }

    @Test("NPS of ten hand-counted answers with the adjusted-Wald interval")
    func npsHandCounted() throws {
        // 10, 9, 9, 10, 9 promoters; 8, 7 passives; 6, 5, 3 detractors → 50 % − 30 % = 20.
        let nps = try NetPromoterScore(scores: [10, 9, 9, 8, 7, 6, 5, 10, 3, 9])
        #expect(nps.promoters == 5 && nps.passives == 2 && nps.detractors == 3)
        #expect(abs(nps.score - 20) < 1e-12)
        // Adjusted Wald (Rocks 2016): ñ = 13, p̃ = 5.75/13, d̃ = 3.75/13, centre 2/13 = 0.153846,
        // var = (9.5/13 − (2/13)²)/13 = 0.0543923, half width 1.959964·0.233222 = 0.457105.
        let interval = nps.interval()
        #expect(abs(interval.lower - -30.32599443550416) < 1e-9)
        #expect(abs(interval.upper - 61.09522520473494) < 1e-9)
    }

    @Test("NPS is −100 when everyone detracts and +100 when everyone promotes; the interval is clipped")
    func npsExtremes() {
        let all = NetPromoterScore(promoters: 50, passives: 0, detractors: 0)
        #expect(all.score == 100)
        #expect(all.interval().upper == 100)
        #expect(NetPromoterScore(promoters: 0, passives: 0, detractors: 4).score == -100)
        #expect(NetPromoterScore(promoters: 0, passives: 0, detractors: 0).score.isNaN)
    }

    @Test("A score of 11 is refused naming the field and the answer")
    func outOfRange() {
        #expect(throws: FeedbackScoreError(field: "score", value: 11, range: 0...10, index: 2)) {
            try NetPromoterScore(scores: [9, 10, 11])
        }
        #expect(throws: FeedbackScoreError(field: "score", value: 0, range: 1...5, index: 0)) {
            try CustomerSatisfactionScore(scores: [0, 5])
        }
        #expect(throws: FeedbackScoreError.self) { try CustomerSatisfactionScore(scores: [4.5]) }
        #expect(throws: FeedbackScoreError.self) { try NetPromoterScore(scores: [.nan]) }
        let message = FeedbackScoreError(field: "score", value: 11, range: 0...10, index: 2).description
        #expect(message == "score [2]: 11 is not a whole number from 0 to 10")
    }
}
