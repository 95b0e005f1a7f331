/// The iteration loop behind `KMeans`: one run from given centres on centred data, with
/// plain Lloyd steps or Hamerly's bounds, following scikit-learn's stopping rules.
///
/// Rows are processed in the fixed chunks of `KMeansChunkRunner`; each chunk writes its own partial sums,
/// which are then added in chunk order, so the arithmetic (and hence the result) does not
/// depend on how many threads ran the chunks.
struct KMeansEngine {
    struct Run {
        var labels: [Int]
        var centers: [Double]
        var inertia: Double
        var iterations: Int
        var converged: Bool
    }

    let points: [Double]
    let n: Int
    let d: Int
    let threads: Int

    init(points: [Double], n: Int, d: Int, threads: Int) {
        self.points = points
        self.n = n
        self.d = d
        self.threads = threads
    }

    func run(initial: [Double], k: Int, maxIterations: Int, tolerance: Double, algorithm: KMeans.Algorithm) -> Run {
        points.withUnsafeBufferPointer { x in
            var state = State(x: x.baseAddress!, n: n, d: d, k: k, threads: threads, centers: initial)
            defer { state.release() }
            var strict = false
            var stoppedEarly = false
            var iterations = 0
            for iteration in 0..<maxIterations {
                iterations = iteration + 1
                let changed: Int
                if algorithm == .hamerly && iteration > 0 {
                    changed = state.assignHamerly()
                } else {
                    changed = state.assignFull(trackBounds: algorithm == .hamerly)
                }
                let shift = state.updateCenters(trackBounds: algorithm == .hamerly)
                if changed == 0 {
                    strict = true
                    stoppedEarly = true
                    break
                }
                if shift <= tolerance {
                    stoppedEarly = true
                    break
                }
            }
            if !strict {
                // labels against the final centres; Hamerly's bounds are valid for them, so its
                // pruned step gives the same labels as a full scan at a fraction of the cost
                _ =
                    algorithm == .hamerly && iterations > 0
                    ? state.assignHamerly() : state.assignFull(trackBounds: false)
            }
            return Run(
                labels: (0..<n).map { Int(state.labels[$0]) }, centers: state.centers,
                inertia: state.inertia(), iterations: iterations, converged: stoppedEarly)
        }
    }
}

/// Buffers of one run. Points, labels and bounds are indexed by row; partial sums by chunk.
private struct State {
    let x: UnsafePointer<Double>
    let n: Int, d: Int, k: Int, threads: Int, chunks: Int
    var centers: [Double]
    let labels: UnsafeMutablePointer<Int32>
    let upper: UnsafeMutablePointer<Double>
    let lower: UnsafeMutablePointer<Double>
    let chunkSums: UnsafeMutablePointer<Double>
    let chunkCounts: UnsafeMutablePointer<Int>
    let chunkScalars: UnsafeMutablePointer<Double>
    /// Half the distance from each centre to its nearest other centre (Hamerly's s(j)).
    var halfSeparation: [Double]
    /// How far each centre moved in the last update.
    var movement: [Double]

    init(x: UnsafePointer<Double>, n: Int, d: Int, k: Int, threads: Int, centers: [Double]) {
        self.x = x
        self.n = n
        self.d = d
        self.k = k
        self.threads = threads
        self.chunks = KMeansChunkRunner(rows: n, threads: threads).chunks
        self.centers = centers
        labels = .allocate(capacity: n)
        labels.initialize(repeating: -1, count: n)
        upper = .allocate(capacity: n)
        upper.initialize(repeating: 0, count: n)
        lower = .allocate(capacity: n)
        lower.initialize(repeating: 0, count: n)
        chunkSums = .allocate(capacity: chunks * k * d)
        chunkSums.initialize(repeating: 0, count: chunks * k * d)
        chunkCounts = .allocate(capacity: chunks * k)
        chunkCounts.initialize(repeating: 0, count: chunks * k)
        chunkScalars = .allocate(capacity: chunks)
        chunkScalars.initialize(repeating: 0, count: chunks)
        halfSeparation = [Double](repeating: .infinity, count: k)
        movement = [Double](repeating: 0, count: k)
    }

