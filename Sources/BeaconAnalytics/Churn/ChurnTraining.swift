/// Trains and evaluates a churn model on a labelled customer table.
///
/// The whole recipe in one place: labels from the target column, an identifier column set
/// aside, a seeded stratified train/test split (`ChurnSplit`), the preprocessing pipeline
/// fitted on the training rows (`ChurnPreprocessor`), the model fitted on them, and the
/// held-out metrics, calibration table and per-column importances (`ChurnReport`).
public enum ChurnTraining {
    /// What to train and how.
    public struct Options: Sendable {
        public var target: String
        public var positive: String
        public var kind: ChurnModel.Kind = .logistic
        /// The identifier column; nil detects one (`ChurnFrame.detectIdentifier`).
        public var idColumn: String? = nil
        /// Columns left out of the features.
        public var exclude: [String] = []
        public var seed: UInt64 = 42
        public var testFraction = 0.25
        /// Logistic regression: the L2 penalty λ = 1/C.
        public var l2 = 1.0
        /// Boosted trees (their `seed` and `threads` are taken from the fields here).
        public var boosting = ChurnBoostedTrees.Options()
        public var threads = 1
        public var calibrationBins = 10

        public init(target: String, positive: String) {
            self.target = target
            self.positive = positive
        }
    }

    /// The encoded data and split a model is trained on.
    public struct Prepared: Sendable {
        public var x: Matrix
        public var y: [Double]
        public var split: ChurnSplit
        public var preprocessor: ChurnPreprocessor
        public var idColumn: String?
    }

    /// Labels, splits and encodes `frame`.
    /// - Throws: `ChurnError` naming the row and column of bad input.
    public static func prepare(_ frame: ChurnFrame, options: Options) throws -> Prepared {
        let y = try frame.labels(target: options.target, positive: options.positive)
        let targetIndex = try frame.requireColumn(options.target)
        var excluded: Set<Int> = [targetIndex]
        for name in options.exclude { excluded.insert(try frame.requireColumn(name)) }
        let idIndex =
            try options.idColumn.map { try frame.requireColumn($0) } ?? frame.detectIdentifier(excluding: excluded)
        if let idIndex { excluded.insert(idIndex) }
        let featureNames = frame.header.indices.filter { !excluded.contains($0) }.map { frame.header[$0] }
        guard !featureNames.isEmpty else {
            throw ChurnError(.missingColumn, "no feature columns left besides the target and identifier")
        }
        let positives = Int(y.reduce(0, +))
        guard positives >= 4, y.count - positives >= 4 else {
            throw ChurnError(
                .tooFewRows,
                "need at least 4 rows of each class to split and evaluate; have \(positives) positive "
                    + "and \(y.count - positives) negative")
        }
        let split = ChurnSplit.stratified(labels: y, testFraction: options.testFraction, seed: options.seed)
        let preprocessor = try ChurnPreprocessor.fit(frame: frame, columns: featureNames, rows: split.train)
        let x = try preprocessor.transform(frame)
        return Prepared(
            x: x, y: y, split: split, preprocessor: preprocessor, idColumn: idIndex.map { frame.header[$0] })
    }

    /// Fits the chosen model on the training rows of `prepared`.
    public static func fit(_ prepared: Prepared, options: Options) -> ChurnModel {
        let x = prepared.x
        var means = [Double](repeating: 0, count: x.columns)
        for r in prepared.split.train { for j in 0..<x.columns { means[j] += x[r, j] } }
        means = means.map { $0 / Double(prepared.split.train.count) }
        var model = ChurnModel(
            kind: options.kind, target: options.target, positive: options.positive, idColumn: prepared.idColumn,
            preprocessor: prepared.preprocessor, featureMeans: means, logistic: nil, boosted: nil)
        switch options.kind {
        case .logistic:
            model.logistic = ChurnLogisticRegression.fit(
                x: x, y: prepared.y, rows: prepared.split.train, l2: options.l2, threads: options.threads)
        case .gbdt:
            var boosting = options.boosting
            boosting.seed = options.seed
            boosting.threads = options.threads
            model.boosted = ChurnBoostedTrees.fit(x: x, y: prepared.y, rows: prepared.split.train, options: boosting)
        }
        return model
    }

    /// Prepares, fits and evaluates: the model and its report on the held-out rows.
    public static func train(_ frame: ChurnFrame, options: Options) throws -> (model: ChurnModel, report: ChurnReport) {
        let prepared = try prepare(frame, options: options)
        let model = fit(prepared, options: options)
        return (model, ChurnReport(model: model, prepared: prepared, calibrationBins: options.calibrationBins))
    }
}

extension ChurnTraining.Prepared {
    /// The same data with the training rows repeated cyclically to `count` rows (followed by
    /// the original test rows), for timing fits at scale on realistic values.
    public func replicated(toTrainingRows count: Int) -> ChurnTraining.Prepared {
        let p = x.columns
        var big = Matrix(rows: count + split.test.count, columns: p)
        var labels = [Double](repeating: 0, count: count + split.test.count)
        for i in 0..<count {
            let r = split.train[i % split.train.count]
            for j in 0..<p { big.elements[i * p + j] = x.elements[r * p + j] }
            labels[i] = y[r]
        }
        for (k, r) in split.test.enumerated() {
            for j in 0..<p { big.elements[(count + k) * p + j] = x.elements[r * p + j] }
            labels[count + k] = y[r]
        }
        var copy = self
        copy.x = big
        copy.y = labels
        copy.split = ChurnSplit(train: Array(0..<count), test: Array(count..<(count + split.test.count)))
        return copy
    }
}
