import BeaconCore
import BeaconEngine
import Foundation
import Testing

@Suite("Unsubscribe tokens")
struct UnsubscribeTokenTests {
    @Test("a sealed token opens to its address, hides it, and is refused when altered or opened with another key")
    func roundTrip() throws {
        let box = SecretBox.random()
        let token = UnsubscribeToken(workspaceId: "ws_1", destinationId: "dst_1", address: "ann@example.com")
        let sealed = try token.sealed(with: box)
        #expect(UnsubscribeToken.open(sealed, with: box) == token)
        #expect(!sealed.contains("ann") && sealed.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(UnsubscribeToken.open(sealed, with: SecretBox.random()) == nil)
        var altered = Array(sealed)
        altered[altered.count / 2] = altered[altered.count / 2] == "A" ? "B" : "A"
        #expect(UnsubscribeToken.open(String(altered), with: box) == nil)
        #expect(UnsubscribeToken.open("not-a-token", with: box) == nil)
        // A sealed destination secret is not a token, even under the same key.
        #expect(UnsubscribeToken.open(try box.seal("u1\u{1F}a\u{1F}b\u{1F}c"), with: box) == nil)
    }

    @Test("templates render traits without HTML escaping in text and with it in HTML")
    func templates() throws {
        let settings = EmailSettings(
            host: "127.0.0.1", port: 25, security: .none, from: "news@shop.example", subject: "Hi {{first_name}}",
            text: "Dear {{first_name}}, {{#vip}}VIP{{/vip}} {{unsubscribe_url}}", html: "<p>{{first_name}}</p>",
            unsubscribeBase: "https://beacon.example")
        let templates = try EmailTemplates(settings, knownNames: ["first_name", "vip"])
        var p = Profile(id: "p-1", createdSeq: 1, at: Date(timeIntervalSince1970: 0))
        p.traits["first_name"] = TraitValue(value: .string("Ann & <Bo>"), at: p.firstSeen, source: "t", seq: 1)
        p.traits["vip"] = TraitValue(value: .bool(true), at: p.firstSeen, source: "t", seq: 1)
        let out = templates.render(
            EmailTemplates.context(
                profile: p, email: "ann@example.com", unsubscribeURL: "https://u/1", asOf: p.firstSeen))
        #expect(out.subject == "Hi Ann & <Bo>")
        #expect(out.text == "Dear Ann & <Bo>, VIP https://u/1")
        #expect(out.html == "<p>Ann &amp; &lt;Bo&gt;</p>")
        #expect(throws: ActivationError(field: "html", "refers to a trait no profile in this workspace has: {{plan}}"))
        {
            var s = settings
            s.html = "{{plan}}"
            _ = try EmailTemplates(s, knownNames: ["first_name", "vip"])
        }
    }
}
