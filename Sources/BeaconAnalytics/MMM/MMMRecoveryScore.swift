/// How close a fit came to a simulated truth, channel by channel: the relative error of each
/// channel's total contribution and whether its interval covers the true ROAS and contribution.
///
/// The measures of a simulation-based recovery study for marketing-mix models (Jin et al. 2017,
/// "Bayesian Methods for Media Mix Modeling with Carryover and Shape Effects", §4: bias of the
/// estimated ROAS and coverage of its credible interval over many simulated data sets).
public struct MMMRecoveryScore: Codable, Sendable, Equatable {
    /// One channel's recovery.
    public struct Channel: Codable, Sendable, Equatable {
        public var name: String
        /// `fitted / true − 1` of the total contribution over the fitting window.
        public var contributionError: Double
        public var roasCovered: Bool
        public var contributionCovered: Bool
    }

    public var channels: [Channel]

    /// Scores `fit` against `truth`, matching channels by name (channels the truth lacks are skipped).
    public init(fit: MMMFit, truth: TechStyleGenerator.Truth) {
        channels = fit.channels.compactMap { c in
            guard let t = truth.channels.first(where: { $0.name == c.name }), t.totalContribution > 0 else {
                return nil
            }
            let interval = c.contributionInterval ?? MMMInterval(
                estimate: c.totalContribution, lower: c.totalContribution, upper: c.totalContribution, level: 0)
            return Channel(
                name: c.name, contributionError: c.totalContribution / t.totalContribution - 1,
                roasCovered: c.roas.lower <= t.roas && t.roas <= c.roas.upper,
                contributionCovered: interval.lower <= t.totalContribution && t.totalContribution <= interval.upper)
        }
    }

    /// The median of `values` (NaN when empty).
    public static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
    }
}
