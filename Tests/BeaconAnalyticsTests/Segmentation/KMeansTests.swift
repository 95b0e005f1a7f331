import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("k-means against scikit-learn", .computeBound)
struct KMeansTests {
    typealias Fixture = KMeansSklearnFixture

    static func matrix(_ flat: [Double], columns: Int) -> Matrix {
        var m = Matrix(rows: flat.count / columns, columns: columns)
        m.elements = flat
        return m
    }

    static func check(_ result: KMeans.Result, _ expected: Fixture.Case) {
        #expect(result.labels.map(String.init).joined() == expected.labels)
        #expect(result.inertia.isApproximatelyEqual(to: expected.inertia, relativeTolerance: 1e-10))
        #expect(result.iterations == expected.iterations)
        for (got, want) in zip(result.centroids.elements, expected.centroids) {
            #expect(abs(got - want) <= 1e-9 * max(1, abs(want)))
        }
    }

    @Test(
        "Blobs, k = 4 from given centroids: same labels, inertia, iterations and centroids",
        arguments: KMeans.Algorithm.allCases)
    func blobs(algorithm: KMeans.Algorithm) throws {
        let data = Self.matrix(Fixture.blobPoints, columns: 2)
        let c = Fixture.blobs4
        let fit = try KMeans(clusterCount: c.k, algorithm: algorithm).fit(
            data, initialCentroids: Self.matrix(c.initial, columns: 2))
        Self.check(fit, c)
        #expect(fit.converged)
    }

    @Test(
        "An empty cluster is relocated to the farthest point, as scikit-learn does",
        arguments: KMeans.Algorithm.allCases)
    func emptyCluster(algorithm: KMeans.Algorithm) throws {
        let data = Self.matrix(Fixture.blobPoints, columns: 2)
        let c = Fixture.blobs3Empty
        let fit = try KMeans(clusterCount: c.k, algorithm: algorithm).fit(
            data, initialCentroids: Self.matrix(c.initial, columns: 2))
        Self.check(fit, c)
    }

