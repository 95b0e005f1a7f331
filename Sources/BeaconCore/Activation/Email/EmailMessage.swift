import Foundation

/// One email as Beacon sends it: a MIME `multipart/alternative` message (RFC 2045/2046) with
/// a text and an HTML part, headers encoded per RFC 2047 where they are not plain ASCII.
///
/// `rendered()` gives the message's bytes with CRLF line ends, every line at most 78
/// characters: headers folded, bodies quoted-printable (RFC 2045 §6.7). The `Message-ID` is
/// the outbox idempotency key at the sender's domain, so a retried send carries the same id.
/// Pure: the date and the boundary are fields.
public struct EmailMessage: Sendable, Equatable {
    public var from: EmailAddress
    public var to: EmailAddress
    public var subject: String
    public var text: String
    public var html: String
    /// The id without angle brackets (`msg_…@example.com`).
    public var messageId: String
    public var date: Date
    /// Further headers, in order (`List-Unsubscribe`, …); values ASCII or encoded here.
    public var headers: [(name: String, value: String)]
    /// The multipart boundary; it must not occur in the encoded parts (quoted-printable
    /// output never holds `=_`, which every boundary made by `boundary(for:)` starts with).
    public var boundary: String

    public init(
        from: EmailAddress, to: EmailAddress, subject: String, text: String, html: String, messageId: String,
        date: Date, headers: [(name: String, value: String)] = [], boundary: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageId = messageId
        self.date = date
        self.headers = headers
        self.boundary = boundary ?? Self.boundary(for: messageId)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.rendered() == b.rendered()
    }

    /// A boundary derived from the message id: `=_` (which quoted-printable text never holds)
    /// and hex digits.
    public static func boundary(for messageId: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in messageId.utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        return "=_beacon_" + String(h, radix: 16)
    }

    /// The whole message, CRLF line ends.
    public func rendered() -> String {
        var out: [String] = []
        func header(_ name: String, _ value: String) { out.append(MIMEHeader.fold(name: name, value: value)) }
        header("Date", Self.rfc5322Date(date))
        header("From", from.headerValue)
        header("To", to.headerValue)
        header("Message-ID", "<\(messageId)>")
        header("Subject", MIMEHeader.encodedWords(subject))
        for (name, value) in headers { header(name, value) }
        header("MIME-Version", "1.0")
        header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
        out.append("")
        out.append("This is a multi-part message in MIME format.")
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            out.append("--\(boundary)")
            out.append("Content-Type: \(type); charset=utf-8")
            out.append("Content-Transfer-Encoding: quoted-printable")
            out.append("")
            out.append(QuotedPrintable.encode(body))
        }
        out.append("--\(boundary)--")
        return out.joined(separator: "\r\n") + "\r\n"
    }

    /// `Thu, 04 Dec 2026 08:15:12 +0000` (RFC 5322 §3.3), in UTC.
    public static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// An email address with an optional display name.
public struct EmailAddress: Sendable, Equatable, Hashable {
    /// `local@domain`, as given (the domain lower-cased).
    public var address: String
    public var name: String?

    /// - Throws: `EmailAddress.Invalid` when `address` is not `local@domain` with a dotted or
    ///   bracketed domain and no spaces, angle brackets or control characters.
    public init(_ address: String, name: String? = nil) throws {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard let at = trimmed.lastIndex(of: "@"), at != trimmed.startIndex, trimmed.utf8.count <= 254 else {
            throw Invalid(address: address)
        }
        let local = trimmed[..<at], domain = trimmed[trimmed.index(after: at)...]
        let forbidden = CharacterSet(charactersIn: " <>(),;:\\\"[]\r\n\t").union(.controlCharacters)
        guard !local.isEmpty, local.utf8.count <= 64, local.rangeOfCharacter(from: forbidden) == nil,
            domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."),
            domain.rangeOfCharacter(from: forbidden) == nil
        else { throw Invalid(address: address) }
        self.address = local + "@" + domain.lowercased()
        self.name = name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    /// The part after `@`.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    /// `Name <local@domain>` with the name quoted or RFC 2047-encoded as needed, or `<local@domain>`.
    public var headerValue: String {
        guard let name else { return "<\(address)>" }
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        if plain {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return "\(MIMEHeader.encodedWords(name)) <\(address)>"
    }

    /// The error for a string that is not an address.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public var address: String
        public var description: String { "'\(address)' is not an email address" }
    }
}
