import BeaconCore
import Foundation
import Testing

/// One name per computed trait: profiles show only the names, and the other spellings a rule
/// may use read the same value.
@Suite("Computed traits: one name each")
struct ComputedTraitNamesTests {
    @Test("a profile's computed traits carry no alias; each alias reads its trait's value, rules included")
    func oneName() throws {
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        var p = Profile(id: "p-1", createdSeq: 1, at: t0)
        p.orders.addOrder(revenue: 120, at: t0)
        p.orders.addOrder(revenue: 30, at: t0.addingTimeInterval(10 * 86_400))
        p.supportTickets = 2
        let asOf = t0.addingTimeInterval(40 * 86_400)
        let shown = p.computedTraits(asOf: asOf)
        #expect(Set(shown.keys).isSubset(of: Set(Profile.computedTraitNames)))
        #expect(Set(shown.keys).isDisjoint(with: Set(Profile.computedTraitAliases.keys)))
        // By hand: AOV (120 + 30) / 2 = 75; 30 whole days since the second order; 2 tickets.
        #expect(shown["average_order_value"] == .number(75))
        #expect(shown["days_since_last_order"] == .number(30))
        #expect(shown["support_ticket_count"] == .number(2))
        for (alias, name) in Profile.computedTraitAliases {
            #expect(Profile.computedTraitNames.contains(name), "\(alias) → \(name)")
            #expect(p.computedTrait(alias, asOf: asOf) == p.computedTrait(name, asOf: asOf), "\(alias)")
        }
        let byAlias = try SegmentRule.parse(["avg_order_value": ["gt": 74], "days_since_order": ["gte": 30]])
        let byName = try SegmentRule.parse(["average_order_value": ["gt": 74], "days_since_last_order": ["gte": 30]])
        #expect(byAlias.isTimeDependent && byName.isTimeDependent)
        let subject = Subject(profile: p, asOf: asOf)
        #expect(byAlias.matches(subject, asOf: asOf) && byName.matches(subject, asOf: asOf))
        let earlier = asOf.addingTimeInterval(-86_400)  // a day earlier: 29 days since the order
        #expect(!byAlias.matches(Subject(profile: p, asOf: earlier), asOf: earlier))
    }

    struct Subject: SegmentSubject {
        let profile: Profile
        let asOf: Date
        func trait(_ name: String) -> JSONValue? { profile.ruleTrait(name, asOf: asOf) }
        func activities(named name: String) -> [Activity] { [] }
    }
}
