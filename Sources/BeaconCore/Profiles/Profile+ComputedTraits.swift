import Foundation

extension Profile {
    /// Days of email history the engagement score looks at.
    public static let engagementWindowDays = 90.0

    /// The names of the computed traits, one per trait: profiles, exports and the API show these.
    public static let computedTraitNames: [String] = [
        "lifetime_value", "order_count", "average_order_value", "first_order_at", "last_order_at",
        "days_since_last_order", "email_engagement_score", "support_ticket_count",
        "event_count", "first_seen", "last_seen", "p_alive", "predicted_clv", "churn_risk", "rfm_segment",
        "predictions_refreshed_at", "predictions_as_of", "cluster", "cluster_persona",
    ]

    /// Other spellings a segment rule may use for a computed trait (seed 001's rule examples),
    /// each read as the trait's one name; they never appear in output.
    public static let computedTraitAliases: [String: String] = [
        "avg_order_value": "average_order_value", "days_since_order": "days_since_last_order",
        "support_tickets": "support_ticket_count", "predicted_ltv": "predicted_clv",
    ]

    /// The one name of the computed trait `name` spells, or `name` itself.
    public static func computedTraitName(_ name: String) -> String { computedTraitAliases[name] ?? name }

    /// Email engagement score at `asOf`: `min(100, 10 × opens + 20 × clicks)` over the last
    /// 90 days — 0 for none, 20 for two opens or one click, 100 for a highly engaged reader.
    public func emailEngagementScore(asOf: Date) -> Double {
        let from = asOf.addingTimeInterval(-Self.engagementWindowDays * 86_400)
        let opens = emailOpens.filter { $0 > from && $0 <= asOf }.count
        let clicks = emailClicks.filter { $0 > from && $0 <= asOf }.count
        return min(100, Double(10 * opens + 20 * clicks))
    }

    /// One computed trait at `asOf`: `.some(nil)` when the name is a computed trait without a
    /// value (no orders yet, predictions not refreshed), nil when it is not a computed trait.
    ///
    /// `days_since_last_order` is whole days (floor) from the last order to `asOf`.
    public func computedTrait(_ name: String, asOf: Date) -> JSONValue?? {
        switch Self.computedTraitName(name) {
        case "lifetime_value": return .number(orders.lifetimeValue)
        case "order_count": return .number(Double(orders.count))
        case "average_order_value": return .number(orders.averageOrderValue)
        case "first_order_at": return .some(orders.firstAt.map { .string(Timestamp.format($0)) })
        case "last_order_at": return .some(orders.lastAt.map { .string(Timestamp.format($0)) })
        case "days_since_last_order":
            return .some(orders.lastAt.map { .number((asOf.timeIntervalSince($0) / 86_400).rounded(.down)) })
        case "email_engagement_score": return .number(emailEngagementScore(asOf: asOf))
        case "support_ticket_count": return .number(Double(supportTickets))
        case "event_count": return .number(Double(eventCount))
        case "first_seen": return .string(Timestamp.format(firstSeen))
        case "last_seen": return .string(Timestamp.format(lastSeen))
        case "p_alive": return .some(predictions?.pAlive.map(JSONValue.number))
        case "predicted_clv": return .some(predictions?.predictedCLV.map(JSONValue.number))
        case "churn_risk": return .some(predictions?.churnRisk.map(JSONValue.number))
        case "rfm_segment": return .some(predictions?.rfmSegment.map(JSONValue.string))
        case "cluster": return .some(predictions?.cluster.map { .number(Double($0)) })
        case "cluster_persona": return .some(predictions?.clusterPersona.map(JSONValue.string))
        case "predictions_refreshed_at": return .some(predictions.map { .string(Timestamp.format($0.refreshedAt)) })
        case "predictions_as_of": return .some(predictions?.asOf.map { .string(Timestamp.format($0)) })
        default: return nil
        }
    }

    /// All computed traits that have a value at `asOf`.
    public func computedTraits(asOf: Date) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for name in Self.computedTraitNames {
            if case .some(.some(let v)) = computedTrait(name, asOf: asOf) { out[name] = v }
        }
        return out
    }

    /// A trait as segment rules see it: computed traits first (they cannot be overwritten by
    /// an `identify` call), then the profile's own traits, then a dotted path into them
    /// (`address.city`).
    ///
    /// `profile_id` is the profile's own id (a lookalike segment lists its members by it).
    public func ruleTrait(_ name: String, asOf: Date) -> JSONValue? {
        if name == "profile_id" { return .string(id) }
        if let computed = computedTrait(name, asOf: asOf) { return computed }
        if let t = traits[name] { return t.value }
        if name == "email" { return email.map(JSONValue.string) }
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count > 1, var value = traits[parts[0]]?.value else { return nil }
        for p in parts.dropFirst() {
            guard let next = value[p] else { return nil }
            value = next
        }
        return value
    }
}