    func release() {
        labels.deallocate()
        upper.deallocate()
        lower.deallocate()
        chunkSums.deallocate()
        chunkCounts.deallocate()
        chunkScalars.deallocate()
    }

    /// Runs `body(chunk, rows)` for every chunk (see `KMeansChunkRunner`).
    private func forEachChunk(_ body: (Int, Range<Int>) -> Void) {
        KMeansChunkRunner(rows: n, threads: threads).forEach(body)
    }

    /// Assigns every point to its nearest centre (first index on ties) and accumulates the
    /// chunk sums; with `trackBounds`, also sets Hamerly's upper and lower bounds.
    /// - Returns: how many labels changed.
    mutating func assignFull(trackBounds: Bool) -> Int {
        let (x, d, k, labels, upper, lower) = (self.x, self.d, self.k, self.labels, self.upper, self.lower)
        let (sums, counts, changedOut) = (chunkSums, chunkCounts, chunkScalars)
        centers.withUnsafeBufferPointer { cBuf in
            let c = cBuf.baseAddress!
            forEachChunk { chunk, rows in
                let s = sums + chunk * k * d
                let cnt = counts + chunk * k
                s.update(repeating: 0, count: k * d)
                cnt.update(repeating: 0, count: k)
                var changed = 0
                for i in rows {
                    let p = x + i * d
                    var best = 0
                    var bestD = Double.infinity
                    var secondD = Double.infinity
                    for j in 0..<k {
                        let dist = KMeansDistance.squared(p, c + j * d, d)
                        // branch-free update of the two smallest distances (first index wins ties)
                        let better = dist < bestD
                        secondD = better ? bestD : Swift.min(secondD, dist)
                        best = better ? j : best
                        bestD = better ? dist : bestD
                    }
                    if labels[i] != Int32(best) {
                        changed += 1
                        labels[i] = Int32(best)
                    }
                    if trackBounds {
                        upper[i] = bestD.squareRoot()
                        lower[i] = secondD.squareRoot()
                    }
                    let t = s + best * d
                    for f in 0..<d { t[f] += p[f] }
                    cnt[best] += 1
                }
                changedOut[chunk] = Double(changed)
            }
        }
        return (0..<chunks).reduce(0) { $0 + Int(chunkScalars[$1]) }
    }

    /// Hamerly's assignment step (Algorithm 2, lines 5–13): a point whose upper bound is below
    /// both its lower bound and half its centre's separation keeps its label untouched.
    mutating func assignHamerly() -> Int {
        let (x, d, k, labels, upper, lower) = (self.x, self.d, self.k, self.labels, self.upper, self.lower)
        let (sums, counts, changedOut) = (chunkSums, chunkCounts, chunkScalars)
        computeHalfSeparation()
        halfSeparation.withUnsafeBufferPointer { sBuf in
            centers.withUnsafeBufferPointer { cBuf in
                let c = cBuf.baseAddress!
                let sep = sBuf.baseAddress!
                forEachChunk { chunk, rows in
                    let s = sums + chunk * k * d
                    let cnt = counts + chunk * k
                    s.update(repeating: 0, count: k * d)
                    cnt.update(repeating: 0, count: k)
                    var changed = 0
                    for i in rows {
                        let p = x + i * d
                        var a = Int(labels[i])
                        let m = max(sep[a], lower[i])
                        if upper[i] > m {
                            let own = KMeansDistance.squared(p, c + a * d, d)
                            upper[i] = own.squareRoot()
                            if upper[i] > m {
                                var best = 0
                                var bestD = Double.infinity
                                var secondD = Double.infinity
                                for j in 0..<k {
                                    let dist = KMeansDistance.squared(p, c + j * d, d)
                                    let better = dist < bestD
                                    secondD = better ? bestD : Swift.min(secondD, dist)
                                    best = better ? j : best
                                    bestD = better ? dist : bestD
                                }
                                if best != a {
                                    changed += 1
                                    labels[i] = Int32(best)
                                    a = best
                                }
                                upper[i] = bestD.squareRoot()
                                lower[i] = secondD.squareRoot()
                            }
                        }
                        let t = s + a * d
                        for f in 0..<d { t[f] += p[f] }
                        cnt[a] += 1
                    }
                    changedOut[chunk] = Double(changed)
                }
            }
        }
        return (0..<chunks).reduce(0) { $0 + Int(chunkScalars[$1]) }
    }

