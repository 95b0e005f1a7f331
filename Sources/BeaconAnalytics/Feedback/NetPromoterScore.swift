/// The Net Promoter Score of 0–10 "how likely are you to recommend" answers, with a 95 %
/// adjusted-Wald interval.
///
/// NPS = % promoters (9–10) − % detractors (0–6), −100…100 (Reichheld 2003). The interval is the
/// adjusted Wald of Rocks (2016), "Interval Estimation for the 'Net Promoter Score'", The American
/// Statistician 70(4), 365–372, the best-covering of the methods compared there: add 3/4 to the
/// promoter and detractor counts and 3 to n, then p̃ − d̃ ± z·√((p̃ + d̃ − (p̃ − d̃)²) / ñ), clipped to
/// ±100. With no answers the score and the interval are NaN.
public struct NetPromoterScore: Sendable, Equatable {
    public var promoters: Int
    public var passives: Int
    public var detractors: Int

    /// The number of answers.
    public var responses: Int { promoters + passives + detractors }

    /// From counts of each group.
    public init(promoters: Int, passives: Int, detractors: Int) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    /// From raw 0–10 answers.
    /// - Throws: `FeedbackScoreError` (field `score`, with the answer's index) for an answer that is
    ///   not a whole number from 0 to 10.
    public init(scores: [Double]) throws {
        var counts = (promoters: 0, passives: 0, detractors: 0)
        for (index, value) in scores.enumerated() {
            switch try FeedbackScoreError.checked(value, field: "score", range: 0...10, index: index) {
            case 9...10: counts.promoters += 1
            case 7...8: counts.passives += 1
            default: counts.detractors += 1
            }
        }
        self.init(promoters: counts.promoters, passives: counts.passives, detractors: counts.detractors)
    }

    /// The group an answer belongs to; nil outside 0–10.
    public static func group(of score: Int) -> Group? {
        switch score {
        case 9...10: return .promoter
        case 7...8: return .passive
        case 0...6: return .detractor
        default: return nil
        }
    }

    /// Promoters (9–10), passives (7–8) and detractors (0–6).
    public enum Group: String, Sendable, CaseIterable, Codable {
        case promoter, passive, detractor
    }

    /// % promoters − % detractors, −100…100; NaN without answers.
    public var score: Double {
        guard responses > 0 else { return .nan }
        return 100 * Double(promoters - detractors) / Double(responses)
    }

    /// The adjusted-Wald interval (Rocks 2016) at `z` (1.96 for 95 %), in NPS points.
    public func interval(z: Double = ScoreInterval.z95, level: Double = 0.95) -> ScoreInterval {
        guard responses > 0 else { return ScoreInterval(lower: .nan, upper: .nan, level: level) }
        let n = Double(responses) + 3
        let p = (Double(promoters) + 0.75) / n
        let d = (Double(detractors) + 0.75) / n
        let centre = p - d
        let halfWidth = z * ((p + d - centre * centre) / n).squareRoot()
        return ScoreInterval(
            lower: 100 * max(-1, centre - halfWidth), upper: 100 * min(1, centre + halfWidth), level: level)
    }
}
