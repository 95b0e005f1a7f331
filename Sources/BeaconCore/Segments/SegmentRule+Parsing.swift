import Foundation

extension SegmentRule {
    /// Deepest nesting accepted, so a hostile rule cannot exhaust the stack.
    public static let maxDepth = 32

    /// Parses and validates a rule.
    /// - Parameter path: the name of the node for error messages (`rule`).
    /// - Throws: `SegmentRuleError` naming the bad node and what is wrong with it.
    public static func parse(_ json: JSONValue, path: String = "rule") throws -> SegmentRule {
        try parse(json, path: path, depth: 0, inEvent: false)
    }

    static func parse(_ json: JSONValue, path: String, depth: Int, inEvent: Bool) throws -> SegmentRule {
        guard depth <= maxDepth else { throw SegmentRuleError(path: path, reason: "is nested deeper than \(maxDepth) levels") }
        guard let object = json.objectValue else {
            throw SegmentRuleError(path: path, reason: "must be an object, got \(json.typeDescription)")
        }
        guard !object.isEmpty else { throw SegmentRuleError(path: path, reason: "must not be empty") }
        var parts: [SegmentRule] = []
        for key in object.keys.sorted() {
            let value = object[key]!
            let here = "\(path).\(key)"
            switch key {
            case "all", "any":
                guard let items = value.arrayValue else {
                    throw SegmentRuleError(path: here, reason: "must be an array of rules, got \(value.typeDescription)")
                }
                guard !items.isEmpty else { throw SegmentRuleError(path: here, reason: "must contain at least one rule") }
                let rules = try items.enumerated().map { i, item in
                    try parse(item, path: "\(here)[\(i)]", depth: depth + 1, inEvent: inEvent)
                }
                parts.append(key == "all" ? .all(rules) : .any(rules))
            case "not":
                parts.append(.not(try parse(value, path: here, depth: depth + 1, inEvent: inEvent)))
            case "event" where !inEvent:
                parts.append(.event(try EventCondition.parse(value, path: here, depth: depth + 1)))
            case "cluster" where !inEvent:
                parts.append(.cluster(try ClusterCondition.parse(value, path: here)))
            default:
                guard !key.isEmpty else { throw SegmentRuleError(path: here, reason: "trait name must not be empty") }
                for condition in try TraitCondition.parseAll(value, path: here) { parts.append(.trait(key, condition)) }
            }
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }
}

extension TraitCondition {
    /// Parses `{"gt": 1, "lt": 5}` (all must hold) or a bare value (`eq`).
    static func parseAll(_ json: JSONValue, path: String) throws -> [TraitCondition] {
        guard let object = json.objectValue else {
            if case .array = json { throw SegmentRuleError(path: path, reason: "must be a value or an operator object; use {\"in\": [...]} for lists") }
            return [.eq(json)]
        }
        guard !object.isEmpty else {
            throw SegmentRuleError(path: path, reason: "must name an operator (\(operators.joined(separator: ", ")))")
        }
        return try object.keys.sorted().map { try parse(op: $0, object[$0]!, path: "\(path).\($0)") }
    }

    static func parse(op: String, _ v: JSONValue, path: String) throws -> TraitCondition {
        func comparable() throws -> JSONValue {
            switch v {
            case .number, .string: return v
            default: throw SegmentRuleError(path: path, reason: "must be a number or a string (date), got \(v.typeDescription)")
            }
        }
        switch op {
        case "eq": return .eq(v)
        case "ne", "neq": return .ne(v)
        case "lt": return .lt(try comparable())
        case "lte": return .lte(try comparable())
        case "gt": return .gt(try comparable())
        case "gte": return .gte(try comparable())
        case "between":
            guard let pair = v.arrayValue, pair.count == 2 else {
                throw SegmentRuleError(path: path, reason: "must be an array of two bounds [low, high]")
            }
            for (i, b) in pair.enumerated() {
                switch b {
                case .number, .string: break
                default: throw SegmentRuleError(path: "\(path)[\(i)]", reason: "must be a number or a string, got \(b.typeDescription)")
                }
            }
            if let lo = pair[0].doubleValue, let hi = pair[1].doubleValue, lo > hi {
                throw SegmentRuleError(path: path, reason: "low bound \(lo) is above high bound \(hi)")
            }
            return .between(pair[0], pair[1])
        case "in":
            guard let items = v.arrayValue, !items.isEmpty else {
                throw SegmentRuleError(path: path, reason: "must be a non-empty array of values")
            }
            return .in(items)
        case "contains":
            if case .object = v { throw SegmentRuleError(path: path, reason: "must be a value, got an object") }
            return .contains(v)
        case "exists":
            guard case .bool(let b) = v else { throw SegmentRuleError(path: path, reason: "must be true or false, got \(v.typeDescription)") }
            return .exists(b)
        default:
            throw SegmentRuleError(path: path, reason: "is not an operator; use one of \(operators.joined(separator: ", "))")
        }
    }
}

extension EventCondition {
    static let keys: Set<String> = ["name", "count", "within_days", "where"]

    static func parse(_ json: JSONValue, path: String, depth: Int) throws -> EventCondition {
        guard let o = json.objectValue else {
            throw SegmentRuleError(path: path, reason: "must be an object with name, count, within_days, where")
        }
        if let unknown = o.keys.sorted().first(where: { !keys.contains($0) }) {
            throw SegmentRuleError(path: "\(path).\(unknown)", reason: "is not a field of an event condition (name, count, within_days, where)")
        }
        guard let name = o["name"]?.stringValue, !name.isEmpty else {
            throw SegmentRuleError(path: "\(path).name", reason: "is required: the event name, e.g. \"Order Completed\"")
        }
        var condition = EventCondition(name: name)
        if let count = o["count"] {
            let conditions: [TraitCondition]
            if case .number = count { conditions = [.gte(count)] } else { conditions = try TraitCondition.parseAll(count, path: "\(path).count") }
            for c in conditions {
                switch c {
                case .eq(let x), .ne(let x), .lt(let x), .lte(let x), .gt(let x), .gte(let x):
                    guard x.doubleValue != nil, case .number = x else {
                        throw SegmentRuleError(path: "\(path).count", reason: "operands must be numbers")
                    }
                case .between(let a, let b):
                    guard case .number = a, case .number = b else {
                        throw SegmentRuleError(path: "\(path).count", reason: "operands must be numbers")
                    }
                default: throw SegmentRuleError(path: "\(path).count", reason: "supports eq, ne, lt, lte, gt, gte and between")
                }
            }
            condition.count = conditions
        }
        if let days = o["within_days"] {
            guard case .number(let d) = days, d > 0, d.isFinite else {
                throw SegmentRuleError(path: "\(path).within_days", reason: "must be a positive number of days")
            }
            condition.withinDays = d
        }
        if let filter = o["where"] {
            condition.filter = try SegmentRule.parse(filter, path: "\(path).where", depth: depth + 1, inEvent: true)
        }
        return condition
    }
}
