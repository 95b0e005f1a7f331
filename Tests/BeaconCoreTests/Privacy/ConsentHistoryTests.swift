import BeaconCore
import Foundation
import Testing

@Suite("Consent with Segment's semantics")
struct ConsentHistoryTests {
    static func event(_ id: String, _ context: JSONValue?, at seconds: Double, user: String = "u1", anon: String? = nil,
                      name: String = "Viewed") -> Event {
        Event(messageId: id, type: .track, userId: user, anonymousId: anon, event: name,
              timestamp: Date(timeIntervalSince1970: seconds), receivedAt: Date(timeIntervalSince1970: seconds), context: context)
    }

    @Test("A missing object changes nothing; an empty one sets every category to false")
    func missingAndEmpty() throws {
        #expect(ConsentPreferences.categories(in: Self.event("a", nil, at: 0)) == nil)
        #expect(ConsentPreferences.categories(in: Self.event("b", ["consent": ["other": true]], at: 0)) == nil)
        let empty = Self.event("c", ["consent": ["categoryPreferences": [:]]], at: 10)
        #expect(ConsentPreferences.categories(in: empty) == ["*": false])
        let grant = Self.event("d", ["consent": ["categoryPreferences": ["marketing": true, "analytics": true]]], at: 5)
        let history = ConsentHistory(ConsentPreferences.records(in: grant) + ConsentPreferences.records(in: empty))
        #expect(history.granted("marketing", at: Date(timeIntervalSince1970: 4)) == nil)
        #expect(history.granted("marketing", at: Date(timeIntervalSince1970: 5)) == true)
        #expect(history.granted("marketing", at: Date(timeIntervalSince1970: 9)) == true)
        // The empty object also denies a category never named before.
        #expect(history.granted("advertising", at: Date(timeIntervalSince1970: 10)) == false)
        #expect(history.granted("analytics", at: Date(timeIntervalSince1970: 11)) == false)
    }

    @Test("Records carry source, event time and policy version, for the user id and the anonymous id")
    func recordFields() {
        let e = Self.event(
            "m1", ["consent": ["categoryPreferences": ["marketing": false, "bogus": "yes"], "policyVersion": "2026-01"]],
            at: 100, anon: "a1", name: ConsentPreferences.updatedEventName)
        let records = ConsentPreferences.records(in: e)
        #expect(records.count == 2)
        #expect(Set(records.map(\.identifier)) == [Identifier(kind: "user_id", value: "u1"), Identifier(kind: "anonymous_id", value: "a1")])
        #expect(records.allSatisfy { $0.source == "event:Segment Consent Preference Updated" && $0.policyVersion == "2026-01" && !$0.granted && $0.at == Date(timeIntervalSince1970: 100) })
    }

    @Test("Merged identities: most restrictive wins at each instant")
    func mostRestrictive() {
        let u = ConsentPreferences.records(in: Self.event("1", ["consent": ["categoryPreferences": ["marketing": true]]], at: 0))
        let a = ConsentPreferences.records(in: Self.event("2", ["consent": ["categoryPreferences": ["marketing": false]]], at: 50,
                                                           user: "", anon: "anon"))
        let a2 = ConsentPreferences.records(in: Self.event("3", ["consent": ["categoryPreferences": ["marketing": true]]], at: 80,
                                                            user: "", anon: "anon"))
        let h = ConsentHistory(u + a + a2)
        #expect(h.granted("marketing", at: Date(timeIntervalSince1970: 10)) == true)
        #expect(h.granted("marketing", at: Date(timeIntervalSince1970: 60)) == false)
        #expect(h.denied(["marketing", "analytics"], at: Date(timeIntervalSince1970: 60)) == ["marketing"])
        #expect(h.granted("marketing", at: Date(timeIntervalSince1970: 90)) == true)
    }
}
