import Foundation

/// What a segment rule is evaluated against: a profile's traits and its `track` events.
public protocol SegmentSubject {
    /// A trait by name (computed, own, or a dotted path), nil when absent.
    func trait(_ name: String) -> JSONValue?
    /// The subject's `track` events of one name.
    func activities(named name: String) -> [Activity]
}

extension SegmentRule {
    /// Whether `subject` matches at `asOf` (the instant "the last 60 days" counts back from).
    public func matches(_ subject: some SegmentSubject, asOf: Date) -> Bool {
        switch self {
        case .all(let rules): return rules.allSatisfy { $0.matches(subject, asOf: asOf) }
        case .any(let rules): return rules.contains { $0.matches(subject, asOf: asOf) }
        case .not(let rule): return !rule.matches(subject, asOf: asOf)
        case .trait(let name, let condition): return condition.matches(subject.trait(name))
        case .event(let condition): return condition.matches(subject, asOf: asOf)
        case .cluster(let condition): return condition.matches(subject)
        }
    }

    /// Whether a set of event properties matches (the `where` of an event condition).
    func matches(properties: [String: JSONValue]) -> Bool {
        switch self {
        case .all(let rules): return rules.allSatisfy { $0.matches(properties: properties) }
        case .any(let rules): return rules.contains { $0.matches(properties: properties) }
        case .not(let rule): return !rule.matches(properties: properties)
        case .trait(let name, let condition): return condition.matches(Self.lookup(name, in: properties))
        case .event, .cluster: return false
        }
    }

    static func lookup(_ name: String, in properties: [String: JSONValue]) -> JSONValue? {
        if let v = properties[name] { return v }
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count > 1, var value = properties[parts[0]] else { return nil }
        for p in parts.dropFirst() {
            guard let next = value[p] else { return nil }
            value = next
        }
        return value
    }
}

extension EventCondition {
    /// Counts the subject's matching events in the window and applies the count conditions.
    public func matches(_ subject: some SegmentSubject, asOf: Date) -> Bool {
        let from = withinDays.map { asOf.addingTimeInterval(-$0 * 86_400) }
        var n = 0
        for a in subject.activities(named: name) {
            if let from, a.timestamp < from || a.timestamp > asOf { continue }
            if let filter, !filter.matches(properties: a.properties) { continue }
            n += 1
        }
        let value = JSONValue.number(Double(n))
        return count.allSatisfy { $0.matches(value) }
    }
}

extension TraitCondition {
    /// Applies the comparison to a value (nil when the trait is absent).
    ///
    /// An absent or null value matches only `ne` and `exists: false`. Ordering compares
    /// numbers as numbers (a numeric string counts), then ISO-8601 dates as instants, then
    /// strings by code points. `contains` is case-insensitive on strings and membership on
    /// arrays. `eq` on strings is case-sensitive, on numbers numeric.
    public func matches(_ value: JSONValue?) -> Bool {
        let present = value.flatMap { $0 == .null ? nil : $0 }
        switch self {
        case .exists(let expected): return (present != nil) == expected
        case .ne(let operand): return present.map { !Self.equal($0, operand) } ?? true
        default: break
        }
        guard let v = present else { return false }
        switch self {
        case .eq(let operand): return Self.equal(v, operand)
        case .lt(let o): return Self.compare(v, o).map { $0 < 0 } ?? false
        case .lte(let o): return Self.compare(v, o).map { $0 <= 0 } ?? false
        case .gt(let o): return Self.compare(v, o).map { $0 > 0 } ?? false
        case .gte(let o): return Self.compare(v, o).map { $0 >= 0 } ?? false
        case .between(let lo, let hi):
            guard let a = Self.compare(v, lo), let b = Self.compare(v, hi) else { return false }
            return a >= 0 && b <= 0
        case .in(let options): return options.contains { Self.equal(v, $0) }
        case .contains(let needle):
            if let items = v.arrayValue { return items.contains { Self.equal($0, needle) } }
            guard let hay = v.stringValue else { return false }
            let n: String
            switch needle {
            case .string(let s): n = s
            case .number(let d): n = d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
            default: return false
            }
            return hay.range(of: n, options: .caseInsensitive) != nil
        case .exists, .ne: return false
        }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if a == b { return true }
        switch (a, b) {
        case (.number(let x), .string), (.string, .number(let x)):
            let other = (a == .number(x) ? b : a).doubleValue
            return other == x
        default: return false
        }
    }

    /// -1, 0, 1, or nil when the two values are not comparable.
    static func compare(_ a: JSONValue, _ b: JSONValue) -> Int? {
        if let x = a.doubleValue, let y = b.doubleValue { return x < y ? -1 : (x > y ? 1 : 0) }
        guard let s = a.stringValue, let t = b.stringValue else { return nil }
        if let x = Timestamp.parse(s), let y = Timestamp.parse(t) { return x < y ? -1 : (x > y ? 1 : 0) }
        return s < t ? -1 : (s > t ? 1 : 0)
    }
}
