/// Turns a text into VADER's tokens the way `vadersentiment` 3.3.2 does, character for character.
///
/// Steps (`SentimentIntensityAnalyzer.polarity_scores` and `SentiText`): every code point found
/// in the emoji lexicon is replaced by its description (preceded by a space unless the text
/// before it ended in one); the result is stripped of whitespace; it is split on runs of
/// whitespace; each word loses leading and trailing ASCII punctuation unless that leaves two code
/// points or fewer; words are lower-cased for lookup. "Whitespace" is Python's `str.isspace()` set
/// (including U+001C…U+001F and U+0085, excluding U+200B), so splitting agrees with the reference
/// on any input. Texts that are all ASCII (most) take a byte-level path with the same result.
enum VADERTokenizer {
    /// The text with emojis replaced by their descriptions and outer whitespace stripped: the
    /// string whose words are scored and whose "!" and "?" are counted.
    static func prepared(_ text: String, emojis: [Unicode.Scalar: String]) -> String {
        let scalars = text.unicodeScalars
        var replaced: String
        if !isASCII(text) && scalars.contains(where: { emojis[$0] != nil }) {
            var out = String.UnicodeScalarView()
            var previousWasSpace = true
            for scalar in scalars {
                if let description = emojis[scalar] {
                    if !previousWasSpace { out.append(" ") }
                    out.append(contentsOf: description.unicodeScalars)
                    previousWasSpace = false
                } else {
                    out.append(scalar)
                    previousWasSpace = scalar == " "
                }
            }
            replaced = String(out)
        } else {
            replaced = text
        }
        let view = replaced.unicodeScalars
        guard let first = view.firstIndex(where: { !isPythonWhitespace($0) }),
            let last = view.lastIndex(where: { !isPythonWhitespace($0) })
        else { return "" }
        if first == view.startIndex && view.index(after: last) == view.endIndex { return replaced }
        return String(Substring(view[first...last]))
    }

    /// The tokens of a prepared text, looked up in `table`.
    static func tokens(of text: String, table: VADERWordTable) -> VADERTokenList {
        var text = text
        if isASCII(text) {
            return text.withUTF8 { asciiTokens($0, table: table) }
        }
        return unicodeTokens(text, table: table)
    }

    /// True when every byte of `text` is ASCII.
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var high: UInt8 = 0
            for byte in bytes { high |= byte }
            return high < 0x80
        }
    }

    /// The byte-level path for ASCII texts: Python's whitespace, punctuation, `lower` and
    /// `isupper` restricted to ASCII are simple byte tests.
    static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>, table: VADERWordTable) -> VADERTokenList {
        var list = VADERTokenList()
        let n = bytes.count
        list.tokens.reserveCapacity(n / 4 + 1)
        var lowerBytes = [UInt8](repeating: 0, count: n)
        var written = 0
        lowerBytes.withUnsafeMutableBufferPointer { lower in
            var i = 0
            while i < n {
                while i < n && isASCIIWhitespace(bytes[i]) { i += 1 }
                if i == n { break }
                let start = i
                while i < n && !isASCIIWhitespace(bytes[i]) {
                    if bytes[i] == 0x21 {
                        list.exclamations += 1
                    } else if bytes[i] == 0x3F {
                        list.questions += 1
                    }
                    i += 1
                }
                var a = start, b = i
                while a < b && isASCIIPunctuation(bytes[a]) { a += 1 }
                while b > a && isASCIIPunctuation(bytes[b - 1]) { b -= 1 }
                if b - a <= 2 {
                    a = start
                    b = i
                }
                let lowerStart = written
                var hasUpper = false, hasLower = false
                var hash = VADERWordTable.hashSeed
                for k in a..<b {
                    var c = bytes[k]
                    if c >= 0x41 && c <= 0x5A {
                        hasUpper = true
                        c += 0x20
                    } else if c >= 0x61 && c <= 0x7A {
                        hasLower = true
                    }
                    lower[written] = c
                    written += 1
                    hash = VADERWordTable.hashStep(hash, c)
                }
                let word = UnsafeBufferPointer(rebasing: lower[lowerStart..<written])
                let entry = table.entry(word, hash: VADERWordTable.hashFinal(hash))
                list.tokens.append(
                    VADERToken(
                        lower: lowerStart..<written, word: word, isUpper: hasUpper && !hasLower, entry: entry))
            }
        }
        lowerBytes.removeLast(n - written)
        list.lowerBytes = lowerBytes
        list.punctuationCounted = true
        return list
    }

    /// The general path, code point by code point.
    static func unicodeTokens(_ text: String, table: VADERWordTable) -> VADERTokenList {
        var list = VADERTokenList()
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        let end = scalars.endIndex
        while index < end {
            while index < end && isPythonWhitespace(scalars[index]) { index = scalars.index(after: index) }
            if index == end { break }
            let start = index
            while index < end && !isPythonWhitespace(scalars[index]) { index = scalars.index(after: index) }
            let word = strippedOfPunctuation(scalars[start..<index])
            let lowerStart = list.lowerBytes.count
            list.lowerBytes.append(contentsOf: word.lowercased().utf8)
            list.tokens.append(
                VADERToken(
                    lower: lowerStart..<list.lowerBytes.count, in: list.lowerBytes,
                    isUpper: VADERToken.pythonIsUpper(word),
                    table: table))
        }
        return list
    }

    /// `_strip_punc_if_word`: the word without leading and trailing ASCII punctuation
    /// (`string.punctuation`), or the word unchanged if at most two code points would remain.
    static func strippedOfPunctuation(_ word: Substring.UnicodeScalarView) -> String {
        guard let first = word.firstIndex(where: { isASCIIPunctuation($0) == false }),
            let last = word.lastIndex(where: { isASCIIPunctuation($0) == false })
        else { return String(Substring(word)) }
        let stripped = word[first...last]
        var remaining = 0
        for _ in stripped {
            remaining += 1
            if remaining > 2 { break }
        }
        return String(Substring(remaining <= 2 ? word : stripped))
    }

    /// Python's `str.isspace()`: Unicode White_Space-like separators as CPython classifies them.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `isPythonWhitespace` for an ASCII byte.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x20)
    }

    /// Membership in Python's `string.punctuation`: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 && isASCIIPunctuation(UInt8(scalar.value))
    }

    /// `isASCIIPunctuation` for a byte.
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }
}
