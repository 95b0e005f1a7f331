import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// 1 − P(alive) on CDNOW against lifetimes 0.11.3 (`BetaGeoFitter`), run once in the project venv:
/// with the published parameters (r 0.243, α 4.414, a 0.793, b 2.426) P(alive) is 0.726578570080673
/// for x = 2, t_x = 30.43, T = 38.86 and 0.0248043661687785 for x = 5, t_x = 10, T = 38.86; fitted
/// on the 2,357 customers it gives 0.726609136799059 and 0.2122273880722099 for the first two
/// customers and a mean of 0.8134392520045264.
@Suite("Behavioural churn (1 − P(alive))", .computeBound)
struct BehaviouralChurnTests {
    @Test("With the published BG/NBD parameters the risk matches lifetimes")
    func publishedParameters() throws {
        let data = try CLVSummaryData(frequency: [2, 5, 0], recency: [30.43, 10, 0], T: [38.86, 38.86, 38.86])
        let risk = BehaviouralChurn.risk(data, model: BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426))
        #expect(abs(risk[0] - (1 - 0.726578570080673)) < 1e-9)
        #expect(abs(risk[1] - (1 - 0.0248043661687785)) < 1e-9)
        #expect(risk[2] == 0)  // BG/NBD: a customer with no repeat purchase cannot have dropped out yet
    }

    @Test(
        "Fitted on CDNOW the scores match lifetimes' fit",
        .enabled(if: SharedData.available, "needs ../shared/datasets"))
    func cdnow() throws {
        let text = try String(contentsOfFile: SharedData.dataset("cdnow/cdnow_customers_summary.csv"), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map {
            $0.split(separator: ",").map { Double($0)! }
        }
        let data = try CLVSummaryData(frequency: rows.map { $0[1] }, recency: rows.map { $0[2] }, T: rows.map { $0[3] })
        let result = BehaviouralChurn.score(data, model: .bgnbd)
        #expect(result.model == .bgnbd && result.converged)
        #expect(result.risk.count == 2357)
        #expect(abs(result.risk[0] - (1 - 0.726609136799059)) < 1e-3)
        #expect(abs(result.risk[1] - (1 - 0.2122273880722099)) < 1e-3)
        let meanRisk: Double = result.risk.reduce(0, +) / 2357
        #expect(abs(meanRisk - (1 - 0.8134392520045264)) < 1e-3)
    }
}
