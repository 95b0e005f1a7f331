import Foundation

/// Standard scaling of clustering features, with an optional log1p per feature first, and
/// its inverse so centroids can be reported in the original units.
///
/// z = (t(x) − mean) / sd, where t is log1p or the identity and sd is the population
/// standard deviation, exactly as scikit-learn's `StandardScaler` (ddof = 0; a feature with
/// zero variance keeps scale 1 so it maps to 0 instead of NaN). log1p tames the long right
/// tails of frequency and spend, which otherwise let a few whales dominate the distances.
public struct ClusterFeatureScaler: Sendable, Equatable {
    public var means: [Double]
    public var scales: [Double]
    /// Whether each feature is log1p-transformed before scaling.
    public var logTransformed: [Bool]

    /// Learns the means and standard deviations of the columns of `data`.
    /// - Parameter log1p: per column, whether to apply log1p first (empty: none).
    /// - Throws: `SegmentationError` for empty data, non-finite values, a shape mismatch, or a
    ///   value ≤ −1 in a log1p column (naming the row and column).
    public init(fitting data: Matrix, log1p: [Bool] = []) throws {
        guard data.rows > 0, data.columns > 0 else { throw SegmentationError(.emptyInput, "no rows to scale") }
        let flags = log1p.isEmpty ? [Bool](repeating: false, count: data.columns) : log1p
        guard flags.count == data.columns else {
            throw SegmentationError(.dimensionMismatch, "log1p flags: \(flags.count) for \(data.columns) columns")
        }
        logTransformed = flags
        means = []
        scales = []
        let transformed = try ClusterFeatureScaler.forward(data, flags)
        let n = Double(data.rows)
        for f in 0..<data.columns {
            var mean = 0.0
            for i in 0..<data.rows { mean += transformed[i, f] }
            mean /= n
            var ss = 0.0
            for i in 0..<data.rows {
                let e = transformed[i, f] - mean
                ss += e * e
            }
            let sd = (ss / n).squareRoot()
            means.append(mean)
            scales.append(sd > 0 ? sd : 1)
        }
    }

    /// The scaled copy of `data`.
    public func transform(_ data: Matrix) throws -> Matrix {
        guard data.columns == means.count else {
            throw SegmentationError(.dimensionMismatch, "expected \(means.count) columns, got \(data.columns)")
        }
        var out = try ClusterFeatureScaler.forward(data, logTransformed)
        for i in 0..<data.rows { for f in 0..<data.columns { out[i, f] = (out[i, f] - means[f]) / scales[f] } }
        return out
    }

    /// Back to original units: x = t⁻¹(z·sd + mean). For a log1p feature this maps a centroid
    /// to the geometric-style centre expm1(mean of log1p), not the arithmetic mean.
    public func inverseTransform(_ data: Matrix) -> Matrix {
        var out = data
        for i in 0..<data.rows {
            for f in 0..<data.columns {
                let t = data[i, f] * scales[f] + means[f]
                out[i, f] = logTransformed[f] ? expm1(t) : t
            }
        }
        return out
    }

    private static func forward(_ data: Matrix, _ flags: [Bool]) throws -> Matrix {
        var out = data
        for i in 0..<data.rows {
            for f in 0..<data.columns {
                let v = data[i, f]
                guard v.isFinite else {
                    throw SegmentationError(.invalidValue, "row \(i + 1), column \(f + 1): \(v) is not finite")
                }
                if flags[f] {
                    guard v > -1 else {
                        throw SegmentationError(
                            .invalidValue, "row \(i + 1), column \(f + 1): log1p needs a value > −1, got \(v)")
                    }
                    out[i, f] = log1p(v)
                }
            }
        }
        return out
    }
}
