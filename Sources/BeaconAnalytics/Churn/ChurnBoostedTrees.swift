import Foundation

/// Histogram-based gradient-boosted decision trees for a binary outcome.
///
/// Friedman (2001), "Greedy function approximation: a gradient boosting machine", *Annals
/// of Statistics* 29(5), §4.5 (two-class logistic likelihood, "L2_TreeBoost"), with
/// Newton leaf values and second-order split gains as in XGBoost (Chen & Guestrin 2016,
/// eq. 5 and 7) and binned histograms as in LightGBM (Ke et al. 2017) — the design of
/// scikit-learn's `HistGradientBoostingClassifier`, whose defaults these options copy (plus
/// a depth limit). Raw scores start at the training log-odds; each round fits a tree to the
/// gradients `μ − y` and Hessians `μ(1 − μ)` of the log loss and adds its shrunken values.
///
/// Early stopping: a stratified `validationFraction` of the training rows is held out; after
/// each round the validation log loss is recorded, and boosting stops when none of the last
/// `patience` rounds improved on the loss `patience + 1` rounds ago by more than
/// `tolerance` (scikit-learn's `_should_stop` rule). The trees grown so far are kept.
public struct ChurnBoostedTrees: Codable, Sendable {
    /// Training settings; the defaults are scikit-learn's, with `maxDepth` 6.
    public struct Options: Sendable {
        public var learningRate = 0.1
        public var maxIterations = 100
        public var maxLeafNodes = 31
        public var maxDepth: Int? = 6
        public var minSamplesLeaf = 20
        public var l2 = 0.0
        public var maxBins = 255
        public var earlyStopping = true
        public var validationFraction = 0.1
        public var patience = 10
        public var tolerance = 1e-7
        public var seed: UInt64 = 0
        public var threads = 1
        public init() {}
    }

    /// The log-odds every raw score starts from.
    public var baseline: Double
    public var trees: [ChurnTree]
    public var binner: ChurnFeatureBinner
    /// Validation log loss before the first tree and after each one (empty without early stopping).
    public var validationLoss: [Double]
    /// The total split gain of each input column, the model's feature importance.
    public var featureGain: [Double]

    /// Fits the ensemble on `rows` of `x` (all rows when nil).
    public static func fit(x: Matrix, y: [Double], rows: [Int]? = nil, options: Options = Options())
        -> ChurnBoostedTrees
    {
        let all = rows ?? Array(0..<x.rows)
        var fitRows = all
        var validationRows: [Int] = []
        if options.earlyStopping {
            let split = ChurnSplit.stratified(
                labels: y, testFraction: options.validationFraction, seed: options.seed, rows: all)
            fitRows = split.train
            validationRows = split.test
        }
        let binner = ChurnFeatureBinner.fit(x: x, rows: fitRows, maxBins: options.maxBins, seed: options.seed)
        let bins = binner.transform(x)
        let prior = fitRows.reduce(0.0) { $0 + y[$1] } / Double(fitRows.count)
        let baseline = log(prior / (1 - prior))
        let sparse = bins.withUnsafeBufferPointer {
            ChurnSparseBins(bins: $0, rowCount: x.rows, binCounts: binner.binCounts, fitRows: fitRows)
        }
        let grower = ChurnTreeGrower(
            thresholds: binner.thresholds, sparse: sparse,
            options: .init(
                maxLeafNodes: options.maxLeafNodes, maxDepth: options.maxDepth,
                minSamplesLeaf: options.minSamplesLeaf, l2: options.l2, learningRate: options.learningRate,
                threads: options.threads))
        var raw = [Double](repeating: baseline, count: x.rows)
        var gradients = [Double](repeating: 0, count: x.rows)
        var hessians = [Double](repeating: 0, count: x.rows)
        var trees: [ChurnTree] = []
        var featureGain = [Double](repeating: 0, count: x.columns)
        var validationLoss: [Double] = []
        let validationLabels = validationRows.map { y[$0] }
        func recordValidationLoss() {
            guard !validationRows.isEmpty else { return }
            let probabilities = validationRows.map { ChurnLogisticRegression.sigmoid(raw[$0]) }
            validationLoss.append(ChurnMetrics.logLoss(probabilities: probabilities, labels: validationLabels))
        }
        recordValidationLoss()
        bins.withUnsafeBufferPointer { binBuffer in
            for _ in 0..<options.maxIterations {
                for r in fitRows {
                    let mu = ChurnLogisticRegression.sigmoid(raw[r])
                    gradients[r] = mu - y[r]
                    hessians[r] = max(mu * (1 - mu), 1e-16)
                }
                var order = fitRows  // ascending, so the root histogram streams through memory
                let grown = grower.grow(bins: binBuffer, gradients: gradients, hessians: hessians, rows: &order)
                for (start, end, value) in grown.leaves {
                    for k in start..<end { raw[order[k]] += value }
                }
                for r in validationRows { raw[r] += grown.tree.predict(bins: binBuffer, base: r * x.columns) }
                for (f, gain) in grown.gains { featureGain[f] += gain }
                trees.append(grown.tree)
                recordValidationLoss()
                if options.earlyStopping
                    && shouldStop(validationLoss, patience: options.patience, tolerance: options.tolerance)
                {
                    break
                }
            }
        }
        return ChurnBoostedTrees(
            baseline: baseline, trees: trees, binner: binner, validationLoss: validationLoss, featureGain: featureGain)
    }

    /// True when none of the last `patience` losses beat the one before them by `tolerance`.
    static func shouldStop(_ losses: [Double], patience: Int, tolerance: Double) -> Bool {
        guard losses.count > patience else { return false }
        let reference = losses[losses.count - patience - 1] - tolerance
        return !losses.suffix(patience).contains { $0 < reference }
    }

    /// The raw score (log-odds) of row `i` of `x`.
    public func rawScore(_ x: Matrix, row i: Int) -> Double {
        x.elements.withUnsafeBufferPointer { xs in
            trees.reduce(baseline) { $0 + $1.predict(xs, base: i * x.columns) }
        }
    }

    /// The churn probability of each of `rows` (all rows when nil).
    public func probabilities(_ x: Matrix, rows: [Int]? = nil) -> [Double] {
        (rows ?? Array(0..<x.rows)).map { ChurnLogisticRegression.sigmoid(rawScore(x, row: $0)) }
    }

    /// The path contributions of each input column to row `i`'s log-odds, and the bias, with
    /// `bias + Σ contributions == rawScore` (see `ChurnTree`).
    public func contributions(_ x: Matrix, row i: Int) -> (bias: Double, perFeature: [Double]) {
        var contributions = [Double](repeating: 0, count: x.columns)
        var bias = baseline
        for tree in trees { bias += tree.contribute(x, row: i, into: &contributions) }
        return (bias, contributions)
    }
}
