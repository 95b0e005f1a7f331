import Foundation

/// A segment's membership rule: a tree of groups, trait comparisons and event conditions,
/// stored as JSON in seed 001's shape and parsed with `SegmentRule.parse(_:)`.
///
/// ```json
/// {"all": [
///   {"lifetime_value": {"gt": 1000}},
///   {"subscription_status": "active"},
///   {"not": {"rfm_segment": {"in": ["Lost", "Hibernating"]}}},
///   {"event": {"name": "Order Completed", "count": {"gte": 3}, "within_days": 60,
///              "where": {"revenue": {"gt": 50}}}}
/// ]}
/// ```
/// An object with several keys means all of them; a bare value means `eq`. Trait names are
/// computed traits (`lifetime_value`, `p_alive`, `rfm_segment`, …), the profile's own traits,
/// or dotted paths into them. RFM segment and prediction conditions are trait comparisons on
/// `rfm_segment`, `p_alive`, `predicted_clv` and `churn_risk`; `{"cluster": …}` is a
/// `ClusterCondition` on the k-means persona cluster.
public indirect enum SegmentRule: Sendable, Equatable {
    case all([SegmentRule])
    case any([SegmentRule])
    case not(SegmentRule)
    case trait(String, TraitCondition)
    case event(EventCondition)
    case cluster(ClusterCondition)

    /// Whether the rule depends on the time of evaluation ("in the last 60 days", days since
    /// last order, engagement windows): such segments need the scheduled full recompute.
    public var isTimeDependent: Bool {
        switch self {
        case .all(let rules), .any(let rules): return rules.contains(where: \.isTimeDependent)
        case .not(let rule): return rule.isTimeDependent
        case .trait(let name, _):
            return ["days_since_last_order", "email_engagement_score"].contains(Profile.computedTraitName(name))
        case .event(let condition): return condition.withinDays != nil
        case .cluster: return false
        }
    }
}

/// One comparison of a value with operands from the rule.
public enum TraitCondition: Sendable, Equatable {
    case eq(JSONValue), ne(JSONValue), lt(JSONValue), lte(JSONValue), gt(JSONValue), gte(JSONValue)
    case between(JSONValue, JSONValue)
    case `in`([JSONValue])
    case contains(JSONValue)
    case exists(Bool)

    /// The operator names accepted in rule JSON.
    public static let operators = ["eq", "ne", "neq", "lt", "lte", "gt", "gte", "between", "in", "contains", "exists"]
}

/// "Did `name` at least/most N times (in the last D days) (where properties match)".
public struct EventCondition: Sendable, Equatable {
    public var name: String
    /// Conditions on the number of matching events; default `gte 1`.
    public var count: [TraitCondition]
    public var withinDays: Double?
    /// A rule over the event's properties (trait conditions only).
    public var filter: SegmentRule?

    public init(name: String, count: [TraitCondition] = [.gte(.number(1))], withinDays: Double? = nil, filter: SegmentRule? = nil) {
        self.name = name
        self.count = count
        self.withinDays = withinDays
        self.filter = filter
    }
}

/// A rule that cannot be used, naming the node at fault (`rule.all[2].lifetime_value.gt`).
public struct SegmentRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path) \(reason)" }
}
