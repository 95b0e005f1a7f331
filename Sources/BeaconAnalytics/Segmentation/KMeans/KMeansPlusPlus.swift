import Foundation

/// Greedy k-means++ seeding as scikit-learn implements it (`_kmeans_plusplus`).
///
/// Arthur & Vassilvitskii (2007), "k-means++: the advantages of careful seeding", SODA, §2.2
/// (D² sampling), with the greedy refinement of their §6 used by scikit-learn: each new
/// centre is the best of 2 + ⌊ln k⌋ D²-sampled candidates, the one that most lowers the
/// potential Σ min‖x − c‖². The first centre is a uniformly drawn point. All candidates of a
/// round are scored in one chunked pass over the data; chunk partial sums are added in chunk
/// order, so the seeding does not depend on the thread count.
enum KMeansPlusPlus {
    /// k initial centres (row-major k × d) drawn from `points` (row-major n × d).
    static func seed(
        points: [Double], n: Int, d: Int, k: Int, rng: inout Xoshiro256StarStar, threads: Int = 1
    ) -> [Double] {
        var centers = [Double](repeating: 0, count: k * d)
        let trials = 2 + Int(log(Double(k)))
        let runner = KMeansChunkRunner(rows: n, threads: threads)
        let first = rng.nextInt(below: n)
        for f in 0..<d { centers[f] = points[first * d + f] }
        let closest = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let cumulative = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: runner.chunks * trials)
        defer {
            closest.deallocate()
            cumulative.deallocate()
            partial.deallocate()
        }
        points.withUnsafeBufferPointer { xb in
            let x = xb.baseAddress!
            let firstCentre = Array(points[(first * d)..<(first * d + d)])
            firstCentre.withUnsafeBufferPointer { c in
                runner.forEach { _, rows in
                    for i in rows { closest[i] = KMeansDistance.squared(x + i * d, c.baseAddress!, d) }
                }
            }
            var potential = 0.0
            for i in 0..<n { potential += closest[i] }
            var candidates = [Int](repeating: 0, count: trials)
            var candidateCentres = [Double](repeating: 0, count: trials * d)
            for c in 1..<max(k, 1) {
                var running = 0.0
                for i in 0..<n {
                    running += closest[i]
                    cumulative[i] = running
                }
                for t in 0..<trials {
                    let target = rng.nextDouble() * potential
                    // numpy searchsorted(side="left"): first index with cumulative ≥ target.
                    var lo = 0
                    var hi = n
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if cumulative[mid] < target { lo = mid + 1 } else { hi = mid }
                    }
                    candidates[t] = min(lo, n - 1)
                    for f in 0..<d { candidateCentres[t * d + f] = points[candidates[t] * d + f] }
                }
                candidateCentres.withUnsafeBufferPointer { cc in
                    let centres = cc.baseAddress!
                    runner.forEach { chunk, rows in
                        // trial-outer: a chunk's rows stay in cache and the sum stays in a register
                        for t in 0..<trials {
                            let q = centres + t * d
                            var sum = 0.0
                            for i in rows { sum += min(closest[i], KMeansDistance.squared(x + i * d, q, d)) }
                            partial[chunk * trials + t] = sum
                        }
                    }
                }
                var best = 0
                var bestPotential = Double.infinity
                for t in 0..<trials {
                    var total = 0.0
                    for chunk in 0..<runner.chunks { total += partial[chunk * trials + t] }
                    if total < bestPotential {
                        bestPotential = total
                        best = t
                    }
                }
                potential = bestPotential
                for f in 0..<d { centers[c * d + f] = candidateCentres[best * d + f] }
                candidateCentres.withUnsafeBufferPointer { cc in
                    let centre = cc.baseAddress! + best * d
                    runner.forEach { _, rows in
                        for i in rows { closest[i] = min(closest[i], KMeansDistance.squared(x + i * d, centre, d)) }
                    }
                }
            }
        }
        return centers
    }
}
