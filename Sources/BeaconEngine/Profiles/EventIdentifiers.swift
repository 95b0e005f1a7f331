import BeaconCore

/// The identifiers an event carries, normalised and with junk values dropped: `userId`,
/// `anonymousId`, `previousId` (alias), email and phone from `traits` and `context.traits`,
/// and `context.externalIds` (`[{"id": …, "type": "shopify_customer_id"}]`).
enum EventIdentifiers {
    /// Identifiers in resolution order (user id first) and the alias's previous id, if any.
    static func extract(_ event: Event, rules: IdentityRules) -> [Identifier] {
        var out: [Identifier] = []
        func add(_ kind: String, _ raw: String?) {
            guard let raw, rules.allows(raw) else { return }
            let value: String?
            switch kind {
            case Identifier.email: value = Identifier.normalisedEmail(raw)
            case Identifier.phone: value = Identifier.normalisedPhone(raw, defaultCallingCode: rules.defaultCallingCode)
            default: value = raw
            }
            guard let value, rules.allows(value) else { return }
            let id = Identifier(kind: kind, value: value)
            if !out.contains(id) { out.append(id) }
        }
        add(Identifier.userId, event.userId)
        add(Identifier.anonymousId, event.anonymousId)
        for traits in [event.traits, event.context?["traits"]] {
            add(Identifier.email, traits?["email"]?.stringValue)
            add(Identifier.phone, traits?["phone"]?.stringValue)
        }
        for item in event.context?["externalIds"]?.arrayValue ?? [] {
            guard let type = item["type"]?.stringValue, !type.isEmpty else { continue }
            let id = item["id"]?.stringValue ?? item["id"]?.doubleValue.map { String(Int64($0)) }
            add("external:\(type)", id)
        }
        return out
    }

    /// The previous id of an alias call, normalised like the others, or nil.
    static func previousId(_ event: Event, rules: IdentityRules) -> String? {
        guard event.type == .alias, let p = event.previousId, rules.allows(p) else { return nil }
        return p
    }
}
