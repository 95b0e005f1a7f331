import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Weighted log-odds (Monroe, Colaresi & Quinn 2008)", .computeBound)
struct WeightedLogOddsTests {
    @Test("A hand-worked case: detractor words against the rest")
    func handWorked() {
        let group = ["refund": 3, "late": 2, "great": 1]
        let rest = ["great": 5, "late": 1, "fast": 4]
        let terms = WeightedLogOdds.terms(group: group, rest: rest)
        #expect(terms.map(\.word) == ["refund", "late", "great", "fast"])
        // refund: n_i = 6, n_j = 10, α₀ = 16, α = 16·3/16 = 3;
        // δ = log(6/16) − log(3/23) = 1.0560527, σ² = 1/6 + 1/3 = 0.5, z = δ/√0.5 = 1.4934840.
        let refund = terms[0]
        #expect(abs(refund.logOdds - 1.056052674249314) < 1e-12)
        #expect(abs(refund.z - 1.4934840145037558) < 1e-12)
        #expect(refund.groupCount == 3 && refund.restCount == 0)
        // fast: α = 4; δ = log(4/18) − log(8/22) = −0.6931472 (= log ½), σ² = 1/4 + 1/8.
        #expect(abs(terms[3].logOdds - -0.6931471805599454) < 1e-12)
        #expect(abs(terms[3].z - -1.1319046060137772) < 1e-12)
    }

    @Test("Empty input gives no terms")
    func empty() {
        #expect(WeightedLogOdds.terms(group: [:], rest: [:]).isEmpty)
    }
}
