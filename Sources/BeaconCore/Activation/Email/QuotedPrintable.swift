/// The quoted-printable content transfer encoding (RFC 2045 §6.7).
///
/// Line breaks in the text (LF or CRLF) become CRLF hard breaks; printable ASCII but `=`
/// stands for itself; every other byte is `=XX` (upper-case hex); a space or tab at the end
/// of a line is encoded so that transports which strip trailing white space cannot change
/// the text; lines longer than 76 characters are broken with `=` soft breaks.
public enum QuotedPrintable {
    public static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var lines: [String] = []
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for source in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(source.utf8)
            var tokens: [[UInt8]] = []
            for (i, b) in bytes.enumerated() {
                let last = i == bytes.count - 1
                if (b >= 33 && b <= 126 && b != UInt8(ascii: "=")) || ((b == 32 || b == 9) && !last) {
                    tokens.append([b])
                } else {
                    tokens.append([UInt8(ascii: "="), hex[Int(b >> 4)], hex[Int(b & 15)]])
                }
            }
            // Soft breaks: each output line holds at most 75 characters and then `=`.
            var line: [UInt8] = []
            for token in tokens {
                if line.count + token.count > 75 {
                    lines.append(String(decoding: line + [UInt8(ascii: "=")], as: UTF8.self))
                    line = []
                }
                line += token
            }
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines.joined(separator: "\r\n")
    }

    /// The text of quoted-printable `encoded` (soft breaks removed, hard breaks as LF).
    public static func decode(_ encoded: String) -> String {
        var out: [UInt8] = []
        let lines = encoded.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() {
            var bytes = Array(line.utf8)
            var soft = false
            if bytes.last == UInt8(ascii: "=") {
                soft = true
                bytes.removeLast()
            }
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "="), i + 2 < bytes.count,
                    let v = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
                {
                    out.append(v)
                    i += 3
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            if !soft && n < lines.count - 1 { out.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
