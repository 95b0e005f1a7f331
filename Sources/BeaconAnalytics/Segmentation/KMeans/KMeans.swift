/// k-means clustering: k-means++ seeding, Lloyd iterations accelerated by Hamerly's bounds,
/// restarts, and scikit-learn's convergence rules, so the same start gives the same answer.
///
/// Minimises the inertia Σᵢ ‖xᵢ − c_{label(i)}‖² (Lloyd 1982, "Least squares quantization in
/// PCM", *IEEE Trans. Inf. Theory* 28(2)). Each run is seeded by greedy k-means++ (Arthur &
/// Vassilvitskii 2007, "k-means++: the advantages of careful seeding", SODA, §2.2, with
/// 2 + ⌊ln k⌋ local trials per centre as in scikit-learn), then iterated with the exact
/// acceleration of Hamerly (2010), "Making k-means even faster", SDM, Algorithm 2 (one
/// upper and one lower distance bound per point), or with plain Lloyd steps.
///
/// Iteration and stopping follow scikit-learn 1.x `_kmeans_single_lloyd`: the data are
/// centred on their column means first; a step assigns points to the nearest centre and
/// moves the centres to their members' means (a centre left empty is moved onto the point
/// farthest from its own centre, as scikit-learn relocates empty clusters); the run stops
/// when no label changed ("strict convergence") or when the sum of squared centre shifts is
/// at most `tolerance × mean(column variances)`; if it stopped on the shift, the labels are
/// recomputed against the final centres. `inertia` is then computed for those labels.
/// With the same initial centroids the labels and inertia match scikit-learn's up to
/// floating-point ties.
///
/// Work is split into fixed chunks of rows whose partial sums are added in chunk order, so
/// the result is bit-identical for any `threads` value.
public struct KMeans: Sendable {
    /// How each iteration finds the nearest centre; both give the same clustering.
    public enum Algorithm: String, Sendable, CaseIterable {
        /// Every point against every centre each step.
        case lloyd
        /// Hamerly's bounds skip most distance computations once the centres settle.
        case hamerly
    }

    /// The outcome of a fit.
    public struct Result: Sendable {
        /// Cluster of each point (0..<k).
        public var labels: [Int]
        /// k × d centroids in the units of the data given to `fit`.
        public var centroids: Matrix
        /// Sum of squared distances of points to their centroid.
        public var inertia: Double
        /// Lloyd steps of the best run.
        public var iterations: Int
        /// False when the best run hit `maxIterations`.
        public var converged: Bool
    }

    public var clusterCount: Int
    /// Independent k-means++ starts (scikit-learn's `n_init`); the lowest inertia wins.
    public var restarts: Int
    public var maxIterations: Int
    /// Relative tolerance: a run stops when Σ‖Δc‖² ≤ tolerance × mean column variance.
    public var tolerance: Double
    public var algorithm: Algorithm
    /// Worker threads for the assignment step (1 = single-threaded).
    public var threads: Int

    public init(
        clusterCount: Int, restarts: Int = 10, maxIterations: Int = 300, tolerance: Double = 1e-4,
        algorithm: Algorithm = .hamerly, threads: Int = 1
    ) {
        self.clusterCount = clusterCount
        self.restarts = restarts
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.algorithm = algorithm
        self.threads = threads
    }

    /// Clusters the rows of `data` from `restarts` k-means++ starts drawn from `seed`.
    /// - Throws: `SegmentationError` for bad parameters, non-finite data or fewer rows than k.
    public func fit(_ data: Matrix, seed: UInt64) throws -> Result {
        try validate(data)
        guard restarts >= 1 else { throw SegmentationError(.invalidParameter, "restarts must be at least 1") }
        let (centred, mean) = KMeans.centred(data)
        let engine = KMeansEngine(points: centred, n: data.rows, d: data.columns, threads: threads)
        let absoluteTolerance = tolerance * KMeans.meanVariance(centred, n: data.rows, d: data.columns)
        var rng = Xoshiro256StarStar(seed: seed)
        var best: KMeansEngine.Run? = nil
        for _ in 0..<restarts {
            let start = KMeansPlusPlus.seed(
                points: centred, n: data.rows, d: data.columns, k: clusterCount, rng: &rng, threads: threads)
            let run = engine.run(
                initial: start, k: clusterCount, maxIterations: maxIterations,
                tolerance: absoluteTolerance, algorithm: algorithm)
            if best == nil || run.inertia < best!.inertia { best = run }
        }
        return KMeans.result(best!, mean: mean, d: data.columns)
    }

