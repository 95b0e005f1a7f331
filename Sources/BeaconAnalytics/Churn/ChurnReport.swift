/// The evaluation of a fitted churn model: held-out metrics, calibration and importances.
///
/// Metrics are computed on the test rows of the split (and on the training rows, to show
/// over-fitting); see `ChurnMetrics` for their definitions. Importance is per input column
/// and sums to 1: for logistic regression the mean absolute contribution to the log-odds
/// over the training rows (the linear decomposition of `ChurnModel`), for boosted trees the
/// share of total split gain (Friedman 2001, §8.1, in its gain form as in XGBoost and
/// scikit-learn's "gain" importance).
public struct ChurnReport: Codable, Sendable {
    /// The held-out (or training) quality figures.
    public struct Metrics: Codable, Sendable {
        public var rows: Int
        public var positiveRate: Double
        public var rocAUC: Double
        public var averagePrecision: Double
        public var logLoss: Double
        public var brier: Double
    }

    /// An input column's kind and share of importance.
    public struct Importance: Codable, Sendable {
        public var column: String
        public var kind: ChurnFrame.ColumnKind
        public var importance: Double
    }

    public var model: ChurnModel.Kind
    public var idColumn: String?
    public var encodedFeatures: Int
    public var train: Metrics
    public var test: Metrics
    public var calibration: [ChurnMetrics.CalibrationBin]
    public var importances: [Importance]
    /// Logistic regression: Newton iterations; boosted trees: trees grown.
    public var iterations: Int
    public var converged: Bool?
    /// Boosted trees: validation log loss after the last tree.
    public var validationLoss: Double?

    public init(model: ChurnModel, prepared: ChurnTraining.Prepared, calibrationBins: Int = 10) {
        let x = prepared.x
        let y = prepared.y
        func metrics(_ rows: [Int]) -> Metrics {
            let p = model.probabilities(x, rows: rows)
            let labels = rows.map { y[$0] }
            return Metrics(
                rows: rows.count, positiveRate: labels.reduce(0, +) / Double(max(rows.count, 1)),
                rocAUC: ChurnMetrics.rocAUC(scores: p, labels: labels),
                averagePrecision: ChurnMetrics.averagePrecision(scores: p, labels: labels),
                logLoss: ChurnMetrics.logLoss(probabilities: p, labels: labels),
                brier: ChurnMetrics.brier(probabilities: p, labels: labels))
        }
        self.model = model.kind
        idColumn = model.idColumn
        encodedFeatures = x.columns
        train = metrics(prepared.split.train)
        test = metrics(prepared.split.test)
        let testProbabilities = model.probabilities(x, rows: prepared.split.test)
        calibration = ChurnMetrics.calibration(
            probabilities: testProbabilities, labels: prepared.split.test.map { y[$0] }, bins: calibrationBins)

        let columns = model.preprocessor.columns
        var raw = [Double](repeating: 0, count: columns.count)
        switch model.kind {
        case .logistic:
            for r in prepared.split.train {
                let (_, perColumn) = model.explain(x, row: r)
                for c in columns.indices { raw[c] += abs(perColumn[c]) }
            }
            iterations = model.logistic!.iterations
            converged = model.logistic!.converged
            validationLoss = nil
        case .gbdt:
            let boosted = model.boosted!
            for (j, gain) in boosted.featureGain.enumerated() { raw[model.preprocessor.featureColumn[j]] += gain }
            iterations = boosted.trees.count
            converged = nil
            validationLoss = boosted.validationLoss.last
        }
        let total = raw.reduce(0, +)
        importances = columns.indices
            .map {
                Importance(
                    column: columns[$0].name, kind: columns[$0].kind, importance: total > 0 ? raw[$0] / total : 0)
            }
            .sorted { $0.importance > $1.importance }
    }
}
