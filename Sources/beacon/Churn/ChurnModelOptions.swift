import ArgumentParser
import BeaconAnalytics

/// The options that choose and tune a churn model, shared by `train`, `score` and `bench`.
struct ChurnModelOptions: ParsableArguments {
    @Option(name: .customLong("model"), help: "Model family: logistic or gbdt.")
    var kind: ChurnModel.Kind = .logistic

    @Option(help: "Seed of the stratified train/test split (and of the boosting validation split).")
    var seed: UInt64 = 42

    @Option(help: "Share of each class held out for testing, in (0, 1).")
    var testFraction: Double = 0.25

    @Option(help: "Customer id column (default: detected).")
    var id: String?

    @Option(help: "Comma-separated columns to leave out of the features.")
    var exclude: String?

    @Option(name: .customLong("C"), help: "Logistic regression: inverse L2 penalty (scikit-learn's C).")
    var inversePenalty: Double = 1

    @Option(help: "Boosted trees: learning rate.")
    var learningRate: Double = 0.1

    @Option(help: "Boosted trees: maximum number of trees.")
    var maxIterations: Int = 100

    @Option(help: "Boosted trees: maximum depth of a tree.")
    var maxDepth: Int = 6

    @Option(help: "Boosted trees: maximum leaves per tree.")
    var maxLeafNodes: Int = 31

    @Flag(help: "Boosted trees: grow all trees without early stopping on a validation split.")
    var noEarlyStopping = false

    @Option(help: "Worker threads for fitting.")
    var threads: Int = 1

    func validate() throws {
        guard testFraction > 0, testFraction < 1 else { throw ValidationError("--test-fraction must be in (0, 1)") }
        guard inversePenalty > 0 else { throw ValidationError("--C must be positive") }
        guard learningRate > 0 else { throw ValidationError("--learning-rate must be positive") }
        guard maxIterations > 0 else { throw ValidationError("--max-iterations must be positive") }
        guard maxDepth > 0 else { throw ValidationError("--max-depth must be positive") }
        guard maxLeafNodes >= 2 else { throw ValidationError("--max-leaf-nodes must be at least 2") }
        guard threads > 0 else { throw ValidationError("--threads must be positive") }
    }

    /// The library options for `target` and `positive`.
    func trainingOptions(target: String, positive: String) -> ChurnTraining.Options {
        var options = ChurnTraining.Options(target: target, positive: positive)
        options.kind = kind
        options.seed = seed
        options.testFraction = testFraction
        options.idColumn = id
        options.exclude = exclude.map { $0.split(separator: ",").map { String($0) } } ?? []
        options.l2 = 1 / inversePenalty
        options.boosting.learningRate = learningRate
        options.boosting.maxIterations = maxIterations
        options.boosting.maxDepth = maxDepth
        options.boosting.maxLeafNodes = maxLeafNodes
        options.boosting.earlyStopping = !noEarlyStopping
        options.threads = threads
        return options
    }
}

extension ChurnModel.Kind: ExpressibleByArgument {}
