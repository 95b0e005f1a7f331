/// The names a Mustache template looks up, found without rendering it, so a template that
/// refers to a trait no profile has can be refused when it is saved rather than sending
/// emails with holes in them.
///
/// Variables (`{{name}}`, `{{{name}}}`, `{{&name}}`) and section openers (`{{#name}}`,
/// `{{^name}}`) count; closers, comments (`{{! … }}`), partials and pragmas do not. For a
/// dotted name (`{{address.city}}`) the first part is the name; `{{.}}` names nothing.
/// Delimiter changes (`{{=<% %>=}}`) are refused: with them the scan could not see the tags.
public enum MustacheVariables {
    /// A template the scan cannot read.
    public struct Unreadable: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The names in `template`, in order of first use.
    public static func names(in template: String) throws -> [String] {
        var out: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let triple = rest.hasPrefix("{")
            if triple { rest = rest.dropFirst() }
            guard let close = rest.range(of: triple ? "}}}" : "}}") else {
                throw Unreadable(description: "a tag opened with {{ is never closed")
            }
            var tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            guard let sigil = tag.first else { throw Unreadable(description: "an empty tag {{}}") }
            switch sigil {
            case "!", "/", ">", "%", "<", "$":
                continue
            case "=":
                throw Unreadable(description: "delimiter changes ({{=…=}}) are not supported")
            case "#", "^", "&":
                tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
            default:
                break
            }
            // Transforms such as {{uppercased(name)}} wrap the name in parentheses.
            if let paren = tag.lastIndex(of: "("), tag.hasSuffix(")") {
                tag = String(tag[tag.index(after: paren)..<tag.index(before: tag.endIndex)])
            }
            guard tag != "." else { continue }
            let name = String(tag.split(separator: ".", maxSplits: 1).first ?? "")
            guard !name.isEmpty else { throw Unreadable(description: "a tag without a name") }
            if !out.contains(name) { out.append(name) }
        }
        return out
    }
}
