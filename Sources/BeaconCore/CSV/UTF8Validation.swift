/// Finds where bytes stop being well-formed UTF-8, so an input error can name the line and column.
///
/// Well-formed means Unicode Table 3-7: no overlong forms, no surrogates (U+D800…U+DFFF), nothing
/// above U+10FFFF, no truncated sequence at the end.
public enum UTF8Validation {
    /// Where the first ill-formed byte sits: its offset, the 1-based line (lines end at "\n") and
    /// the 1-based column in code points on that line.
    public struct Position: Sendable, Equatable {
        public var offset: Int
        public var line: Int
        public var column: Int
        /// The offending byte.
        public var byte: UInt8
    }

    /// The position of the first ill-formed byte, or nil when all of `bytes` is UTF-8.
    public static func firstInvalid(in bytes: UnsafeBufferPointer<UInt8>) -> Position? {
        var line = 1, column = 1, i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                if lead == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return Position(offset: i, line: line, column: column, byte: lead)
            }
            for k in 1..<length {
                guard i + k < n else { return Position(offset: i, line: line, column: column, byte: lead) }
                let byte = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= lo && byte <= hi else {
                    return Position(offset: i, line: line, column: column, byte: lead)
                }
            }
            i += length
            column += 1
        }
        return nil
    }

    /// The position of the first ill-formed byte, or nil when all of `bytes` is UTF-8.
    public static func firstInvalid(in bytes: [UInt8]) -> Position? {
        bytes.withUnsafeBufferPointer { firstInvalid(in: $0) }
    }
}
