import Foundation

/// Identity rules that cannot be used, naming the field at fault (`limits.email`, `mergeOn[2]`).
public struct IdentityRulesError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field) \(reason)" }
}

extension IdentityRules {
    /// The fields of the JSON form.
    public static let jsonFields = ["mergeOn", "limits", "maxIdentifiers", "blockedValues", "defaultCallingCode"]
    /// The kinds accepted in `mergeOn` and `limits`, besides `external:<type>`.
    public static let kinds = [
        Identifier.userId, Identifier.anonymousId, Identifier.email, Identifier.phone, "external",
    ]
    /// The kinds accepted in `mergeOn` and `limits` as a regular expression (for the API document).
    public static var kindPattern: String { "^(" + kinds.joined(separator: "|") + "|external:.+)$" }

    /// The JSON form, as stored and served:
    /// ```json
    /// {"mergeOn": ["user_id", "anonymous_id", "email"], "limits": {"user_id": 1, "email": 2},
    ///  "maxIdentifiers": 100, "blockedValues": ["shared@shop.com"], "defaultCallingCode": "44"}
    /// ```
    /// `mergeOn` is null when every kind may merge; `blockedValues` are the workspace's own,
    /// on top of the built-in list.
    public var json: JSONValue {
        .object([
            "mergeOn": mergeKinds.map { .array($0.sorted().map(JSONValue.string)) } ?? .null,
            "limits": .object(kindLimits.mapValues { .number(Double($0)) }),
            "maxIdentifiers": .number(Double(maxIdentifiersPerProfile)),
            "blockedValues": .array(extraBlockedValues.sorted().map(JSONValue.string)),
            "defaultCallingCode": defaultCallingCode.map(JSONValue.string) ?? .null,
        ])
    }

    /// Parses and validates the JSON form. Absent fields take their defaults (every kind
    /// merges, one `user_id` per profile, 100 identifiers, no extra blocked values).
    /// - Throws: `IdentityRulesError` naming the field and what is wrong with it.
    public static func parse(_ json: JSONValue) throws -> IdentityRules {
        guard let o = json.objectValue else {
            throw IdentityRulesError(
                field: "(body)", reason: "must be an object with \(jsonFields.joined(separator: ", "))")
        }
        if let unknown = o.keys.sorted().first(where: { !jsonFields.contains($0) }) {
            throw IdentityRulesError(
                field: unknown, reason: "is not an identity rule; use \(jsonFields.joined(separator: ", "))")
        }
        var rules = IdentityRules()
        if let v = o["mergeOn"], v != .null {
            guard let items = v.arrayValue else {
                throw IdentityRulesError(field: "mergeOn", reason: "must be an array of identifier kinds")
            }
            var kinds: Set<String> = []
            for (i, item) in items.enumerated() { kinds.insert(try kind(item, field: "mergeOn[\(i)]")) }
            rules.mergeKinds = kinds
        }
        if let v = o["limits"] {
            guard let limits = v.objectValue else {
                throw IdentityRulesError(
                    field: "limits", reason: "must be an object of kind → maximum, e.g. {\"user_id\": 1}")
            }
            rules.kindLimits = [:]
            for key in limits.keys.sorted() {
                let field = "limits.\(key)"
                _ = try kind(.string(key), field: field)
                guard let value = limits[key], value != .null else { continue }
                rules.kindLimits[key] = try integer(value, field: field, in: 1...1_000)
            }
        }
        if let v = o["maxIdentifiers"] {
            rules.maxIdentifiersPerProfile = try integer(v, field: "maxIdentifiers", in: 1...10_000)
        }
        if let v = o["blockedValues"] {
            guard let items = v.arrayValue else {
                throw IdentityRulesError(field: "blockedValues", reason: "must be an array of strings")
            }
            guard items.count <= 10_000 else {
                throw IdentityRulesError(field: "blockedValues", reason: "may hold at most 10000 values")
            }
            for (i, item) in items.enumerated() {
                guard let s = item.stringValue, !normalised(s).isEmpty, s.count <= 320 else {
                    throw IdentityRulesError(
                        field: "blockedValues[\(i)]", reason: "must be a non-empty string of at most 320 characters")
                }
                rules.extraBlockedValues.insert(normalised(s))
            }
        }
        if let v = o["defaultCallingCode"], v != .null {
            guard let s = v.stringValue, (1...3).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }),
                !s.hasPrefix("0")
            else {
                throw IdentityRulesError(
                    field: "defaultCallingCode", reason: "must be 1 to 3 digits without '+' (e.g. \"44\"), or null")
            }
            rules.defaultCallingCode = s
        }
        return rules
    }

    private static func kind(_ value: JSONValue, field: String) throws -> String {
        guard let s = value.stringValue else {
            throw IdentityRulesError(field: field, reason: "must be an identifier kind (a string)")
        }
        if kinds.contains(s) { return s }
        if s.hasPrefix("external:"), s.count > "external:".count { return s }
        throw IdentityRulesError(
            field: field,
            reason: "'\(s)' is not an identifier kind; use \(kinds.joined(separator: ", ")) or external:<type>")
    }

    private static func integer(_ value: JSONValue, field: String, in range: ClosedRange<Int>) throws -> Int {
        guard case .number(let d) = value, d == d.rounded(), d >= Double(range.lowerBound),
            d <= Double(range.upperBound)
        else {
            throw IdentityRulesError(
                field: field, reason: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(d)
    }
}
