import Foundation

/// One SMTP server reply (RFC 5321 §4.2): a three-digit code and its text lines.
///
/// A reply spans one or more lines; every line but the last has a `-` after the code
/// (`250-PIPELINING`), the last a space or nothing (`250 OK`, `250`). The first digit says
/// what happened: 2 done, 3 go on (354 after `DATA`, 334 during `AUTH`), 4 a temporary
/// failure (try again later), 5 a permanent one.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    /// The text after the code of each line, in order (empty strings for bare codes).
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    public var isPositive: Bool { (200..<400).contains(code) }
    /// A 4xx reply: the same command may succeed later.
    public var isTransient: Bool { (400..<500).contains(code) }
    /// A 5xx reply: the command will not succeed as given.
    public var isPermanent: Bool { (500..<600).contains(code) }

    /// The lines joined, for logs and the delivery log.
    public var text: String { lines.joined(separator: " ") }

    public var description: String { "\(code) \(text)" }

    /// The EHLO keywords (the first word of each line after the greeting line), upper-cased,
    /// with their parameters: `AUTH PLAIN LOGIN` gives `["AUTH": ["PLAIN", "LOGIN"]]`.
    public var extensions: [String: [String]] {
        var out: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map { String($0).uppercased() }
            guard let keyword = words.first else { continue }
            out[keyword] = Array(words.dropFirst())
        }
        return out
    }
}

/// Assembles SMTP replies from the lines a server sends, one line at a time.
///
/// A malformed line (no three-digit code, or a code that differs from the reply's first
/// line) is an error: the conversation cannot be trusted after it.
public struct SMTPReplyParser: Sendable {
    private var code: Int?
    private var lines: [String] = []

    public init() {}

    /// The error for a line that is not part of a valid reply.
    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public var line: String
        public var description: String { "malformed SMTP reply line '\(line.prefix(80))'" }
    }

    /// Feeds one line (without its CRLF); returns the reply once its last line arrived.
    public mutating func feed(_ line: String) throws -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ (0x30...0x39).contains($0) }),
            (0x32...0x35).contains(bytes[0]), let value = Int(String(decoding: bytes[0...2], as: UTF8.self))
        else { throw Malformed(line: line) }
        if let code, code != value { throw Malformed(line: line) }
        let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { throw Malformed(line: line) }
        code = value
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard separator == UInt8(ascii: " ") else { return nil }
        defer {
            code = nil
            lines = []
        }
        return SMTPReply(code: value, lines: lines)
    }
}
