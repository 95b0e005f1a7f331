/// The customer satisfaction score (CSAT) of 1–5 answers, with a 95 % Wilson interval.
///
/// CSAT = % of answers that are 4 or 5 ("satisfied" or "very satisfied"), 0…100, as Delighted and
/// most survey tools define it (Delighted's example: 40 fives, 30 fours, 10 threes, 5 twos and 15
/// ones give 70). The interval is Wilson's score interval for a binomial proportion (Wilson 1927,
/// JASA 22, 209–212; recommended over the Wald interval by Brown, Cai & DasGupta 2001,
/// Statistical Science 16(2)): (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Without answers
/// the score and the interval are NaN.
public struct CustomerSatisfactionScore: Sendable, Equatable {
    /// Answers per score: `counts[0]` ones … `counts[4]` fives.
    public var counts: [Int]

    /// The number of answers.
    public var responses: Int { counts.reduce(0, +) }
    /// The answers that are 4 or 5.
    public var satisfied: Int { counts[3] + counts[4] }

    /// From counts of ones … fives.
    public init(ones: Int, twos: Int, threes: Int, fours: Int, fives: Int) {
        counts = [ones, twos, threes, fours, fives]
    }

    /// From raw 1–5 answers.
    /// - Throws: `FeedbackScoreError` (field `score`, with the answer's index) for an answer that is
    ///   not a whole number from 1 to 5.
    public init(scores: [Double]) throws {
        var counts = [0, 0, 0, 0, 0]
        for (index, value) in scores.enumerated() {
            counts[try FeedbackScoreError.checked(value, field: "score", range: 1...5, index: index) - 1] += 1
        }
        self.counts = counts
    }

    /// % of answers that are 4 or 5, 0…100; NaN without answers.
    public var score: Double {
        guard responses > 0 else { return .nan }
        return 100 * Double(satisfied) / Double(responses)
    }

    /// The mean answer, 1…5; NaN without answers.
    public var mean: Double {
        guard responses > 0 else { return .nan }
        return Double(zip(1...5, counts).reduce(0) { $0 + $1.0 * $1.1 }) / Double(responses)
    }

    /// The Wilson score interval at `z` (1.96 for 95 %), in CSAT points.
    public func interval(z: Double = ScoreInterval.z95, level: Double = 0.95) -> ScoreInterval {
        ScoreInterval.wilson(successes: satisfied, trials: responses, z: z, level: level)
    }
}
