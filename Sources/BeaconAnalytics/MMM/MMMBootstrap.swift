/// Moving-block residual bootstrap of the media coefficients with the hyper-parameters
/// held fixed (Künsch 1989, "The jackknife and the bootstrap for general stationary
/// observations", *Ann. Statist.* 17(3); blocks keep the residuals' autocorrelation).
///
/// Each replicate adds residual blocks, drawn with replacement, to the fitted values and
/// refits the non-negative ridge; the replicates' media coefficients give percentile
/// intervals for ROAS, marginal ROAS, response curves and what-if plans.
struct MMMBootstrap: Sendable {
    var samples: Int
    var blockLength: Int
    var seed: UInt64

    /// `samples` replicates of the media coefficients (outer index: replicate), in the
    /// units of `y`.
    func coefficientDraws(
        ridge: MMMRidge, y: [Double], fitted: [Double], baselineColumns: [[Double]], mediaColumns: [[Double]],
        lambda: Double
    ) -> [[Double]] {
        guard samples > 0 else { return [] }
        let rows = ridge.rows
        let n = rows.count
        let residuals = rows.map { y[$0] - fitted[$0] }
        let block = max(1, min(blockLength, n))
        var generator = Xoshiro256StarStar(seed: seed)
        var out: [[Double]] = []
        out.reserveCapacity(samples)
        var resampled = y
        for _ in 0..<samples {
            Self.resample(into: &resampled, fitted: fitted, residuals: residuals, rows: rows, block: block, generator: &generator)
            if let solution = ridge.fit(mediaColumns: mediaColumns, y: resampled, lambda: lambda) {
                out.append(solution.media)
            }
        }
        return out
    }

    /// One replicate's target over `rows`: the fitted values plus blocks of `block` consecutive
    /// residuals whose starts are drawn uniformly with replacement (Künsch 1989, §2), the last
    /// block cut at the end of the rows.
    static func resample(
        into resampled: inout [Double], fitted: [Double], residuals: [Double], rows: Range<Int>, block: Int,
        generator: inout Xoshiro256StarStar
    ) {
        let n = rows.count
        var t = 0
        while t < n {
            let start = generator.nextInt(below: n - block + 1)
            for k in 0..<block where t + k < n {
                resampled[rows.lowerBound + t + k] = fitted[rows.lowerBound + t + k] + residuals[start + k]
            }
            t += block
        }
    }
}
