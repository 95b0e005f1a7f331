// Times VADER over the four human-rated corpora: every text scored `--repeat` times on one thread.
// Built optimised by bench/sentiment/run.sh from the library's own Sentiment sources.
import Foundation

let arguments = CommandLine.arguments
let directory = arguments.count > 1 ? arguments[1] : "../shared/datasets/sentiment"
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1
var texts: [String] = []
for name in ["tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"] {
    let text = try String(contentsOfFile: "\(directory)/\(name)_GroundTruth.txt", encoding: .utf8)
    for raw in Substring(text).unicodeScalars.split(separator: "\n") {
        var line = raw
        if line.last == "\r" { line.removeLast() }
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        if fields.count == 3 { texts.append(String(Substring(fields[2]))) }
    }
}
let analyzer = VADERSentimentAnalyzer()
_ = analyzer.scores("warm up the lexicon")
var checksum = 0.0
let start = Date()
let cpuStart = clock()
for _ in 0..<repeats {
    for text in texts { checksum += analyzer.scores(text).compound }
}
let seconds = Date().timeIntervalSince(start)
let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
let count = texts.count * repeats
print(
    String(
        format: "beacon: %d texts in %.3f s wall, %.3f s CPU = %.0f texts/CPU-s (checksum %.4f)", count, seconds, cpu,
        Double(count) / cpu, checksum))
