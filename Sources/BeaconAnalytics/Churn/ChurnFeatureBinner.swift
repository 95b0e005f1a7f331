/// Quantile binning of feature columns into at most 255 small integers, the input of the
/// histogram-based boosted trees.
///
/// Follows LightGBM (Ke et al. 2017, "LightGBM: a highly efficient gradient boosting decision
/// tree", NeurIPS, §2, Algorithm 1) as scikit-learn's `HistGradientBoosting` implements it:
/// a column with at most `maxBins` distinct values gets one bin per value, with thresholds at
/// the midpoints between consecutive values; otherwise thresholds are the `k/maxBins`
/// quantiles (midpoint interpolation), duplicates removed. A value `x` falls in the first
/// bin `b` with `x ≤ thresholds[b]` (the last bin when larger than every threshold), so a
/// split "bin ≤ b" is the same as "x ≤ thresholds[b]" on raw values. Thresholds are fitted on
/// at most `sampleSize` rows drawn with a seed, as scikit-learn does (200,000).
public struct ChurnFeatureBinner: Codable, Sendable {
    /// Per column, the ascending upper bin edges; column `f` has `thresholds[f].count + 1` bins.
    public var thresholds: [[Double]]

    /// The number of bins of each column.
    public var binCounts: [Int] { thresholds.map { $0.count + 1 } }

    /// Fits thresholds on `rows` of `x`.
    public static func fit(x: Matrix, rows: [Int], maxBins: Int = 255, sampleSize: Int = 200_000, seed: UInt64 = 0)
        -> ChurnFeatureBinner
    {
        precondition(maxBins >= 2 && maxBins <= 256, "maxBins must be in 2...256")
        var sample = rows
        if sample.count > sampleSize {
            var rng = Xoshiro256StarStar(seed: seed)
            for i in 0..<sampleSize { sample.swapAt(i, i + rng.nextInt(below: sample.count - i)) }
            sample = Array(sample[..<sampleSize])
        }
        var thresholds: [[Double]] = []
        for f in 0..<x.columns {
            let values = sample.map { x[$0, f] }.sorted()
            var distinct: [Double] = []
            for v in values where distinct.last != v { distinct.append(v) }
            var edges: [Double] = []
            if distinct.count <= maxBins {
                for k in 1..<max(distinct.count, 1) { edges.append((distinct[k - 1] + distinct[k]) / 2) }
            } else {
                let n = values.count
                for k in 1..<maxBins {
                    let position = Double(k) / Double(maxBins) * Double(n - 1)
                    let lo = Int(position.rounded(.down))
                    let hi = Int(position.rounded(.up))
                    let edge = (values[lo] + values[hi]) / 2
                    if edges.last != edge { edges.append(edge) }
                }
            }
            thresholds.append(edges)
        }
        return ChurnFeatureBinner(thresholds: thresholds)
    }

    /// The bin of value `x` in column `f`.
    @inline(__always)
    public func bin(_ x: Double, column f: Int) -> UInt8 {
        let edges = thresholds[f]
        var lo = 0
        var hi = edges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if x <= edges[mid] { hi = mid } else { lo = mid + 1 }
        }
        return UInt8(lo)
    }

    /// Bins every row of `x`, row-major (`n × p` bytes), the layout the histogram pass reads.
    public func transform(_ x: Matrix) -> [UInt8] {
        let p = x.columns
        var out = [UInt8](repeating: 0, count: x.rows * p)
        for i in 0..<x.rows {
            for f in 0..<p { out[i * p + f] = bin(x.elements[i * p + f], column: f) }
        }
        return out
    }
}
