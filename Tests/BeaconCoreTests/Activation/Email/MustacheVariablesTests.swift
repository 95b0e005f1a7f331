import BeaconCore
import Testing

@Suite("Mustache variable names")
struct MustacheVariablesTests {
    @Test("variables and section names count; comments, closers and partials do not")
    func names() throws {
        let t =
            "Hi {{ first_name }}! {{{html_bio}}} {{&raw}} {{#vip}}VIP {{tier.name}}{{/vip}}{{^city}}no city{{/city}} {{! plan }} {{> footer}} {{.}}"
        #expect(try MustacheVariables.names(in: t) == ["first_name", "html_bio", "raw", "vip", "tier", "city"])
        #expect(try MustacheVariables.names(in: "{{a}}{{a}}{{b}}") == ["a", "b"])
        #expect(try MustacheVariables.names(in: "plain text") == [])
    }

    @Test("unclosed tags and delimiter changes are refused")
    func refused() {
        #expect(throws: MustacheVariables.Unreadable.self) { try MustacheVariables.names(in: "Hi {{name") }
        #expect(throws: MustacheVariables.Unreadable.self) { try MustacheVariables.names(in: "{{=<% %>=}}") }
        #expect(throws: MustacheVariables.Unreadable.self) { try MustacheVariables.names(in: "{{}}") }
    }
}
