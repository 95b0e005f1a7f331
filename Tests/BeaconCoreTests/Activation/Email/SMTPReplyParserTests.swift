import BeaconCore
import Testing

@Suite("SMTP replies (RFC 5321 §4.2)")
struct SMTPReplyParserTests {
    func parse(_ lines: [String]) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        return try lines.compactMap { try parser.feed($0) }
    }

    @Test("a multi-line EHLO reply is one reply with its extensions")
    func multiLine() throws {
        let replies = try parse([
            "250-mail.example.com Hello", "250-SIZE 10240000", "250-AUTH PLAIN LOGIN", "250 STARTTLS",
        ])
        #expect(replies.count == 1)
        let r = try #require(replies.first)
        #expect(r.code == 250 && r.lines.count == 4)
        #expect(r.extensions["AUTH"] == ["PLAIN", "LOGIN"])
        #expect(r.extensions["STARTTLS"] == [])
        #expect(r.extensions["SIZE"] == ["10240000"])
        #expect(r.extensions["MAIL.EXAMPLE.COM"] == nil)
    }

    @Test("single lines, a bare code, and the classes of codes")
    func singleLines() throws {
        let replies = try parse(["220 ready", "354", "451 4.3.0 later", "550 5.1.1 no such user"])
        #expect(replies.map(\.code) == [220, 354, 451, 550])
        #expect(replies[1].lines == [""])
        #expect(replies[0].isPositive && replies[1].isPositive)
        #expect(replies[2].isTransient && !replies[2].isPermanent)
        #expect(replies[3].isPermanent && replies[3].text == "5.1.1 no such user")
    }

    @Test("lines without a code, with another code mid-reply, or a bad separator are refused")
    func malformed() {
        #expect(throws: SMTPReplyParser.Malformed.self) { try parse(["hello"]) }
        #expect(throws: SMTPReplyParser.Malformed.self) { try parse(["250-first", "251 second"]) }
        #expect(throws: SMTPReplyParser.Malformed.self) { try parse(["250+x"]) }
        #expect(throws: SMTPReplyParser.Malformed.self) { try parse(["650 out of range"]) }
    }
}
