/// One whitespace-separated word of a text as VADER sees it: punctuation stripped unless that
/// leaves two characters or fewer (so emoticons such as ":)" survive), with whether it is ALL CAPS
/// and what the rules know of its lower-case form (looked up once).
struct VADERToken: Sendable {
    /// Where the lower-case form sits in `VADERTokenList.lowerBytes`.
    let lower: Range<Int>
    /// Python's `str.isupper()`: at least one cased character and no lower- or title-case one.
    let isUpper: Bool
    /// The lexicon valence, nil when the word is not in the lexicon.
    let valence: Double?
    /// The booster (+0.293) or dampener (−0.293) increment, nil for other words.
    let booster: Double?
    /// A negation word, or a word containing "n't" (`negated`).
    let isNegation: Bool
    /// Which of the words the rules name this is.
    let marker: VADERWordTable.Marker
    /// Part of a multi-word special case or booster.
    let inPhrase: Bool

    init(lower: Range<Int>, in bytes: [UInt8], isUpper: Bool, table: VADERWordTable) {
        self = bytes.withUnsafeBufferPointer {
            let word = UnsafeBufferPointer(rebasing: $0[lower])
            return VADERToken(lower: lower, word: word, isUpper: isUpper, entry: table.entry(word))
        }
    }

    /// - Parameter word: the lower-case bytes at `lower`.
    init(lower: Range<Int>, word: UnsafeBufferPointer<UInt8>, isUpper: Bool, entry: VADERWordTable.Entry?) {
        self.lower = lower
        self.isUpper = isUpper
        valence = entry?.valence
        booster = entry?.booster
        marker = entry?.marker ?? .none
        inPhrase = entry?.inPhrase ?? false
        isNegation = (entry?.isNegation ?? false) || Self.containsNT(word)
    }

    /// True when the bytes contain "n't".
    static func containsNT(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous2: UInt8 = 0, previous: UInt8 = 0
        for byte in word {
            if previous2 == 0x6E && previous == 0x27 && byte == 0x74 { return true }
            previous2 = previous
            previous = byte
        }
        return false
    }

    /// Python's `str.isupper()` over code points, using the Unicode `Lowercase` and `Uppercase`
    /// properties and the title-case category as CPython does.
    static func pythonIsUpper(_ text: String) -> Bool {
        var cased = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x61 && value <= 0x7A { return false }
                if value >= 0x41 && value <= 0x5A { cased = true }
                continue
            }
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }
}

/// The tokens of one text and the bytes of their lower-case forms.
struct VADERTokenList: Sendable {
    var tokens: [VADERToken] = []
    var lowerBytes: [UInt8] = []
    /// "!" and "?" in the text, when the tokenizer counted them on its way (the ASCII path).
    var exclamations = 0, questions = 0
    var punctuationCounted = false

    /// The lower-case form of token `i`.
    func lower(_ i: Int) -> String {
        String(decoding: lowerBytes[tokens[i].lower], as: UTF8.self)
    }
}
