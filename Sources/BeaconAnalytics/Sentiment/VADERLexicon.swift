import Foundation

/// The word and emoji lexicons VADER scores with: valence per token, and a text description per
/// emoji that replaces it before scoring.
///
/// Parsed as `vadersentiment` 3.3.2 parses its files: each line is stripped of surrounding
/// whitespace and split on tabs; the first field is the key and the second the valence (words) or
/// the description (emojis); a later duplicate replaces an earlier one. Emoji keys of more than one
/// code point are kept in the file but can never match, because the reference replaces the text
/// one code point at a time; they are dropped here.
public struct VADERLexicon: Sendable {
    /// Mean human valence rating (−4…4) per lower-case token.
    let valences: [VADERKey: Double]
    /// Description per single-code-point emoji.
    let emojis: [Unicode.Scalar: String]
    /// The valences merged with the rules' word lists, for one lookup per token.
    let table: VADERWordTable

    /// The number of word entries.
    public var wordCount: Int { valences.count }
    /// The number of emoji entries that can match (single code points).
    public var emojiCount: Int { emojis.count }

    /// Parses the two lexicon files' contents.
    /// - Throws: `VADERLexiconError` naming the file and line of a malformed entry.
    public init(lexicon: String, emojiLexicon: String) throws {
        var valences: [VADERKey: Double] = [:]
        for (number, line) in Self.lines(lexicon) {
            let trimmed = Self.pythonStripped(line)
            if trimmed.isEmpty { continue }
            let fields = Self.fields(trimmed)
            guard fields.count >= 2, let valence = Double(Substring(fields[1])) else {
                throw VADERLexiconError(file: "vader_lexicon.txt", line: number, message: "expected word<TAB>valence")
            }
            valences[VADERKey(String(Substring(fields[0])))] = valence
        }
        var emojis: [Unicode.Scalar: String] = [:]
        for (number, line) in Self.lines(emojiLexicon) {
            let trimmed = Self.pythonStripped(line)
            if trimmed.isEmpty { continue }
            let fields = Self.fields(trimmed)
            guard fields.count >= 2 else {
                throw VADERLexiconError(
                    file: "emoji_utf8_lexicon.txt", line: number, message: "expected emoji<TAB>description")
            }
            let key = fields[0]
            if key.count == 1, let scalar = key.first { emojis[scalar] = String(Substring(fields[1])) }
        }
        self.valences = valences
        self.emojis = emojis
        table = VADERWordTable(valences: valences)
    }

    /// The lexicons shipped with Beacon: `vadersentiment` 3.3.2's `vader_lexicon.txt` and
    /// `emoji_utf8_lexicon.txt` (MIT licence, in the resource folder `VADER/`).
    public static let bundled: VADERLexicon = {
        do {
            return try VADERLexicon(
                lexicon: try bundledFile("vader_lexicon.txt"), emojiLexicon: try bundledFile("emoji_utf8_lexicon.txt"))
        } catch {
            fatalError("the bundled VADER lexicon is unreadable: \(error)")
        }
    }()

    static func bundledFile(_ name: String) throws -> String {
        guard
            let url = Bundle.module.url(forResource: "VADER/\(name)", withExtension: nil)
                ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "VADER")
        else {
            throw VADERLexiconError(file: name, line: 0, message: "missing from the BeaconAnalytics resources")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    private typealias Scalars = Substring.UnicodeScalarView

    /// Lines split on "\n" code points only, numbered from 1 (the files have CRLF ends and "\r"
    /// goes with the strip; splitting by `Character` would keep "\r\n" whole).
    private static func lines(_ text: String) -> [(Int, Scalars)] {
        Substring(text).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// Tab-separated fields, split by code point.
    private static func fields(_ line: Scalars) -> [Scalars] {
        line.split(separator: "\t", omittingEmptySubsequences: false)
    }

    /// The line without leading and trailing whitespace as Python's `str.strip()` defines it.
    private static func pythonStripped(_ line: Scalars) -> Scalars {
        guard let first = line.firstIndex(where: { !VADERTokenizer.isPythonWhitespace($0) }),
            let last = line.lastIndex(where: { !VADERTokenizer.isPythonWhitespace($0) })
        else { return Scalars() }
        return line[first...last]
    }
}

/// A malformed lexicon entry, naming the file and line.
public struct VADERLexiconError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file), line \(line): \(message)" }
}
