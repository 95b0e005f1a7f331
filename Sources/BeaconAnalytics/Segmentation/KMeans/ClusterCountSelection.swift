/// Choosing k for k-means: inertia (the elbow) and mean silhouette over a range of k.
///
/// For each k the best of `restarts` k-means++ runs is kept. The elbow is the k whose point
/// on the inertia curve lies farthest from the chord joining the curve's two ends, with both
/// axes scaled to [0, 1] — the "kneedle" criterion of Satopää, Albrecht, Irwin & Raghavan
/// (2011), "Finding a 'kneedle' in a haystack", ICDCS workshops, §III, for a convex,
/// decreasing curve. The silhouette (`SilhouetteScore`) is computed on a seeded random
/// sample of at most `silhouetteSampleSize` points, as scikit-learn's `sample_size` does.
public struct ClusterCountSelection: Sendable {
    /// How `chosenK` is picked.
    public enum Rule: String, Sendable, CaseIterable {
        /// The elbow of the inertia curve.
        case elbow
        /// The k with the highest mean silhouette.
        case silhouette
    }

    /// One candidate k.
    public struct Candidate: Sendable, Equatable {
        public var k: Int
        public var inertia: Double
        public var silhouette: Double
    }

    public var candidates: [Candidate]
    /// The elbow of the inertia curve.
    public var elbowK: Int
    /// The k with the highest silhouette.
    public var silhouetteK: Int
    /// The k picked by `rule`.
    public var chosenK: Int
    public var rule: Rule

    /// Fits k-means for every k in `range` on `data` (already scaled).
    /// - Parameters:
    ///   - kmeans: the settings for each fit; its `clusterCount` is replaced by each k.
    ///   - seed: the seed of every fit and of the silhouette sample.
    /// - Throws: `SegmentationError` for a range below 2, more clusters than points, or bad data.
    public init(
        data: Matrix, range: ClosedRange<Int> = 2...10, kmeans: KMeans = KMeans(clusterCount: 2),
        seed: UInt64, rule: Rule = .elbow, silhouetteSampleSize: Int = 10_000
    ) throws {
        guard range.lowerBound >= 2 else {
            throw SegmentationError(.invalidParameter, "k must start at 2 or more to compare silhouettes")
        }
        guard range.upperBound <= data.rows else {
            throw SegmentationError(.tooFewRows, "k up to \(range.upperBound) needs as many points, got \(data.rows)")
        }
        let sample = ClusterCountSelection.sampleRows(n: data.rows, size: silhouetteSampleSize, seed: seed)
        var sampleData = Matrix(rows: sample.count, columns: data.columns)
        for (r, i) in sample.enumerated() { for f in 0..<data.columns { sampleData[r, f] = data[i, f] } }
        var candidates: [Candidate] = []
        for k in range {
            var settings = kmeans
            settings.clusterCount = k
            let fit = try settings.fit(data, seed: seed)
            let silhouette = SilhouetteScore.score(
                sampleData, labels: sample.map { fit.labels[$0] }, threads: kmeans.threads)
            candidates.append(Candidate(k: k, inertia: fit.inertia, silhouette: silhouette))
        }
        self.candidates = candidates
        self.rule = rule
        elbowK =
            ClusterCountSelection.elbow(candidates.map { (Double($0.k), $0.inertia) }).map { candidates[$0].k }
            ?? range.lowerBound
        silhouetteK =
            candidates.max { a, b in
                // NaN never wins; ties keep the smaller k
                (a.silhouette.isNaN ? -.infinity : a.silhouette) < (b.silhouette.isNaN ? -.infinity : b.silhouette)
                    || (a.silhouette == b.silhouette && a.k > b.k)
            }!.k
        chosenK = rule == .elbow ? elbowK : silhouetteK
    }

    /// The index of the curve point farthest from the chord between its ends (both axes
    /// normalised); nil for fewer than 3 points or a flat curve.
    public static func elbow(_ points: [(x: Double, y: Double)]) -> Int? {
        guard points.count >= 3, let first = points.first, let last = points.last else { return nil }
        let ys = points.map(\.y)
        let (yMin, yMax) = (ys.min()!, ys.max()!)
        guard yMax > yMin, last.x > first.x else { return nil }
        let norm = points.map { ((($0.x - first.x) / (last.x - first.x)), ($0.y - yMin) / (yMax - yMin)) }
        let (ax, ay) = norm.first!
        let (bx, by) = norm.last!
        // distance to the chord up to a constant factor: |cross((b − a), (p − a))|
        var best: Int? = nil
        var bestDistance = 0.0
        for (i, p) in norm.enumerated() {
            let distance = abs((bx - ax) * (p.1 - ay) - (by - ay) * (p.0 - ax))
            if distance > bestDistance {
                bestDistance = distance
                best = i
            }
        }
        return best
    }

    /// All rows when n ≤ size, else `size` distinct rows drawn by a seeded partial shuffle.
    static func sampleRows(n: Int, size: Int, seed: UInt64) -> [Int] {
        guard n > size, size > 0 else { return Array(0..<n) }
        var rng = Xoshiro256StarStar(seed: seed ^ 0x5EED_51_1E77E)
        var index = Array(0..<n)
        for i in 0..<size {
            let j = i + rng.nextInt(below: n - i)
            index.swapAt(i, j)
        }
        return Array(index[0..<size]).sorted()
    }
}