    @Test(
        "CDNOW summary, standard-scaled, k = 6: scaler and clustering match scikit-learn",
        .enabled(if: SharedData.available, "needs ../shared/datasets"), arguments: KMeans.Algorithm.allCases)
    func cdnow(algorithm: KMeans.Algorithm) throws {
        let text = try String(contentsOfFile: SharedData.dataset("cdnow/cdnow_customers_summary.csv"), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map {
            $0.split(separator: ",").map { Double($0)! }
        }
        let raw = Matrix(rows.map { [$0[1], $0[2], $0[3]] })  // frequency, recency, T
        #expect(raw.rows == 2357)
        let scaler = try ClusterFeatureScaler(fitting: raw)
        for f in 0..<3 {
            #expect(scaler.means[f].isApproximatelyEqual(to: Fixture.cdnowMean[f], relativeTolerance: 1e-12))
            #expect(scaler.scales[f].isApproximatelyEqual(to: Fixture.cdnowScale[f], relativeTolerance: 1e-12))
        }
        let z = try scaler.transform(raw)
        let c = Fixture.cdnow6
        let fit = try KMeans(clusterCount: c.k, algorithm: algorithm).fit(
            z, initialCentroids: Self.matrix(c.initial, columns: 3))
        Self.check(fit, c)
        let first = Matrix((0..<1000).map { z.row($0) })
        let silhouette = SilhouetteScore.score(first, labels: Array(fit.labels[0..<1000]))
        // scikit-learn's distances use ‖x‖² + ‖y‖² − 2x·y, which leaves ~1e-8 instead of 0 between
        // CDNOW's many duplicate rows; Beacon sums squared differences, hence the looser tolerance
        #expect(silhouette.isApproximatelyEqual(to: Fixture.cdnow6SilhouetteFirst1000, relativeTolerance: 1e-9))
    }

    @Test("Silhouette equals sklearn.metrics.silhouette_score, single- and multi-threaded", arguments: [1, 2])
    func silhouette(threads: Int) {
        let data = Self.matrix(Fixture.blobPoints, columns: 2)
        let labels = Fixture.blobs4.labels.map { Int(String($0))! }
        let s = SilhouetteScore.score(data, labels: labels, threads: threads)
        #expect(s.isApproximatelyEqual(to: Fixture.blobs4Silhouette, relativeTolerance: 1e-12))
        #expect(SilhouetteScore.score(data, labels: [Int](repeating: 0, count: data.rows)).isNaN)
    }

    @Test("Seeded k-means++ restarts are reproducible, thread-count independent, and no worse than one start")
    func seededRestarts() throws {
        let data = Self.matrix(Fixture.blobPoints, columns: 2)
        let a = try KMeans(clusterCount: 4, restarts: 10).fit(data, seed: 7)
        let b = try KMeans(clusterCount: 4, restarts: 10, threads: 2).fit(data, seed: 7)
        let lloyd = try KMeans(clusterCount: 4, restarts: 10, algorithm: .lloyd).fit(data, seed: 7)
        #expect(a.labels == b.labels && a.inertia == b.inertia)
        #expect(a.labels == lloyd.labels)
        #expect(a.inertia.isApproximatelyEqual(to: lloyd.inertia, relativeTolerance: 1e-12))
        // scikit-learn's start from the first four points is a poor start; restarts must beat it
        #expect(a.inertia <= Fixture.blobs4.inertia * (1 + 1e-12))
        for seed: UInt64 in 0..<5 {
            let one = try KMeans(clusterCount: 4, restarts: 1).fit(data, seed: seed)
            #expect(a.inertia <= one.inertia * (1 + 1e-12) || seed == 7)
        }
    }

    @Test("Many rows: chunked, two-thread Hamerly equals single-thread Lloyd")
    func chunked() throws {
        // 20,000 points (5 chunks) from a fixed generator, 3 features
        var rng = Xoshiro256StarStar(seed: 99)
        let data = Self.matrix((0..<60_000).map { i in rng.nextDouble() * Double(1 + i % 3) }, columns: 3)
        let h = try KMeans(clusterCount: 8, restarts: 2, algorithm: .hamerly, threads: 2).fit(data, seed: 1)
        let l = try KMeans(clusterCount: 8, restarts: 2, algorithm: .lloyd, threads: 1).fit(data, seed: 1)
        #expect(h.labels == l.labels)
        #expect(h.iterations == l.iterations)
        #expect(h.inertia.isApproximatelyEqual(to: l.inertia, relativeTolerance: 1e-12))
    }

    @Test("Bad input: k larger than n, k = 0, non-finite data, wrong centroid shape, log1p of −1")
    func badInput() throws {
        let data = Matrix([[0, 0], [1, 1]])
        #expect { try KMeans(clusterCount: 3).fit(data, seed: 0) } throws: {
            ($0 as? SegmentationError)?.code == .tooFewRows
        }
        #expect { try KMeans(clusterCount: 0).fit(data, seed: 0) } throws: {
            ($0 as? SegmentationError)?.code == .invalidParameter
        }
        #expect { try KMeans(clusterCount: 1).fit(Matrix([[0, .nan]]), seed: 0) } throws: {
            ($0 as? SegmentationError)?.code == .invalidValue
        }
        #expect { try KMeans(clusterCount: 2).fit(data, initialCentroids: Matrix([[0, 0]])) } throws: {
            ($0 as? SegmentationError)?.code == .dimensionMismatch
        }
        #expect { try ClusterFeatureScaler(fitting: Matrix([[-1.0], [2.0]]), log1p: [true]) } throws: {
            ($0 as? SegmentationError)?.code == .invalidValue
        }
    }

    @Test(
        "Degenerate data: fewer distinct points than k still ends with a valid clustering",
        arguments: KMeans.Algorithm.allCases)
    func degenerate(algorithm: KMeans.Algorithm) throws {
        let same = Matrix(Array(repeating: [2.0, 3.0], count: 10))
        let fit = try KMeans(clusterCount: 3, restarts: 2, algorithm: algorithm).fit(same, seed: 1)
        #expect(fit.inertia == 0)
        #expect(fit.labels.allSatisfy { (0..<3).contains($0) })
        #expect(fit.converged)
        // two distinct points, k = 2: each its own cluster, inertia 0
        let two = Matrix([[0, 0], [0, 0], [5, 5], [5, 5], [5, 5]])
        let fit2 = try KMeans(clusterCount: 2, restarts: 3, algorithm: algorithm).fit(two, seed: 4)
        #expect(fit2.inertia == 0)
        #expect(Set(fit2.labels[0..<2]).count == 1 && Set(fit2.labels[2...]).count == 1)
        #expect(fit2.labels[0] != fit2.labels[2])
        // a constant feature scales to 0 rather than NaN
        let scaler = try ClusterFeatureScaler(fitting: Matrix([[1, 7], [2, 7], [3, 7]]))
        #expect(try scaler.transform(Matrix([[2, 7]])).elements == [0, 0])
    }

    @Test("The scaler's inverse returns original units, through log1p too")
    func scalerRoundTrip() throws {
        let raw = Matrix([[1, 10], [2, 100], [4, 1000], [8, 10000]])
        let scaler = try ClusterFeatureScaler(fitting: raw, log1p: [false, true])
        let back = scaler.inverseTransform(try scaler.transform(raw))
        for (a, b) in zip(back.elements, raw.elements) { #expect(abs(a - b) <= 1e-9 * b) }
    }
}

extension Double {
    fileprivate func isApproximatelyEqual(to other: Double, relativeTolerance: Double) -> Bool {
        self == other || abs(self - other) <= relativeTolerance * Swift.max(abs(self), abs(other))
    }
}
