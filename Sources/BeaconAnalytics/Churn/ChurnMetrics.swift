import Foundation

/// Quality measures of predicted churn probabilities against 0/1 outcomes.
///
/// Defined as scikit-learn defines them, so figures compare one to one:
/// - ROC AUC: the Mann–Whitney statistic with tied scores counting one half (Hanley &
///   McNeil 1982, *Radiology* 143(1); Fawcett 2006, "An introduction to ROC analysis").
/// - PR AUC: average precision, `Σ (R_k − R_{k−1}) P_k` over distinct score thresholds in
///   decreasing order (scikit-learn `average_precision_score`; no interpolation).
/// - Log loss: mean negative log-likelihood with probabilities clipped to
///   `[1e−15, 1 − 1e−15]`.
/// - Calibration table: equal-width probability bins with the mean prediction and the
///   observed rate in each (scikit-learn `calibration_curve(strategy="uniform")`, with counts).
/// All return NaN when they are undefined (no rows, or AUCs with one class only).
public enum ChurnMetrics {
    /// The area under the ROC curve.
    public static func rocAUC(scores: [Double], labels: [Double]) -> Double {
        precondition(scores.count == labels.count, "scores and labels must have equal length")
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var positives = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let midRank = Double(i + j) / 2 + 1  // average 1-based rank of the tie group
            for k in i...j where labels[order[k]] == 1 {
                rankSum += midRank
                positives += 1
            }
            i = j + 1
        }
        let negatives = Double(scores.count) - positives
        guard positives > 0, negatives > 0 else { return .nan }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// Average precision, the area under the precision–recall step curve.
    public static func averagePrecision(scores: [Double], labels: [Double]) -> Double {
        precondition(scores.count == labels.count, "scores and labels must have equal length")
        let totalPositives = labels.reduce(0.0) { $0 + ($1 == 1 ? 1 : 0) }
        guard totalPositives > 0 else { return .nan }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var truePositives = 0.0
        var seen = 0.0
        var previousRecall = 0.0
        var area = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j where labels[order[k]] == 1 { truePositives += 1 }
            seen += Double(j - i + 1)
            let recall = truePositives / totalPositives
            area += (recall - previousRecall) * (truePositives / seen)
            previousRecall = recall
            i = j + 1
        }
        return area
    }

    /// The mean binary cross-entropy (natural logarithm).
    public static func logLoss(probabilities: [Double], labels: [Double]) -> Double {
        precondition(probabilities.count == labels.count, "probabilities and labels must have equal length")
        guard !labels.isEmpty else { return .nan }
        let eps = 1e-15
        var total = 0.0
        for (p, y) in zip(probabilities, labels) {
            let q = min(max(p, eps), 1 - eps)
            total -= y == 1 ? log(q) : log(1 - q)
        }
        return total / Double(labels.count)
    }

    /// The Brier score, the mean squared difference between probability and outcome.
    public static func brier(probabilities: [Double], labels: [Double]) -> Double {
        guard !labels.isEmpty else { return .nan }
        return zip(probabilities, labels).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(labels.count)
    }

    /// One bin of a calibration table.
    public struct CalibrationBin: Codable, Sendable, Equatable {
        /// The bin's probability range `[lower, upper)` (the last bin includes 1).
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var meanPredicted: Double
        public var observedRate: Double
    }

    /// The calibration table: `bins` equal-width bins over [0, 1]; empty bins are omitted.
    public static func calibration(probabilities: [Double], labels: [Double], bins: Int = 10) -> [CalibrationBin] {
        precondition(bins > 0, "bins must be positive")
        var count = [Int](repeating: 0, count: bins)
        var sumP = [Double](repeating: 0, count: bins)
        var sumY = [Double](repeating: 0, count: bins)
        for (p, y) in zip(probabilities, labels) where p.isFinite {
            let b = min(max(Int(p * Double(bins)), 0), bins - 1)
            count[b] += 1
            sumP[b] += p
            sumY[b] += y
        }
        return (0..<bins).compactMap { b in
            guard count[b] > 0 else { return nil }
            return CalibrationBin(
                lower: Double(b) / Double(bins), upper: Double(b + 1) / Double(bins), count: count[b],
                meanPredicted: sumP[b] / Double(count[b]), observedRate: sumY[b] / Double(count[b]))
        }
    }
}
