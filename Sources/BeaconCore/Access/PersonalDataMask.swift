/// Masks personal fields for someone without the "personal data" permission.
///
/// Personal fields are the identifiers and traits that name or reach a person: emails, phones,
/// names, addresses, birthdays and IP addresses (matched case-insensitively on the key, with
/// `_` and `-` ignored, at any depth of a JSON value). Ids (profile ids, user ids, anonymous
/// ids) stay visible so a masked reader can still follow a profile; an identifier object
/// (`{"kind": "email", "value": …}`) is masked by its kind. A masked value reads `"•••"`.
public enum PersonalDataMask {
    /// What a masked value reads.
    public static let masked = "•••"

    /// Normalised keys of personal fields.
    public static let personalKeys: Set<String> = [
        "email", "phone", "name", "firstname", "lastname", "address", "street", "city", "postalcode", "zip",
        "birthday", "dateofbirth", "ip", "mobile", "username",
    ]

    /// Whether `key` names a personal field.
    public static func isPersonal(_ key: String) -> Bool {
        personalKeys.contains(key.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Whether an identifier kind (`email`, `phone`, `userId`, …) holds personal data.
    public static func isPersonalIdentifier(kind: String) -> Bool {
        isPersonal(kind)
    }

    /// `value` with every personal field's value masked, at any depth.
    public static func mask(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o):
            // An identifier `{"kind": "email", "value": …}` is personal by its kind.
            if case .string(let kind)? = o["kind"], isPersonalIdentifier(kind: kind), o["value"] != nil {
                var out = o
                out["value"] = .string(masked)
                return .object(out)
            }
            var out: [String: JSONValue] = [:]
            for (k, v) in o {
                if isPersonal(k), v != .null {
                    out[k] = .string(masked)
                } else {
                    out[k] = mask(v)
                }
            }
            return .object(out)
        case .array(let items):
            return .array(items.map(mask))
        default:
            return value
        }
    }
}
