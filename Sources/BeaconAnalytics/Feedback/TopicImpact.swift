/// What a user-written topic ("delivery": late, courier, "never arrived") does to NPS: how many
/// answers mention it, their NPS, and its impact, NPS of all answers minus NPS of the answers
/// that do not mention it (negative when the topic drags the score down).
///
/// A topic matches an answer's text when one of its terms appears as whole words, case-insensitive
/// (a phrase as consecutive words): "late" matches "Late again!" but not "chocolate". Pure.
public struct TopicImpact: Sendable, Equatable {
    /// A named topic and the words or phrases that signal it.
    public struct Rule: Sendable, Equatable {
        public var name: String
        public var terms: [String]

        public init(name: String, terms: [String]) {
            self.name = name
            self.terms = terms
        }
    }

    public var topic: String
    /// Answers whose text mentions the topic.
    public var mentions: Int
    /// NPS of those answers (NaN without any).
    public var npsMentioning: Double
    /// NPS of all answers minus NPS of the answers that do not mention the topic.
    public var impact: Double

    /// The impact of each rule over NPS answers (score 0–10, optional text).
    /// - Throws: `FeedbackScoreError` for a score outside 0–10.
    public static func impacts(answers: [(score: Double, text: String?)], rules: [Rule]) throws -> [TopicImpact] {
        let all = try NetPromoterScore(scores: answers.map(\.score))
        let words = answers.map { $0.text.map(Self.words) ?? [] }
        return try rules.map { rule in
            let patterns = rule.terms.map(Self.words).filter { !$0.isEmpty }
            let mentioning = words.map { text in patterns.contains { Self.contains(text, $0) } }
            let with = try NetPromoterScore(scores: answers.indices.filter { mentioning[$0] }.map { answers[$0].score })
            let without = try NetPromoterScore(
                scores: answers.indices.filter { !mentioning[$0] }.map { answers[$0].score })
            return TopicImpact(
                topic: rule.name, mentions: with.responses, npsMentioning: with.score,
                impact: all.score - (without.responses > 0 ? without.score : .nan))
        }
    }

    /// Lower-case runs of letters, digits and inner apostrophes.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || (c == "'" && !current.isEmpty) {
                current.append(c)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func contains(_ text: [String], _ pattern: [String]) -> Bool {
        guard pattern.count <= text.count else { return false }
        for start in 0...(text.count - pattern.count) where text[start] == pattern[0] {
            if Array(text[start..<(start + pattern.count)]) == pattern { return true }
        }
        return false
    }
}