    private mutating func computeHalfSeparation() {
        for j in 0..<k {
            var nearest = Double.infinity
            for other in 0..<k where other != j {
                var dist = 0.0
                for f in 0..<d {
                    let diff = centers[j * d + f] - centers[other * d + f]
                    dist += diff * diff
                }
                nearest = min(nearest, dist)
            }
            halfSeparation[j] = 0.5 * nearest.squareRoot()
        }
    }

    /// Moves the centres to their members' means (relocating empty clusters as scikit-learn
    /// does) and, with `trackBounds`, loosens the bounds by the movement.
    /// - Returns: the sum of squared centre shifts.
    mutating func updateCenters(trackBounds: Bool) -> Double {
        var sums = [Double](repeating: 0, count: k * d)
        var weights = [Double](repeating: 0, count: k)
        for chunk in 0..<chunks {
            for t in 0..<(k * d) { sums[t] += chunkSums[chunk * k * d + t] }
            for j in 0..<k { weights[j] += Double(chunkCounts[chunk * k + j]) }
        }
        relocateEmptyClusters(sums: &sums, weights: &weights)
        var total = 0.0
        var newCenters = centers
        for j in 0..<k {
            var moved = 0.0
            if weights[j] > 0 {
                for f in 0..<d {
                    newCenters[j * d + f] = sums[j * d + f] / weights[j]
                    let diff = newCenters[j * d + f] - centers[j * d + f]
                    moved += diff * diff
                }
            }
            movement[j] = moved.squareRoot()
            total += moved
        }
        centers = newCenters
        if trackBounds { loosenBounds() }
        return total
    }

    /// scikit-learn's `_relocate_empty_clusters_dense`: each empty cluster takes the point
    /// farthest from its current centre (largest first), which leaves its old cluster.
    private func relocateEmptyClusters(sums: inout [Double], weights: inout [Double]) {
        let empty = (0..<k).filter { weights[$0] == 0 }
        guard !empty.isEmpty else { return }
        var distances = [(Double, Int)]()
        distances.reserveCapacity(n)
        for i in 0..<n {
            let a = Int(labels[i])
            var dist = 0.0
            for f in 0..<d {
                let diff = x[i * d + f] - centers[a * d + f]
                dist += diff * diff
            }
            distances.append((dist, i))
        }
        let far = distances.sorted { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }.prefix(empty.count)
        for (target, (_, i)) in zip(empty, far) {
            let old = Int(labels[i])
            for f in 0..<d {
                sums[old * d + f] -= x[i * d + f]
                sums[target * d + f] = x[i * d + f]
            }
            weights[target] = 1
            weights[old] -= 1
        }
    }

    /// Hamerly's bound update (Algorithm 2, lines 14–17).
    private func loosenBounds() {
        var largest = 0
        for j in 1..<max(k, 1) where movement[j] > movement[largest] { largest = j }
        var secondLargest = 0.0
        for j in 0..<k where j != largest { secondLargest = max(secondLargest, movement[j]) }
        let maxMove = movement[largest]
        let (labels, upper, lower) = (self.labels, self.upper, self.lower)
        movement.withUnsafeBufferPointer { move in
            forEachChunk { _, rows in
                for i in rows {
                    let a = Int(labels[i])
                    upper[i] += move[a]
                    lower[i] -= a == largest ? secondLargest : maxMove
                }
            }
        }
    }

    /// Σ‖x − c_label‖², added chunk by chunk in order.
    func inertia() -> Double {
        let (x, d, labels, partial) = (self.x, self.d, self.labels, chunkScalars)
        centers.withUnsafeBufferPointer { cBuf in
            let c = cBuf.baseAddress!
            forEachChunk { chunk, rows in
                var s = 0.0
                for i in rows {
                    s += KMeansDistance.squared(x + i * d, c + Int(labels[i]) * d, d)
                }
                partial[chunk] = s
            }
        }
        return (0..<chunks).reduce(0.0) { $0 + chunkScalars[$1] }
    }
}
