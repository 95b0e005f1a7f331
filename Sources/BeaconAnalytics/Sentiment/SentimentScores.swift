/// The sentiment of one text as VADER reports it: the proportions of negative, neutral and
/// positive weight and a normalised compound score.
///
/// `neg`, `neu` and `pos` are rounded to 3 decimals and `compound` to 4, as `vadersentiment`
/// 3.3.2 rounds them (Python's `round`, half to even on the exact binary value). A text with no
/// tokens scores 0 on all four.
public struct SentimentScores: Sendable, Hashable, Codable {
    /// Share of the text's weight that is negative, 0…1.
    public var neg: Double
    /// Share of the text's weight that is neutral, 0…1.
    public var neu: Double
    /// Share of the text's weight that is positive, 0…1.
    public var pos: Double
    /// The summed valence normalised to −1 (most negative) … +1 (most positive).
    public var compound: Double

    public init(neg: Double, neu: Double, pos: Double, compound: Double) {
        self.neg = neg
        self.neu = neu
        self.pos = pos
        self.compound = compound
    }

    /// All four scores 0: what VADER reports for a text without tokens.
    public static let zero = SentimentScores(neg: 0, neu: 0, pos: 0, compound: 0)
}
