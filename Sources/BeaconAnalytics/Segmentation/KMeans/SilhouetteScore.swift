import Dispatch

/// The mean silhouette coefficient of a clustering, as `sklearn.metrics.silhouette_score`.
///
/// Rousseeuw (1987), "Silhouettes: a graphical aid to the interpretation and validation of
/// cluster analysis", *J. Comput. Appl. Math.* 20, eq. (1)–(2): for point i, a(i) is the mean
/// Euclidean distance to the other members of its cluster, b(i) the smallest mean distance
/// to another cluster's members, and s(i) = (b − a) / max(a, b); s(i) = 0 for a point alone
/// in its cluster. The score is the mean of s(i). It costs O(n²·d), so callers pass a sample
/// for large n (scikit-learn's `sample_size`).
public enum SilhouetteScore {
    /// The mean silhouette of `labels` (0..<k) on the rows of `data`.
    /// - Returns: NaN when there are fewer than 2 clusters or fewer than 2 points, where the
    ///   score is undefined (scikit-learn raises instead).
    public static func score(_ data: Matrix, labels: [Int], threads: Int = 1) -> Double {
        let n = data.rows
        let d = data.columns
        guard n >= 2, labels.count == n, let maxLabel = labels.max(), labels.min()! >= 0 else { return .nan }
        let k = maxLabel + 1
        var sizes = [Int](repeating: 0, count: k)
        for l in labels { sizes[l] += 1 }
        guard sizes.filter({ $0 > 0 }).count >= 2 else { return .nan }
        var s = [Double](repeating: 0, count: n)
        data.elements.withUnsafeBufferPointer { xb in
            s.withUnsafeMutableBufferPointer { sb in
                let x = Pointers(x: xb.baseAddress!, s: sb.baseAddress!)
                let block = 256
                let blocks = (n + block - 1) / block
                let work = { (b: Int) in
                    var sums = [Double](repeating: 0, count: k)
                    for i in (b * block)..<min(n, (b + 1) * block) {
                        for j in 0..<k { sums[j] = 0 }
                        let p = x.x + i * d
                        for other in 0..<n {
                            let q = x.x + other * d
                            var dist = 0.0
                            for f in 0..<d {
                                let diff = p[f] - q[f]
                                dist += diff * diff
                            }
                            sums[labels[other]] += dist.squareRoot()
                        }
                        let own = labels[i]
                        guard sizes[own] > 1 else {
                            x.s[i] = 0
                            continue
                        }
                        let a = sums[own] / Double(sizes[own] - 1)
                        var b = Double.infinity
                        for j in 0..<k where j != own && sizes[j] > 0 { b = min(b, sums[j] / Double(sizes[j])) }
                        let m = max(a, b)
                        x.s[i] = m > 0 ? (b - a) / m : 0
                    }
                }
                if threads <= 1 {
                    for b in 0..<blocks { work(b) }
                } else {
                    let shared = Work(call: work)
                    DispatchQueue.concurrentPerform(iterations: blocks) { shared.call($0) }
                }
            }
        }
        return s.reduce(0, +) / Double(n)
    }

    /// Raw pointers shared by the worker blocks, which write disjoint rows.
    private struct Pointers: @unchecked Sendable {
        let x: UnsafePointer<Double>
        let s: UnsafeMutablePointer<Double>
    }

    private struct Work: @unchecked Sendable {
        let call: (Int) -> Void
    }
}
