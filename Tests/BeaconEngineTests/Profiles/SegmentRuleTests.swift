import BeaconCore
import Foundation
import Testing

/// A subject with fixed traits and events, to test operators without a store.
struct RuleTestSubject: SegmentSubject {
    var traits: [String: JSONValue]
    var events: [Activity] = []
    func trait(_ name: String) -> JSONValue? { traits[name] }
    func activities(named name: String) -> [Activity] { events.filter { $0.name == name } }
}

@Suite("Segment rules")
struct SegmentRuleTests {
    static let now = Timestamp.parse("2025-06-01T00:00:00Z")!
    let subject = RuleTestSubject(traits: [
        "lifetime_value": 1200, "plan": "pro", "tags": ["vip", "beta"], "email": "Ada@Example.com",
        "signup": "2025-02-01T00:00:00Z", "score": "42",
    ], events: [
        Activity(name: "Order Completed", timestamp: now.addingTimeInterval(-10 * 86_400), properties: ["revenue": 80]),
        Activity(name: "Order Completed", timestamp: now.addingTimeInterval(-20 * 86_400), properties: ["revenue": 30]),
        Activity(name: "Order Completed", timestamp: now.addingTimeInterval(-50 * 86_400), properties: ["revenue": 60]),
        Activity(name: "Order Completed", timestamp: now.addingTimeInterval(-90 * 86_400), properties: ["revenue": 500]),
    ])

    func check(_ rule: JSONValue) throws -> Bool {
        try SegmentRule.parse(rule).matches(subject, asOf: Self.now)
    }

    @Test("each trait operator", arguments: [
        (["lifetime_value": ["gt": 1000]] as JSONValue, true), (["lifetime_value": ["gt": 1200]], false),
        (["lifetime_value": ["gte": 1200]], true), (["lifetime_value": ["lt": 1200]], false), (["lifetime_value": ["lte": 1200]], true),
        (["lifetime_value": 1200], true), (["lifetime_value": ["eq": "1200"]], true), (["plan": ["ne": "pro"]], false),
        (["plan": ["neq": "free"]], true), (["missing": ["ne": "x"]], true), (["missing": ["eq": "x"]], false),
        (["lifetime_value": ["between": [1000, 1200]]], true), (["lifetime_value": ["between": [1201, 2000]]], false),
        (["plan": ["in": ["plus", "pro"]]], true), (["plan": ["in": ["free"]]], false),
        (["email": ["contains": "example"]], true), (["tags": ["contains": "vip"]], true), (["tags": ["contains": "gold"]], false),
        (["plan": ["exists": true]], true), (["missing": ["exists": false]], true), (["missing": ["exists": true]], false),
        (["signup": ["gt": "2025-01-15"]], true), (["signup": ["lt": "2025-01-15T00:00:00Z"]], false),
        (["score": ["gt": 41.5]], true), (["lifetime_value": ["gt": 1000, "lt": 1100]], false),
    ] as [(JSONValue, Bool)])
    func traitOperators(_ rule: JSONValue, _ expected: Bool) throws {
        #expect(try check(rule) == expected)
    }

    @Test("groups and event conditions")
    func groupsAndEvents() throws {
        #expect(try check(["all": [["plan": "pro"], ["lifetime_value": ["gt": 10]]]]))
        #expect(try !check(["all": [["plan": "pro"], ["lifetime_value": ["gt": 5000]]]]))
        #expect(try check(["any": [["plan": "free"], ["lifetime_value": ["gt": 10]]]]))
        #expect(try check(["not": ["plan": "free"]]))
        // Three orders in the last 60 days, two of them over 50.
        #expect(try check(["event": ["name": "Order Completed", "count": ["gte": 3], "within_days": 60]]))
        #expect(try !check(["event": ["name": "Order Completed", "count": ["gte": 3], "within_days": 60, "where": ["revenue": ["gt": 50]]]]))
        #expect(try check(["event": ["name": "Order Completed", "count": 2, "within_days": 60, "where": ["revenue": ["gt": 50]]]]))
        #expect(try check(["event": ["name": "Order Completed", "count": ["eq": 4]]]))
        #expect(try check(["not": ["event": ["name": "Refund", "count": ["gte": 1]]]]))
    }

    @Test("invalid rules name the bad node", arguments: [
        (["all": [["plan": "pro"], ["lifetime_value": ["gtt": 5]]]] as JSONValue, "rule.all[1].lifetime_value.gtt"),
        (["lifetime_value": ["gt": true]], "rule.lifetime_value.gt"),
        (["any": []], "rule.any"),
        (["plan": ["between": [5]]], "rule.plan.between"),
        (["x": ["between": [9, 1]]], "rule.x.between"),
        (["event": ["count": 3]], "rule.event.name"),
        (["event": ["name": "A", "within_days": -1]], "rule.event.within_days"),
        (["event": ["name": "A", "since": 3]], "rule.event.since"),
        (["event": ["name": "A", "where": ["event": ["name": "B"]]]], "rule.event.where.event.name"),
        (["x": ["in": []]], "rule.x.in"),
        (["x": ["exists": "yes"]], "rule.x.exists"),
        ("vip", "rule"),
        (["plan": ["a", "b"]], "rule.plan"),
    ] as [(JSONValue, String)])
    func validation(_ rule: JSONValue, _ path: String) {
        #expect(throws: SegmentRuleError.self) { try SegmentRule.parse(rule) }
        do {
            _ = try SegmentRule.parse(rule)
        } catch let error as SegmentRuleError {
            #expect(error.path == path)
        } catch {}
    }

    @Test("system segments all parse, and time-dependence is detected")
    func systemSegments() throws {
        for s in SystemSegments.all { _ = try SegmentRule.parse(s.rule) }
        #expect(SystemSegments.all.count == 3 + 11)
        #expect(try SegmentRule.parse(["days_since_order": ["gt": 60]]).isTimeDependent)
        #expect(try !SegmentRule.parse(["lifetime_value": ["gt": 60]]).isTimeDependent)
    }
}
