import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("VADER sentiment", .computeBound)
struct VADERSentimentAnalyzerTests {
    static let analyzer = VADERSentimentAnalyzer()

    /// The examples and outputs published in vaderSentiment's README (3.3.2).
    static let published: [(String, SentimentScores)] = [
        ("VADER is smart, handsome, and funny.", .init(neg: 0, neu: 0.254, pos: 0.746, compound: 0.8316)),
        (
            "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
            .init(neg: 0, neu: 0.294, pos: 0.706, compound: 0.9469)
        ),
        (
            "The plot was good, but the characters are uncompelling and the dialog is not great.",
            .init(neg: 0.327, neu: 0.579, pos: 0.094, compound: -0.7042)
        ),
        ("Catch utf-8 emoji such as 💘 and 💋 and 😁", .init(neg: 0, neu: 0.583, pos: 0.417, compound: 0.875)),
        ("Not bad at all", .init(neg: 0, neu: 0.513, pos: 0.487, compound: 0.431)),
        ("At least it isn't a horrible book.", .init(neg: 0, neu: 0.678, pos: 0.322, compound: 0.431)),
        ("Today only kinda sux! But I'll get by, lol", .init(neg: 0.127, neu: 0.556, pos: 0.317, compound: 0.5249)),
    ]

    @Test("The README's published examples", arguments: published.indices)
    func publishedExamples(index: Int) {
        let (text, expected) = Self.published[index]
        #expect(Self.analyzer.scores(text) == expected, "\(text)")
    }

    /// The lower-case forms of a prepared text's tokens.
    static func lowerTokens(_ text: String) -> [String] {
        let list = VADERTokenizer.tokens(of: text, table: VADERLexicon.bundled.table)
        return list.tokens.indices.map(list.lower)
    }

    @Test("Empty and all-whitespace texts score zero")
    func emptyText() {
        #expect(Self.analyzer.scores("") == .zero)
        #expect(Self.analyzer.scores(" \t\u{85}\u{3000} ") == .zero)
    }

    @Test("Splitting uses Python's whitespace: U+001C and U+0085 separate, U+200B does not")
    func pythonWhitespace() {
        let split = Self.lowerTokens("good\u{1C}BAD\u{85}ok\u{200B}yes")
        #expect(split == ["good", "bad", "ok\u{200B}yes"])
    }

    @Test("Punctuation is stripped unless two code points or fewer would remain")
    func punctuationStripping() {
        let tokens = Self.lowerTokens("\"great!!\" :) :-D (ok) ... wow.")
        #expect(tokens == ["great", ":)", ":-d", "(ok)", "...", "wow"])
        // The code-point path (any non-ASCII text) splits and strips the same way.
        #expect(Self.lowerTokens("\"great!!\" :) :-D (ok) ... wow. é") == tokens + ["é"])
    }

    @Test("ALL CAPS follows Python's isupper")
    func allCaps() {
        #expect(VADERToken.pythonIsUpper("GREAT!"))
        #expect(!VADERToken.pythonIsUpper("Great"))
        #expect(!VADERToken.pythonIsUpper("123"))
        #expect(VADERToken.pythonIsUpper("ÉTÉ"))
        #expect(!VADERToken.pythonIsUpper("ǅ"))  // title case
    }

    @Test("Rounding is Python's round: exact binary value, half to even")
    func pythonRounding() {
        // Values checked in CPython 3.11: round(0.0625, 3), round(2.675, 2), round(0.0005, 3), …
        #expect(0.0625.pythonRounded(digits: 3) == 0.062)
        #expect(0.0635.pythonRounded(digits: 3) == 0.064)
        #expect(2.675.pythonRounded(digits: 2) == 2.67)
        #expect(0.0005.pythonRounded(digits: 3) == 0.001)
        #expect(0.0015.pythonRounded(digits: 3) == 0.002)
        #expect(0.12345.pythonRounded(digits: 4) == 0.1235)
        #expect((-0.00015).pythonRounded(digits: 4) == -0.0001)
        #expect(Double.nan.pythonRounded(digits: 3).isNaN)
    }

    @Test("The bundled lexicons hold vadersentiment 3.3.2's entries")
    func bundledLexicon() throws {
        let lexicon = VADERLexicon.bundled
        let words = try VADERLexicon.bundledFile("vader_lexicon.txt")
        let lines = words.unicodeScalars.split(separator: "\n").count
        #expect(lexicon.wordCount > 7_000 && lexicon.wordCount <= lines)
        #expect(lexicon.valences["good"] == 1.9)
        #expect(lexicon.valences[":)"] == 2.0)
        #expect(lexicon.emojis["😁"] == "beaming face with smiling eyes")
    }

    @Test("A malformed lexicon line is named")
    func malformedLexicon() {
        #expect(throws: VADERLexiconError.self) {
            try VADERLexicon(lexicon: "good\t1.9\nbad\tnot-a-number\n", emojiLexicon: "")
        }
    }

    /// Pearson r of compound against the human mean per corpus as the datasets README states
    /// for vadersentiment 3.3.2: an independent check that needs no Python.
    @Test(
        "Compound correlates with human ratings as published for 3.3.2",
        .enabled(if: SharedData.available, "../shared/datasets/sentiment/ is absent"),
        arguments: zip(SentimentCorpus.all, [0.8722, 0.4274, 0.5896, 0.5029]))
    func humanCorrelation(corpus: SentimentCorpus, published: Double) throws {
        let snippets = try corpus.snippets()
        let x = snippets.map { Self.analyzer.scores($0.text).compound }
        let y = snippets.map(\.humanMean)
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        let r = sxy / (sxx * syy).squareRoot()
        #expect(abs(r - published) < 5e-5, "\(corpus): r = \(r)")
    }
}
