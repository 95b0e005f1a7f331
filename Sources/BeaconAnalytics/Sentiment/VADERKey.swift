/// A lexicon key or token compared code point by code point, as Python compares strings.
///
/// Swift's `String` equality is canonical equivalence (U+037E GREEK QUESTION MARK equals ";"),
/// which would let tokens match lexicon entries that `vadersentiment` does not match; comparing
/// UTF-8 bytes keeps the two implementations on the same words.
struct VADERKey: Hashable, Sendable, ExpressibleByStringLiteral {
    let text: String

    init(_ text: String) { self.text = text }
    init(stringLiteral value: String) { self.text = value }

    static func == (lhs: VADERKey, rhs: VADERKey) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
