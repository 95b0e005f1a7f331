import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// Beacon's VADER against PyPI `vadersentiment` 3.3.2 run side by side (`bench/sentiment/vader_peer.py`)
/// on every text of the four human-rated corpora and on texts that exercise the tokenizer's edges.
/// Needs `BEACON_VADER_PYTHON`, an interpreter with `vadersentiment==3.3.2` (`.ci/run` makes one).
@Suite(
    "VADER against vadersentiment 3.3.2", .computeBound,
    .enabled(
        if: ProcessInfo.processInfo.environment["BEACON_VADER_PYTHON"] != nil,
        "set BEACON_VADER_PYTHON to a Python with vadersentiment==3.3.2 (pip install vadersentiment==3.3.2)"))
struct VADERPeerTests {
    static let analyzer = VADERSentimentAnalyzer()

    /// Runs the peer script on `texts` and returns its [neg, neu, pos, compound] per text.
    static func peerScores(_ texts: [String]) throws -> [[Double]] {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("bench/sentiment/vader_peer.py")
        let run = try runProcessBlocking(
            ProcessInfo.processInfo.environment["BEACON_VADER_PYTHON"]!, [script.path],
            input: try JSONEncoder().encode(texts))
        guard run.status == 0 else { throw PeerError("vader_peer.py exited with \(run.status): \(run.stderr)") }
        return try JSONDecoder().decode([[Double]].self, from: Data(run.stdout.utf8))
    }

    struct PeerError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Compares every text's four scores; returns the texts that differ by more than 1e-4.
    static func mismatches(_ texts: [String], labels: [String]) throws -> [String] {
        let peer = try peerScores(texts)
        #expect(peer.count == texts.count)
        var out: [String] = []
        for (index, text) in texts.enumerated() where index < peer.count {
            let s = analyzer.scores(text)
            let mine = [s.neg, s.neu, s.pos, s.compound]
            if zip(mine, peer[index]).contains(where: { abs($0 - $1) > 1e-4 + 1e-12 }) {
                out.append("\(labels[index]): beacon \(mine) vadersentiment \(peer[index]) — \(text)")
            }
        }
        return out
    }

    @Test(
        "Every snippet of a corpus scores as vadersentiment 3.3.2 scores it (1e-4)",
        .enabled(if: SharedData.available, "../shared/datasets/sentiment/ is absent"),
        arguments: SentimentCorpus.all)
    func corpus(_ corpus: SentimentCorpus) throws {
        let snippets = try corpus.snippets()
        #expect(snippets.count > 3_000)
        let differing = try Self.mismatches(snippets.map(\.text), labels: snippets.map { "\(corpus) \($0.id)" })
        #expect(differing.isEmpty, "\(differing.count) of \(snippets.count) differ: \(differing.prefix(5))")
    }

    /// Texts aimed at the rules and the tokenizer: emojis (single and multi code point), Python
    /// whitespace, ALL CAPS, "but" with repeated scores, "no", "least", idioms and punctuation.
    static let edgeCases = [
        "", "   ", "!!!", "good", "GOOD", "GOOD movie", "not GOOD at all!!!!!", "I ❤️ it 😍😍",
        "©2020 great® stuff", "ok👍good", "great\u{85}bad\u{1C}fine\u{200B}nice", "\u{3000}happy\u{3000}",
        "good good but bad bad but good", "nice, nice but nice and nice", "no problem", "no good or bad",
        "no, not good", "at least it is good", "the very least good", "least good thing", "kind of good",
        "sort of bad", "he is the shit", "it was the bomb", "yeah right great", "kiss of death is bad",
        "never so good", "never this bad", "without doubt good", "without a doubt bad", "so so this good",
        "The FOOD was NOT that GREAT, but the SERVICE was AMAZING??", "Why would anyone do this???? awful",
        "what?? good", "isn't it lovely", "ain't nothing good", "it's not bad but it isn't good either",
        "Ｇｏｏｄ ＧＲＥＡＴ", "ÉNORME succès, très BIEN", "good:-) bad:-(", ":) :( :D :-P <3 </3", "(-: :-)",
        "it is VERY good", "it is very GOOD", "EXTREMELY bad", "really really really good", "barely good",
        "not very good", "hardly ever happy", "bus stop was beating heart to die for",
    ]

    @Test("Edge-case texts score as vadersentiment 3.3.2 scores them")
    func edgeCases() throws {
        let differing = try Self.mismatches(Self.edgeCases, labels: Self.edgeCases.indices.map { "case \($0)" })
        #expect(differing.isEmpty, "\(differing)")
    }
}
