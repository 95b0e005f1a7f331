import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("Churn metrics", .computeBound)
struct ChurnMetricsTests {
    @Test("ROC AUC of a four-point list: 3 of 4 positive–negative pairs ordered correctly")
    func aucSmall() {
        // Positives 0.35, 0.8; negatives 0.1, 0.4. Pairs: (0.35 > 0.1) (0.35 < 0.4) (0.8 > both) → 3/4.
        #expect(ChurnMetrics.rocAUC(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1]) == 0.75)
    }

    @Test("ROC AUC counts a tied positive–negative pair as one half")
    func aucTies() {
        // Pairs: (0.5 vs 0.5) = ½, (0.5 vs 0.2) = 1 → 1.5 / 2.
        #expect(ChurnMetrics.rocAUC(scores: [0.5, 0.5, 0.2], labels: [1, 0, 0]) == 0.75)
        #expect(ChurnMetrics.rocAUC(scores: [0.3, 0.3, 0.3, 0.3], labels: [1, 0, 1, 0]) == 0.5)
    }

    @Test("ROC AUC is NaN with one class only")
    func aucOneClass() {
        #expect(ChurnMetrics.rocAUC(scores: [0.2, 0.9], labels: [1, 1]).isNaN)
    }

    @Test("Average precision of the four-point list is 5/6")
    func averagePrecision() {
        // Descending: 0.8 (pos) P=1 R=½; 0.4 (neg); 0.35 (pos) P=⅔ R=1 → ½·1 + ½·⅔ = 5/6.
        let ap = ChurnMetrics.averagePrecision(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1])
        #expect(abs(ap - 5.0 / 6.0) < 1e-15)
        // A tie group is one threshold: {0.5 pos, 0.5 neg} gives P=½ at R=1.
        #expect(ChurnMetrics.averagePrecision(scores: [0.5, 0.5, 0.2], labels: [1, 0, 0]) == 0.5)
    }

    @Test("Log loss by hand, and clipping of a certain wrong prediction")
    func logLoss() {
        // −(ln 0.8 + ln 0.7) / 2
        let expected = (0.22314355131420976 + 0.35667494393873245) / 2
        #expect(abs(ChurnMetrics.logLoss(probabilities: [0.8, 0.3], labels: [1, 0]) - expected) < 1e-15)
        // p = 0 for a positive is clipped to 1e-15: −ln(1e-15) = 34.538776394910684.
        #expect(abs(ChurnMetrics.logLoss(probabilities: [0], labels: [1]) - 34.538776394910684) < 1e-9)
    }

    @Test("Calibration table bins by predicted probability; 1.0 falls in the last bin")
    func calibration() {
        let table = ChurnMetrics.calibration(
            probabilities: [0.05, 0.15, 0.12, 0.95, 1.0], labels: [0, 1, 0, 1, 1], bins: 10)
        #expect(table.map(\.count) == [1, 2, 2])
        #expect(table.map(\.lower) == [0, 0.1, 0.9])
        #expect(abs(table[1].meanPredicted - 0.135) < 1e-12)
        #expect(table[1].observedRate == 0.5)
        #expect(abs(table[2].meanPredicted - 0.975) < 1e-12)
        #expect(table[2].observedRate == 1)
    }
}
