import Foundation

/// "Is in persona cluster …": the k-means cluster the prediction refresh assigned to a buyer
/// (computed traits `cluster`, the number, and `cluster_persona`, the persona name).
///
/// ```json
/// {"cluster": 2}                                   cluster number 2
/// {"cluster": {"in": [0, 2]}}                      number operators: eq, ne, in, lt, lte, gt, gte, between
/// {"cluster": "VIPs"}                              a persona: the family matches every numbered
/// {"cluster": {"persona": ["VIPs", "Loyalists"]}}  cluster of it ("Casual Shoppers 2"), a label only itself
/// ```
/// Profiles without a cluster (no orders, or before the first refresh) match nothing but
/// `ne`. Cluster numbers are only stable between refreshes while the data barely moves;
/// persona names are the durable way to target a cluster.
public enum ClusterCondition: Sendable, Equatable {
    /// Conditions on the cluster number, all of which must hold.
    case number([TraitCondition])
    /// Any of these persona names or labels.
    case persona([String])

    /// The persona families the prediction refresh names clusters with (the seed 003
    /// strategy engine: `BeaconAnalytics.ClusterPersonas.Persona`).
    public static let personaFamilies = ["VIPs", "At-Risk VIPs", "At Risk", "Loyalists", "Casual Shoppers"]

    /// Whether `name` is a family or a numbered label of one ("Casual Shoppers 2").
    public static func isPersonaName(_ name: String) -> Bool {
        personaFamilies.contains { family in
            name == family
                || (name.hasPrefix(family + " ") && Int(name.dropFirst(family.count + 1)).map { $0 > 0 } == true)
        }
    }

    static func parse(_ json: JSONValue, path: String) throws -> ClusterCondition {
        func personas(_ v: JSONValue, _ here: String) throws -> [String] {
            let items = v.arrayValue ?? [v]
            guard !items.isEmpty else { throw SegmentRuleError(path: here, reason: "must name at least one persona") }
            return try items.enumerated().map { i, item in
                let at = v.arrayValue == nil ? here : "\(here)[\(i)]"
                guard let name = item.stringValue, isPersonaName(name) else {
                    throw SegmentRuleError(
                        path: at,
                        reason:
                            "must be a persona (\(personaFamilies.joined(separator: ", ")), optionally numbered like \"Casual Shoppers 2\")"
                    )
                }
                return name
            }
        }
        switch json {
        case .string: return .persona(try personas(json, path))
        case .object(let o) where o["persona"] != nil:
            guard o.count == 1 else {
                throw SegmentRuleError(path: path, reason: "use either persona or number operators, not both")
            }
            return .persona(try personas(o["persona"]!, "\(path).persona"))
        default:
            let conditions = try TraitCondition.parseAll(json, path: path)
            for c in conditions { try checkNumbers(c, path: path) }
            return .number(conditions)
        }
    }

    private static func checkNumbers(_ c: TraitCondition, path: String) throws {
        func number(_ v: JSONValue, _ at: String) throws {
            guard case .number(let d) = v, d >= 0, d == d.rounded() else {
                throw SegmentRuleError(
                    path: at, reason: "must be a cluster number (a whole number from 0), got \(v.serialized())")
            }
        }
        switch c {
        case .eq(let v): try number(v, path)
        case .ne(let v): try number(v, "\(path).ne")
        case .lt(let v): try number(v, "\(path).lt")
        case .lte(let v): try number(v, "\(path).lte")
        case .gt(let v): try number(v, "\(path).gt")
        case .gte(let v): try number(v, "\(path).gte")
        case .between(let a, let b):
            try number(a, "\(path).between[0]")
            try number(b, "\(path).between[1]")
        case .in(let items): for (i, v) in items.enumerated() { try number(v, "\(path).in[\(i)]") }
        case .contains, .exists:
            throw SegmentRuleError(path: path, reason: "supports eq, ne, in, lt, lte, gt, gte, between and persona")
        }
    }

    /// Whether the subject's cluster matches.
    func matches(_ subject: some SegmentSubject) -> Bool {
        switch self {
        case .number(let conditions):
            let value = subject.trait("cluster")
            return conditions.allSatisfy { $0.matches(value) }
        case .persona(let names):
            guard let label = subject.trait("cluster_persona")?.stringValue else { return false }
            return names.contains { name in
                label == name
                    || (Self.personaFamilies.contains(name) && label.hasPrefix(name + " ")
                        && Int(label.dropFirst(name.count + 1)) != nil)
            }
        }
    }
}
