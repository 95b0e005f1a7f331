/// A JSON Pointer (RFC 6901): a path into a JSON document such as `/customer/id` or
/// `/items/0/sku`, the way a generic webhook source names where each event field is.
///
/// `""` is the whole document; each `/`-separated token names an object member or an array
/// index (decimal, no leading zeros), with `~1` for `/` and `~0` for `~` inside a token.
public struct JSONPointer: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The pointer as written.
    public let text: String
    /// The unescaped reference tokens.
    public let tokens: [String]

    /// A pointer that is not RFC 6901 syntax, with why.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var pointer: String
        public var reason: String
    }

    /// Parses `text`. - Throws: `SyntaxError` when it does not start with `/` (and is not
    /// empty) or has a `~` not followed by `0` or `1`.
    public init(_ text: String) throws {
        self.text = text
        guard !text.isEmpty else {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else { throw SyntaxError(pointer: text, reason: "a JSON pointer starts with '/'") }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var chars = raw.makeIterator()
            while let c = chars.next() {
                guard c == "~" else {
                    token.append(c)
                    continue
                }
                switch chars.next() {
                case "0"?: token.append("~")
                case "1"?: token.append("/")
                default: throw SyntaxError(pointer: text, reason: "'~' must be followed by 0 or 1 (~0 is '~', ~1 is '/')")
                }
            }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    public var description: String { text }

    /// The value the pointer names in `document`, nil when a member or index is missing.
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), String(index) == token, elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
