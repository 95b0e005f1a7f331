/// Quantile scores 1…q exactly as pandas computes `qcut(x.rank(method="first"), q)`.
///
/// The values are first ranked 1…n with ties broken by position (`rank(method="first")`),
/// which makes every rank distinct, so `qcut` never meets duplicate bin edges. `qcut` then
/// cuts the ranks at their linear-interpolation quantiles `e_j = 1 + (n − 1)·j/q`
/// (numpy's default quantile method) into right-closed bins `(e_{j−1}, e_j]`, the first bin
/// also holding `e_0`. A rank `r` therefore falls in bin `j = max(1, ⌈q·(r − 1)/(n − 1)⌉)`,
/// which is computed here in integers, so boundary ranks are never decided by rounding.
///
/// Edge cases: NaN values are ranked last (pandas would leave them unscored; callers
/// reject them first). A single value has no quantiles: pandas raises "Bin edges must be
/// unique", and so does this (`tooFewRows`).
public enum QuantileScore {
    /// The bin (1…q) of each value, in input order.
    /// - Parameters:
    ///   - values: the values to score, in the order that breaks ties.
    ///   - bins: q, the number of quantile bins (5 for RFM).
    ///   - descending: when true, the smallest values get the highest score (recency:
    ///     pandas' `labels=[5, 4, 3, 2, 1]`).
    /// - Throws: `SegmentationError` for fewer than 2 values or `bins < 1`.
    public static func scores(_ values: [Double], bins: Int = 5, descending: Bool = false) throws -> [Int] {
        guard bins >= 1 else { throw SegmentationError(.invalidParameter, "bins must be at least 1, got \(bins)") }
        let n = values.count
        guard n >= 2 else {
            throw SegmentationError(.tooFewRows, "quantile scores need at least 2 values, got \(n)")
        }
        let ranks = firstRanks(values)
        return ranks.map { r in
            let numerator = bins * (r - 1)
            let bin = max(1, (numerator + (n - 1) - 1) / (n - 1))
            return descending ? bins + 1 - bin : bin
        }
    }

    /// Ranks 1…n, ties broken by order of appearance (pandas `rank(method="first")`).
    public static func firstRanks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { a, b in
            let va = values[a]
            let vb = values[b]
            if va.isNaN || vb.isNaN {
                if va.isNaN != vb.isNaN { return vb.isNaN }
                return a < b
            }
            return va < vb || (va == vb && a < b)
        }
        var ranks = [Int](repeating: 0, count: values.count)
        for (position, index) in order.enumerated() { ranks[index] = position + 1 }
        return ranks
    }
}
