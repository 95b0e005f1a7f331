import Foundation

/// Greedy k-means++ seeding as scikit-learn implements it (`_kmeans_plusplus`).
///
/// Arthur & Vassilvitskii (2007), "k-means++: the advantages of careful seeding", SODA, §2.2
/// (D² sampling), with the greedy refinement of their §6 used by scikit-learn: each new
/// centre is the best of 2 + ⌊ln k⌋ D²-sampled candidates, the one that most lowers the
/// potential Σ min‖x − c‖². The first centre is a uniformly drawn point.
enum KMeansPlusPlus {
    /// k initial centres (row-major k × d) drawn from `points` (row-major n × d).
    static func seed(points: [Double], n: Int, d: Int, k: Int, rng: inout Xoshiro256StarStar) -> [Double] {
        var centers = [Double](repeating: 0, count: k * d)
        let trials = 2 + Int(log(Double(k)))
        let first = rng.nextInt(below: n)
        for f in 0..<d { centers[f] = points[first * d + f] }
        var closest = [Double](repeating: 0, count: n)
        var potential = 0.0
        points.withUnsafeBufferPointer { x in
            for i in 0..<n {
                closest[i] = squaredDistance(x, i * d, centers, 0, d)
                potential += closest[i]
            }
        }
        var cumulative = [Double](repeating: 0, count: n)
        var candidateDistances = [Double](repeating: 0, count: n)
        var bestDistances = [Double](repeating: 0, count: n)
        for c in 1..<max(k, 1) {
            var running = 0.0
            for i in 0..<n {
                running += closest[i]
                cumulative[i] = running
            }
            var bestPotential = Double.infinity
            var bestIndex = 0
            for _ in 0..<trials {
                let target = rng.nextDouble() * potential
                // numpy searchsorted(side="left"): first index with cumulative ≥ target.
                var lo = 0
                var hi = n
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if cumulative[mid] < target { lo = mid + 1 } else { hi = mid }
                }
                let candidate = min(lo, n - 1)
                var candidatePotential = 0.0
                let centre = Array(points[(candidate * d)..<(candidate * d + d)])
                points.withUnsafeBufferPointer { x in
                    for i in 0..<n {
                        let dist = min(closest[i], squaredDistance(x, i * d, centre, 0, d))
                        candidateDistances[i] = dist
                        candidatePotential += dist
                    }
                }
                if candidatePotential < bestPotential {
                    bestPotential = candidatePotential
                    bestIndex = candidate
                    swap(&bestDistances, &candidateDistances)
                }
            }
            potential = bestPotential
            swap(&closest, &bestDistances)
            for f in 0..<d { centers[c * d + f] = points[bestIndex * d + f] }
        }
        return centers
    }

    @inline(__always)
    private static func squaredDistance(
        _ x: UnsafeBufferPointer<Double>, _ offset: Int, _ c: [Double], _ cOffset: Int, _ d: Int
    ) -> Double {
        var s = 0.0
        for f in 0..<d {
            let diff = x[offset + f] - c[cOffset + f]
            s += diff * diff
        }
        return s
    }
}
