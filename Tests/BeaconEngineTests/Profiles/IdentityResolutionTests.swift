import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Identity resolution")
struct IdentityResolutionTests {
    @Test("anonymous → known → second device becomes one profile, with the merge recorded", arguments: ProfileBackend.available)
    func chain(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        // Device 1 browses anonymously, then signs up.
        try await f.send([
            f.event(.page, anon: "a1", daysAgo: 30),
            f.event(.identify, user: "u1", anon: "a1", daysAgo: 29, traits: ["email": "Ada@Example.COM ", "plan": "free"]),
        ])
        // Device 2 browses anonymously (a separate profile for now)…
        try await f.send([f.event(.track, anon: "a2", name: "Product Viewed", daysAgo: 5)])
        #expect(try await f.allProfiles().count == 2)
        // …then logs in: the two profiles merge into the older one.
        try await f.send([f.event(.identify, user: "u1", anon: "a2", daysAgo: 4, traits: ["plan": "pro"])])
        let profiles = try await f.allProfiles()
        #expect(profiles.count == 1)
        let p = try #require(profiles.first)
        #expect(Set(p.identifiers) == [
            Identifier(kind: "user_id", value: "u1"), Identifier(kind: "anonymous_id", value: "a1"),
            Identifier(kind: "anonymous_id", value: "a2"), Identifier(kind: "email", value: "ada@example.com"),
        ])
        #expect(p.traits["plan"]?.value == .string("pro")) // latest wins
        #expect(p.eventCount == 4)
        #expect(try await f.profile("a2")?.id == p.id)
        let merges = try await f.profileStore.identityMerges(workspaceId: f.workspace.id, profileId: p.id, limit: 10)
        #expect(merges.count == 1)
        let merge = try #require(merges.first)
        #expect(merge.into == p.id)
        #expect(merge.merged)
        #expect(merge.eventType == "identify")
        #expect(merges.first?.identifier == Identifier(kind: "anonymous_id", value: "a2"))
    }

    @Test("alias merges two user ids; a shared device does not", arguments: ProfileBackend.available)
    func aliasAndSharedDevice(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        try await f.send([
            f.event(.identify, user: "old-id", daysAgo: 20, traits: ["email": "x@shop.com"]),
            f.event(.identify, user: "new-id", daysAgo: 19),
        ])
        #expect(try await f.allProfiles().count == 2)
        try await f.send([f.event(.alias, user: "new-id", previous: "old-id", daysAgo: 18)])
        #expect(try await f.allProfiles().count == 1)
        #expect(try await f.profile("old-id")?.identifiers(Identifier.userId).sorted() == ["new-id", "old-id"])

        // Two people log in on one tablet: the anonymous id stays with the first, the second
        // person gets a profile of their own, and the refusal is logged.
        try await f.send([
            f.event(.identify, user: "mum", anon: "tablet", daysAgo: 5),
            f.event(.identify, user: "son", anon: "tablet", daysAgo: 4),
        ])
        let mum = try #require(try await f.profile("mum")), son = try #require(try await f.profile("son"))
        #expect(mum.id != son.id)
        #expect(try await f.profile("tablet")?.id == mum.id)
        let merges = try await f.profileStore.identityMerges(workspaceId: f.workspace.id, profileId: son.id, limit: 10)
        let refused = merges.filter { (m: IdentityMerge) -> Bool in !m.merged && (m.refusal ?? "").contains("user ids") }
        #expect(refused.count == 1)
    }

    @Test("junk values never join people", arguments: ProfileBackend.available)
    func junkValues(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        try await f.send([
            f.event(.identify, user: "u1", traits: ["email": "test@test.com", "phone": "undefined"]),
            f.event(.identify, user: "u2", traits: ["email": "TEST@test.com"]),
            f.event(.identify, user: "null", anon: "a9"),
            f.event(.identify, user: "u3", traits: ["phone": "+44 20 7946 0958"]),
            f.event(.identify, user: "u4", traits: ["phone": "0044-20-7946-0958"]),
        ])
        let profiles = try await f.allProfiles()
        // u1, u2 separate; "null" is dropped so a9 is its own; u3 and u4 share a phone but
        // both have user ids, so they stay apart.
        #expect(profiles.count == 5)
        #expect(try await f.profile("test@test.com") == nil)
        #expect(try await f.profile("null") == nil)
        #expect(try await f.profile("+442079460958")?.identifier(Identifier.userId) == "u3")
    }

    @Test("email and external ids join an anonymous visitor to a known customer", arguments: ProfileBackend.available)
    func emailAndExternalIds(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        let shopify: [String: JSONValue] = ["externalIds": .array([.object(["id": "shop-77", "type": "shopify_customer_id"])])]
        try await f.send([
            f.event(.identify, user: "u1", traits: ["email": "eve@example.com"]),
            f.event(.identify, anon: "newsletter-9", traits: ["email": "EVE@example.com"]),
            f.event(.track, anon: "pos-1", name: "Order Completed", properties: ["revenue": 40], context: shopify),
            f.event(.identify, anon: "newsletter-9", context: shopify),
        ])
        let profiles = try await f.allProfiles()
        #expect(profiles.count == 1)
        #expect(profiles.first?.orders.count == 1)
        #expect(try await f.profile("shop-77")?.identifier(Identifier.userId) == "u1")
    }

    @Test("computed traits from orders, refunds, email engagement and tickets", arguments: ProfileBackend.available)
    func computedTraits(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        try await f.send([
            f.event(.track, user: "u1", name: "Order Completed", daysAgo: 100, properties: ["revenue": 120]),
            f.event(.track, user: "u1", name: "Order Completed", daysAgo: 40, properties: ["total": 80]),
            f.event(.track, user: "u1", name: "Order Completed", daysAgo: 20.5, properties: ["revenue": "40.5"]),
            f.event(.track, user: "u1", name: "Order Refunded", daysAgo: 19, properties: ["revenue": -30]),
            f.event(.track, user: "u1", name: "Email Opened", daysAgo: 200),
            f.event(.track, user: "u1", name: "Email Opened", daysAgo: 10),
            f.event(.track, user: "u1", name: "Email Link Clicked", daysAgo: 9),
            f.event(.track, user: "u1", name: "Ticket Created", daysAgo: 3),
        ])
        let p = try #require(try await f.profile("u1"))
        let t = p.computedTraits(asOf: ProfileFixture.now)
        #expect(t["order_count"] == .number(3))
        let ltv: Double = 120 + 80 + 40.5 - 30
        let aov: Double = (120 + 80 + 40.5) / 3
        #expect(t["lifetime_value"] == .number(ltv))
        #expect(t["average_order_value"] == .number(aov))
        #expect(t["days_since_last_order"] == .number(20)) // 20.5 days minus a few seconds, floored
        #expect(t["email_engagement_score"] == .number(30)) // one open and one click in 90 days
        #expect(t["support_ticket_count"] == .number(1))
        #expect(t["first_order_at"] == .string(Timestamp.format(p.orders.firstAt!)))
    }

    @Test("rebuild from the log gives the same profiles, identifiers and merges", arguments: ProfileBackend.available)
    func rebuildEquality(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend, pageSize: 7)
        var events: [Event] = []
        for n in 0..<40 {
            let user = "u\(n % 9)", anon = "a\(n % 13)"
            switch n % 4 {
            case 0: events.append(f.event(.identify, user: user, anon: anon, daysAgo: Double(60 - n), traits: ["email": .string("p\(n % 7)@x.io")]))
            case 1: events.append(f.event(.track, anon: anon, name: "Order Completed", daysAgo: Double(60 - n), properties: ["revenue": .number(Double(n))]))
            case 2: events.append(f.event(.alias, user: user, previous: "u\((n + 3) % 9)", daysAgo: Double(60 - n)))
            default: events.append(f.event(.page, anon: anon, daysAgo: Double(60 - n)))
            }
        }
        for chunk in stride(from: 0, to: events.count, by: 6) {
            try await f.send(Array(events[chunk..<min(chunk + 6, events.count)]))
        }
        _ = try await f.engine.saveSegment(workspaceId: f.workspace.id, name: "Buyers", rule: ["order_count": ["gte": 1]])
        let before = try await f.allProfiles()
        let mergesBefore = try await f.profileStore.identityMerges(workspaceId: f.workspace.id, profileId: nil, limit: 1000)
        let membersBefore = try await f.profileStore.allSegmentMembers(workspaceId: f.workspace.id)
        let report = try await f.engine.rebuild(workspaceId: f.workspace.id)
        #expect(report.events == 40)
        #expect(report.entered == 0)
        #expect(report.exited == 0)
        #expect(try await f.allProfiles() == before)
        #expect(try await f.profileStore.identityMerges(workspaceId: f.workspace.id, profileId: nil, limit: 1000) == mergesBefore)
        #expect(try await f.profileStore.allSegmentMembers(workspaceId: f.workspace.id) == membersBefore)
        // A fresh engine reloading from the checkpoint agrees as well.
        let fresh = ProfileEngine(stores: f.store, clock: { ProfileFixture.now })
        let preview = try await fresh.preview(workspaceId: f.workspace.id, rule: ["order_count": ["gte": 1]])
        let buyers: Int? = membersBefore["buyers"]?.count
        #expect(preview.count == buyers)
    }
}
