import Foundation

/// One identifier of a person, as identity resolution sees it: a kind and a normalised value.
///
/// Kinds are `user_id`, `anonymous_id`, `email` (lower-cased, trimmed), `phone` (E.164,
/// `+` and 8–15 digits) and `external:<type>` for ids from `context.externalIds` or import
/// mappings (`external:shopify_customer_id`). Two events share a person exactly when they
/// share an identifier value of the same kind.
public struct Identifier: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var kind: String
    public var value: String

    public init(kind: String, value: String) {
        self.kind = kind
        self.value = value
    }

    public static let userId = "user_id"
    public static let anonymousId = "anonymous_id"
    public static let email = "email"
    public static let phone = "phone"

    public static func < (l: Identifier, r: Identifier) -> Bool {
        (l.kind, l.value) < (r.kind, r.value)
    }

    public var description: String { "\(kind):\(value)" }

    /// An email address normalised for matching: trimmed and lower-cased; nil when it does
    /// not look like `local@domain`.
    public static func normalisedEmail(_ raw: String) -> String? {
        let e = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let at = e.firstIndex(of: "@"), at != e.startIndex, e.index(after: at) != e.endIndex,
              !e.contains(" ")
        else { return nil }
        return e
    }

    /// A phone number in E.164 (`+` then 8–15 digits), or nil.
    ///
    /// Spaces, dots, dashes and brackets are dropped; a leading `00` counts as `+`. A number
    /// without an international prefix is only accepted when `defaultCallingCode` is given
    /// (its leading trunk `0` is dropped), because guessing the country would merge strangers.
    public static func normalisedPhone(_ raw: String, defaultCallingCode: String? = nil) -> String? {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines).filter { !" .-()/".contains($0) }
        var international = false
        if s.hasPrefix("+") {
            international = true
            s.removeFirst()
        } else if s.hasPrefix("00") {
            international = true
            s.removeFirst(2)
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if !international {
            guard let code = defaultCallingCode else { return nil }
            if s.hasPrefix("0") { s.removeFirst() }
            s = code + s
        }
        guard (8...15).contains(s.count), !s.hasPrefix("0") else { return nil }
        return "+" + s
    }
}
