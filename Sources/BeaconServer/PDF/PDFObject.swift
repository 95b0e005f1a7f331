import Foundation

/// A PDF object (ISO 32000-1 §7.3): the values a PDF file is made of, written in their
/// canonical syntax by `serialized()`.
///
/// Dictionaries keep their keys in the order given, so the same document always serialises to
/// the same bytes. Literal strings escape `\`, `(` and `)` (§7.3.4.2); names escape bytes
/// outside `!`…`~` and the delimiters as `#xx` (§7.3.5); reals are written with at most four
/// decimals and no exponent (§7.3.3: PDF has no exponent syntax), non-finite ones as 0.
public indirect enum PDFObject: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    case name(String)
    case string(String)
    case hexString([UInt8])
    case array([PDFObject])
    case dictionary([(String, PDFObject)])
    /// An indirect reference `n 0 R` (§7.3.10).
    case reference(Int)

    public static func == (a: PDFObject, b: PDFObject) -> Bool { a.serialized() == b.serialized() }

    /// The object's bytes in PDF syntax.
    public func serialized() -> String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .real(let r): return Self.number(r)
        case .name(let n): return "/" + Self.escapeName(n)
        case .string(let s): return "(" + Self.escapeLiteral(s) + ")"
        case .hexString(let bytes): return "<" + bytes.map { Self.hex($0) }.joined() + ">"
        case .array(let items): return "[" + items.map { $0.serialized() }.joined(separator: " ") + "]"
        case .dictionary(let entries):
            return "<<" + entries.map { "/" + Self.escapeName($0.0) + " " + $0.1.serialized() }.joined(separator: " ")
                + ">>"
        case .reference(let n): return "\(n) 0 R"
        }
    }

    /// A real number with at most four decimals, trailing zeros dropped: `12.5`, `0.3333`, `-2`.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 10_000).rounded() / 10_000
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        var s = String(format: "%.4f", r)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }

    /// Escapes a literal string's backslashes and parentheses; non-ASCII is written as UTF-8
    /// with a byte-order mark, which PDF 1.7 readers do not know, so callers pass ASCII or use
    /// `textString(_:)`.
    static func escapeLiteral(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "(": out += "\\("
            case ")": out += "\\)"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func escapeName(_ n: String) -> String {
        var out = ""
        for b in n.utf8 {
            let delimiter = "()<>[]{}/%#".utf8.contains(b)
            if b < 0x21 || b > 0x7E || delimiter { out += "#" + hex(b) } else { out.unicodeScalars.append(Unicode.Scalar(b)) }
        }
        return out
    }

    /// A text string (§7.9.2.2): plain ASCII as a literal string, anything else as UTF-16BE
    /// with a byte-order mark in hex, as the document information dictionary requires.
    public static func textString(_ s: String) -> PDFObject {
        if s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return .string(s) }
        var bytes: [UInt8] = [0xFE, 0xFF]
        for u in s.utf16 { bytes += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        return .hexString(bytes)
    }
}
