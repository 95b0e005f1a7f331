import Foundation

/// A scheduled report as an email: a MIME `multipart/mixed` message (RFC 2046 §5.1.3) whose
/// first part is the `multipart/alternative` text and HTML body, followed by attachments
/// (the executive report's PDF), each base64-encoded in lines of 76 characters (RFC 2045 §6.8).
///
/// `rendered()` gives the message's bytes with CRLF line ends; headers are folded and encoded
/// as `EmailMessage` does. Pure: the date and the boundaries are fields.
public struct ReportEmail: Sendable, Equatable {
    /// A file attached to the message.
    public struct Attachment: Sendable, Equatable {
        public var filename: String
        public var contentType: String
        public var bytes: [UInt8]

        public init(filename: String, contentType: String, bytes: [UInt8]) {
            self.filename = filename
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    public var from: EmailAddress
    public var to: EmailAddress
    public var subject: String
    public var text: String
    public var html: String
    public var attachments: [Attachment]
    /// The id without angle brackets.
    public var messageId: String
    public var date: Date

    public init(
        from: EmailAddress, to: EmailAddress, subject: String, text: String, html: String, attachments: [Attachment],
        messageId: String, date: Date
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
        self.messageId = messageId
        self.date = date
    }

    /// The whole message, CRLF line ends.
    public func rendered() -> String {
        let mixed = EmailMessage.boundary(for: messageId) + "_m"
        let alternative = EmailMessage.boundary(for: messageId) + "_a"
        var out: [String] = []
        func header(_ name: String, _ value: String) { out.append(MIMEHeader.fold(name: name, value: value)) }
        header("Date", EmailMessage.rfc5322Date(date))
        header("From", from.headerValue)
        header("To", to.headerValue)
        header("Message-ID", "<\(messageId)>")
        header("Subject", MIMEHeader.encodedWords(subject))
        header("MIME-Version", "1.0")
        header("Content-Type", "multipart/mixed; boundary=\"\(mixed)\"")
        out.append("")
        out.append("This is a multi-part message in MIME format.")
        out.append("--\(mixed)")
        out.append("Content-Type: multipart/alternative; boundary=\"\(alternative)\"")
        out.append("")
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            out.append("--\(alternative)")
            out.append("Content-Type: \(type); charset=utf-8")
            out.append("Content-Transfer-Encoding: quoted-printable")
            out.append("")
            out.append(QuotedPrintable.encode(body))
        }
        out.append("--\(alternative)--")
        for a in attachments {
            let name = Self.safeFilename(a.filename)
            out.append("--\(mixed)")
            out.append("Content-Type: \(a.contentType); name=\"\(name)\"")
            out.append("Content-Disposition: attachment; filename=\"\(name)\"")
            out.append("Content-Transfer-Encoding: base64")
            out.append("")
            out.append(contentsOf: Self.base64Lines(a.bytes))
        }
        out.append("--\(mixed)--")
        return out.joined(separator: "\r\n") + "\r\n"
    }

    /// `bytes` in base64, 76 characters a line.
    static func base64Lines(_ bytes: [UInt8]) -> [String] {
        let encoded = Data(bytes).base64EncodedString()
        var lines: [String] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[start..<end]))
            start = end
        }
        return lines
    }

    /// A file name of ASCII letters, digits and `-._` (others become `_`), so the parameter
    /// needs no encoding.
    static func safeFilename(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) ? $0 : "_" })
    }
}
