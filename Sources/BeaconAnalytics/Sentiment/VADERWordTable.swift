import Foundation

/// Everything VADER's rules need to know about one lower-case word, found with a single lookup of
/// its UTF-8 bytes: lexicon valence, booster increment, negation, and which of the few words the
/// rules name ("no", "but", "least", …) it is.
///
/// An open-addressing hash table over byte strings (FNV-1a), so tokens are looked up straight from
/// the text's bytes without building a `String` per word; keys compare byte for byte, as Python
/// compares strings.
struct VADERWordTable: Sendable {
    /// The words the rules test by name.
    enum Marker: UInt8, Sendable {
        case none, no, kind, of, but, least, at, very, never, so, this, without, doubt, or, nor
    }

    struct Entry: Sendable {
        var valence: Double?
        var booster: Double?
        var isNegation = false
        var marker = Marker.none
        /// A word of a multi-word special case or booster ("the shit", "kind of"): idiom checks
        /// only build phrases whose words all have this set.
        var inPhrase = false
    }

    private var keyBytes: [UInt8] = []
    private var keyRanges: [Range<Int>] = []
    private(set) var entries: [Entry] = []
    private var buckets: [Int32]
    private let mask: Int

    init(valences: [VADERKey: Double]) {
        var words: [VADERKey: Entry] = [:]
        for (word, valence) in valences { words[word, default: Entry()].valence = valence }
        for (word, increment) in VADERRules.boosters { words[word, default: Entry()].booster = increment }
        for word in VADERRules.negations { words[word, default: Entry()].isNegation = true }
        let markers: [(VADERKey, Marker)] = [
            ("no", .no), ("kind", .kind), ("of", .of), ("but", .but), ("least", .least), ("at", .at),
            ("very", .very), ("never", .never), ("so", .so), ("this", .this), ("without", .without),
            ("doubt", .doubt), ("or", .or), ("nor", .nor),
        ]
        for (word, marker) in markers { words[word, default: Entry()].marker = marker }
        for phrase in Array(VADERRules.specialCases.keys) + Array(VADERRules.boosters.keys) {
            let parts = phrase.text.split(separator: " ")
            guard parts.count > 1 else { continue }
            for part in parts { words[VADERKey(String(part)), default: Entry()].inPhrase = true }
        }
        var capacity = 16
        while capacity < words.count * 2 { capacity *= 2 }
        mask = capacity - 1
        buckets = Array(repeating: -1, count: capacity)
        for (word, entry) in words.sorted(by: { $0.key.text.utf8.lexicographicallyPrecedes($1.key.text.utf8) }) {
            let bytes = Array(word.text.utf8)
            let start = keyBytes.count
            keyBytes.append(contentsOf: bytes)
            var slot = Self.hash(bytes) & mask
            while buckets[slot] >= 0 { slot = (slot + 1) & mask }
            buckets[slot] = Int32(entries.count)
            keyRanges.append(start..<keyBytes.count)
            entries.append(entry)
        }
    }

    /// The entry of a lower-case word given as UTF-8 bytes, or nil when no rule knows it.
    func entry(_ word: UnsafeBufferPointer<UInt8>) -> Entry? {
        entry(word, hash: Self.hash(word))
    }

    /// `entry(_:)` with the word's `hash(_:)` already computed.
    func entry(_ word: UnsafeBufferPointer<UInt8>, hash: Int) -> Entry? {
        var slot = hash & mask
        while true {
            let index = Int(buckets[slot])
            if index < 0 { return nil }
            let range = keyRanges[index]
            if range.count == word.count {
                let equal = keyBytes.withUnsafeBufferPointer { keys in
                    word.count == 0 || memcmp(keys.baseAddress! + range.lowerBound, word.baseAddress!, word.count) == 0
                }
                if equal { return entries[index] }
            }
            slot = (slot + 1) & mask
        }
    }

    /// 64-bit FNV-1a, folded.
    static func hash<C: Collection<UInt8>>(_ bytes: C) -> Int {
        var h = hashSeed
        for byte in bytes { h = hashStep(h, byte) }
        return hashFinal(h)
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func hashStep(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    @inline(__always) static func hashFinal(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}
