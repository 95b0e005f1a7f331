import BeaconCore
import Foundation
import Testing

/// Expected values computed with Python's `quopri` and `base64` modules.
@Suite("MIME encodings (RFC 2045, RFC 2047) and SMTP dot-stuffing")
struct MIMEEncodingTests {
    @Test("quoted-printable: UTF-8 bytes, '=' and a trailing space are encoded as Python's quopri does")
    func quotedPrintable() {
        #expect(QuotedPrintable.encode("café = 1 ") == "caf=C3=A9 =3D 1=20")
        #expect(QuotedPrintable.encode("a\nb") == "a\r\nb")
        // 80 characters: 75 and a soft break, then 5 (quopri gives the same).
        let long = String(repeating: "a", count: 80)
        #expect(QuotedPrintable.encode(long) == String(repeating: "a", count: 75) + "=\r\n" + "aaaaa")
        // An encoded byte is never split by a soft break.
        let lines = QuotedPrintable.encode(String(repeating: "é", count: 40)).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") && !$0.dropLast().hasSuffix("=C") })
        for text in ["café = 1 ", long, String(repeating: "é", count: 40), "line 1\nline 2 \n.dot"] {
            #expect(QuotedPrintable.decode(QuotedPrintable.encode(text)) == text)
        }
    }

    @Test("encoded words: ASCII stays, other text is =?UTF-8?B?…?= words of at most 75 characters")
    func encodedWords() {
        #expect(MIMEHeader.encodedWords("Hello Ann") == "Hello Ann")
        #expect(MIMEHeader.encodedWords("Grüße") == "=?UTF-8?B?R3LDvMOfZQ==?=")
        let words = MIMEHeader.encodedWords(String(repeating: "Grüße ", count: 20)).split(separator: " ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = words.map { w -> String in
            let b64 = w.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(b64))!, as: UTF8.self)
        }.joined()
        #expect(decoded == String(repeating: "Grüße ", count: 20))
    }

    @Test("header folding keeps lines at 78 characters and never lets a value start a new header")
    func folding() {
        let folded = MIMEHeader.fold(name: "Subject", value: Array(repeating: "word", count: 40).joined(separator: " "))
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1 && lines.allSatisfy { $0.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(!MIMEHeader.fold(name: "Subject", value: "a\r\nBcc: x@y.z").contains("\n"))
    }

    @Test("DATA: CRLF line ends, dot-stuffed lines and the end marker")
    func dotStuffing() {
        let encoded = String(decoding: SMTPData.encode("Hi\n.hidden\n..two\nend."), as: UTF8.self)
        #expect(encoded == "Hi\r\n..hidden\r\n...two\r\nend.\r\n.\r\n")
        #expect(String(decoding: SMTPData.encode(".\r\n"), as: UTF8.self) == "..\r\n.\r\n")
        #expect(String(decoding: SMTPData.encode(""), as: UTF8.self) == ".\r\n")
    }

    @Test("addresses: valid ones kept (domain lower-cased), malformed ones refused")
    func addresses() throws {
        #expect(try EmailAddress("Ann@Example.COM").address == "Ann@example.com")
        #expect(try EmailAddress("a@b.co", name: "Zoë").headerValue == "=?UTF-8?B?Wm/Dqw==?= <a@b.co>")
        #expect(try EmailAddress("a@b.co", name: "A \"B\"").headerValue == "\"A \\\"B\\\"\" <a@b.co>")
        for bad in ["", "ann", "@x.com", "a@b", "a b@c.com", "a@b..com", "<a@b.com>", "a@b.com\r\nBcc: c@d.com"] {
            #expect(throws: EmailAddress.Invalid.self) { try EmailAddress(bad) }
        }
    }

    @Test("a message has both parts under one boundary and the id in angle brackets")
    func message() throws {
        let m = EmailMessage(
            from: try EmailAddress("news@shop.example", name: "Shop"), to: try EmailAddress("ann@example.com"),
            subject: "Grüße", text: "Hi Ann", html: "<p>Hi Ann</p>", messageId: "msg_1@shop.example",
            date: Date(timeIntervalSince1970: 0), headers: [("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")])
        let text = m.rendered()
        #expect(text.contains("\r\nMessage-ID: <msg_1@shop.example>\r\n"))
        #expect(text.hasPrefix("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
        #expect(text.contains("\r\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n"))
        #expect(text.components(separatedBy: "--\(m.boundary)\r\n").count == 3)
        #expect(text.hasSuffix("--\(m.boundary)--\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
