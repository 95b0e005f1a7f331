import Foundation

/// One of the four human-rated corpora of the VADER paper in `../shared/datasets/sentiment/`:
/// tab-separated id, mean human rating (−4…4) and text, UTF-8 with CRLF line ends.
struct SentimentCorpus: CustomStringConvertible, Sendable {
    struct Snippet: Sendable {
        var id: String
        var humanMean: Double
        var text: String
    }

    var file: String
    var description: String { file }

    static let all = [
        "tweets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt", "amazonReviewSnippets_GroundTruth.txt",
        "nytEditorialSnippets_GroundTruth.txt",
    ].map(SentimentCorpus.init(file:))

    /// The snippets in file order; lines split on "\n" code points with a trailing "\r" dropped.
    func snippets() throws -> [Snippet] {
        let data = try Data(contentsOf: URL(fileURLWithPath: SharedData.dataset("sentiment/\(file)")))
        guard let text = String(data: data, encoding: .utf8) else { throw CorpusError("\(file) is not UTF-8") }
        var out: [Snippet] = []
        for (number, rawLine) in Substring(text).unicodeScalars.split(separator: "\n").enumerated() {
            var line = rawLine
            if line.last == "\r" { line.removeLast() }
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let mean = Double(Substring(fields[1])) else {
                throw CorpusError("\(file), line \(number + 1): expected id<TAB>mean<TAB>text")
            }
            out.append(Snippet(id: String(Substring(fields[0])), humanMean: mean, text: String(Substring(fields[2]))))
        }
        return out
    }

    struct CorpusError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
