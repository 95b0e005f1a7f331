import Foundation

/// Header encoding for MIME messages: RFC 2047 encoded words for text that is not plain
/// ASCII, and RFC 5322 folding of long header lines.
public enum MIMEHeader {
    /// `text` as it may stand in a header: unchanged when it is printable ASCII, else a run
    /// of `=?UTF-8?B?…?=` encoded words, each at most 75 characters and never splitting a
    /// character's bytes (RFC 2047 §2, §5), separated by spaces (which decoders drop between
    /// encoded words).
    public static func encodedWords(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if plain && !text.contains("=?") { return text }
        // 45 bytes give 60 base64 characters; with `=?UTF-8?B?` and `?=` a word is 72 long.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: " ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// `Name: value` folded at spaces so that no line is longer than 78 characters where a
    /// space allows it (RFC 5322 §2.2.3); continuation lines start with a space. CR and LF in
    /// `value` are replaced by spaces, so a value can never start a new header.
    public static func fold(name: String, value: String) -> String {
        let clean = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        var lines: [String] = []
        var line = name + ":"
        for word in clean.split(separator: " ", omittingEmptySubsequences: false) {
            if line.count + 1 + word.count > 78, line.count > name.count + 1 {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }
}
