/// Word counts of free-text feedback for topic discovery: lower-case runs of letters (apostrophes
/// inside words kept), at least three letters long, without common English function words.
public enum TermCounts {
    /// Function words that carry no topic ("the", "and", "was", …).
    public static let stopwords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
        "out", "has", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did", "get",
        "got", "him", "she", "too", "use", "that", "with", "have", "this", "will", "your", "from", "they", "been",
        "were", "what", "when", "them", "than", "then", "there", "their", "which", "would", "could", "should",
        "about", "into", "just", "also", "very", "some", "more", "most", "only", "over", "such", "these", "those",
        "because", "after", "before", "again", "being", "here", "where", "while", "it's", "i'm", "i've", "don't",
    ]

    /// The words of one text, in order.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            let word = current.trimmingApostrophes()
            if word.count >= 3 && !stopwords.contains(word) { words.append(word) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || (character == "'" && !current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty {
                flush()
            }
        }
        if !current.isEmpty { flush() }
        return words
    }

    /// Occurrences of each word over `texts`.
    public static func counts(_ texts: some Sequence<String>) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in texts {
            for word in words(in: text) { counts[word, default: 0] += 1 }
        }
        return counts
    }
}

extension String {
    fileprivate func trimmingApostrophes() -> String {
        var s = Substring(self)
        while s.last == "'" { s.removeLast() }
        return String(s)
    }
}