    /// One run from the given k × d initial centroids (scikit-learn's `init=array, n_init=1`).
    /// - Throws: `SegmentationError` for bad parameters or shapes.
    public func fit(_ data: Matrix, initialCentroids: Matrix) throws -> Result {
        try validate(data)
        guard initialCentroids.rows == clusterCount, initialCentroids.columns == data.columns else {
            throw SegmentationError(
                .dimensionMismatch,
                "initial centroids are \(initialCentroids.rows)×\(initialCentroids.columns), "
                    + "expected \(clusterCount)×\(data.columns)")
        }
        let (centred, mean) = KMeans.centred(data)
        var start = initialCentroids.elements
        for j in 0..<clusterCount { for f in 0..<data.columns { start[j * data.columns + f] -= mean[f] } }
        let engine = KMeansEngine(points: centred, n: data.rows, d: data.columns, threads: threads)
        let run = engine.run(
            initial: start, k: clusterCount, maxIterations: maxIterations,
            tolerance: tolerance * KMeans.meanVariance(centred, n: data.rows, d: data.columns),
            algorithm: algorithm)
        return KMeans.result(run, mean: mean, d: data.columns)
    }

    private func validate(_ data: Matrix) throws {
        guard data.rows > 0, data.columns > 0 else { throw SegmentationError(.emptyInput, "no points to cluster") }
        guard clusterCount >= 1 else {
            throw SegmentationError(.invalidParameter, "k must be at least 1, got \(clusterCount)")
        }
        guard data.rows >= clusterCount else {
            throw SegmentationError(
                .tooFewRows, "k = \(clusterCount) needs at least \(clusterCount) points, got \(data.rows)")
        }
        guard maxIterations >= 1, tolerance >= 0, threads >= 1 else {
            throw SegmentationError(.invalidParameter, "maxIterations and threads must be ≥ 1 and tolerance ≥ 0")
        }
        if let bad = data.elements.firstIndex(where: { !$0.isFinite }) {
            throw SegmentationError(
                .invalidValue, "point \(bad / data.columns + 1), feature \(bad % data.columns + 1) is not finite")
        }
    }

    private static func centred(_ data: Matrix) -> ([Double], [Double]) {
        let n = data.rows
        let d = data.columns
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for f in 0..<d { mean[f] += data.elements[i * d + f] } }
        for f in 0..<d { mean[f] /= Double(n) }
        var out = data.elements
        for i in 0..<n { for f in 0..<d { out[i * d + f] -= mean[f] } }
        return (out, mean)
    }

    /// Mean over columns of the population variance (numpy `np.var(X, axis=0).mean()`).
    private static func meanVariance(_ centred: [Double], n: Int, d: Int) -> Double {
        var total = 0.0
        for f in 0..<d {
            var s = 0.0
            for i in 0..<n { s += centred[i * d + f] * centred[i * d + f] }
            total += s / Double(n)
        }
        return total / Double(d)
    }

    private static func result(_ run: KMeansEngine.Run, mean: [Double], d: Int) -> Result {
        let k = run.centers.count / d
        var centroids = Matrix(rows: k, columns: d)
        for j in 0..<k { for f in 0..<d { centroids[j, f] = run.centers[j * d + f] + mean[f] } }
        return Result(
            labels: run.labels, centroids: centroids, inertia: run.inertia, iterations: run.iterations,
            converged: run.converged)
    }
}
