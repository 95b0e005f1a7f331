/// One bootstrap replicate of a whole fit, per channel and in target units: what a report needs
/// to put intervals on ROAS, marginal ROAS, contributions and the optimiser's lift.
struct MMMFitDraw: Sendable {
    /// Total media contribution over the fitting window.
    var contribution: [Double]
    /// Marginal ROAS at the current spend (the replicate's own transforms).
    var marginal: [Double]
    /// The coefficient that makes the point fit's transforms give the replicate's response at
    /// the current spend: the draw the response curves, what-if plans and the optimiser use.
    var equivalentCoefficient: [Double]
}

extension MMMBootstrap {
    /// How many settings (the chosen one included) each replicate chooses among.
    static let searchCandidates = 24

    /// One hyper-parameter setting the search visited: its channel transforms (coefficient 1),
    /// its ridge penalty and its media columns.
    struct Candidate {
        var responses: [MMMChannelResponse]
        var lambda: Double
        var media: [[Double]]
    }

    /// Replicates of the whole fit, the hyper-parameter choice included: each replicate adds
    /// moving blocks of residuals to the fitted values (Künsch 1989), re-runs the selection among
    /// `candidates` — the best distinct points the differential-evolution search evaluated,
    /// scored by the search's own objective — and refits the ridge with the winner.
    ///
    /// Re-selecting over the search's near-optimal points is the bootstrap of a data-driven
    /// model choice of Efron (2014), "Estimation and accuracy after model selection", *J. Amer.
    /// Statist. Assoc.* 109(507), §2 (the selection repeated inside every replicate), with the
    /// search itself restricted to the points it visited so that a replicate costs one ridge
    /// fit per candidate rather than a new search.
    /// - Parameters:
    ///   - score: the search objective for a candidate's ridge fit on a resampled target.
    ///   - current: each channel's current spend per period.
    ///   - pointResponses: the point fit's transforms (for the equivalent coefficient).
    ///   - yScale: the target's scale (draws are returned in target units).
    func searchDraws(
        candidates: [Candidate], fitRidge: MMMRidge, y: [Double], fitted: [Double],
        score: (Candidate, [Double]) -> Double, current: [Double], pointResponses: [MMMChannelResponse],
        yScale: Double
    ) -> [MMMFitDraw] {
        guard samples > 0, !candidates.isEmpty else { return [] }
        let rows = fitRidge.rows
        let n = rows.count
        let residuals = rows.map { y[$0] - fitted[$0] }
        let block = max(1, min(blockLength, n))
        var generator = Xoshiro256StarStar(seed: seed)
        let unitResponses = candidates.map { c in
            c.responses.indices.map { k in (c.responses[k].response(current[k]), c.responses[k].marginal(current[k])) }
        }
        let pointUnit = pointResponses.indices.map { pointResponses[$0].response(current[$0]) }
        var out: [MMMFitDraw] = []
        out.reserveCapacity(samples)
        var resampled = y
        for _ in 0..<samples {
            Self.resample(into: &resampled, fitted: fitted, residuals: residuals, rows: rows, block: block, generator: &generator)
            var best = 0
            var bestScore = Double.infinity
            if candidates.count > 1 {
                for (h, candidate) in candidates.enumerated() {
                    let s = score(candidate, resampled)
                    if s < bestScore {
                        bestScore = s
                        best = h
                    }
                }
            }
            let chosen = candidates[best]
            guard let solution = fitRidge.fit(mediaColumns: chosen.media, y: resampled, lambda: chosen.lambda) else {
                continue
            }
            var draw = MMMFitDraw(contribution: [], marginal: [], equivalentCoefficient: [])
            for c in chosen.media.indices {
                let beta = solution.media[c] * yScale
                draw.contribution.append(beta * chosen.media[c][rows].reduce(0, +))
                draw.marginal.append(beta * unitResponses[best][c].1)
                draw.equivalentCoefficient.append(
                    pointUnit[c] > 0 ? beta * unitResponses[best][c].0 / pointUnit[c] : beta)
            }
            out.append(draw)
        }
        return out
    }
}
