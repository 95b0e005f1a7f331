import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Per-workspace identity rules")
struct IdentityRulesTests {
    /// The people of a workspace as sets of identifiers (profile ids differ between runs).
    func people(_ f: ProfileFixture, _ workspace: Workspace? = nil) async throws -> Set<Set<Identifier>> {
        let ps = try await f.profileStore.listProfiles(
            workspaceId: (workspace ?? f.workspace).id, after: nil, limit: 10_000)
        return Set(ps.map { Set($0.identifiers) })
    }

    @Test("the JSON form validates and names the bad field")
    func parsing() throws {
        let rules = try IdentityRules.parse([
            "mergeOn": ["user_id", "anonymous_id", "external:shopify_customer_id"],
            "limits": ["user_id": 1, "email": 2],
            "maxIdentifiers": 50, "blockedValues": [" Shared@Shop.com "], "defaultCallingCode": "44",
        ])
        #expect(rules.mayMerge("external:shopify_customer_id"))
        #expect(!rules.mayMerge("email"))
        #expect(!rules.mayMerge("external:klaviyo_id"))
        #expect(rules.limit("email") == 2)
        #expect(!rules.allows("shared@shop.com"))
        #expect(!rules.allows("undefined"))  // built-in list still applies
        #expect(try IdentityRules.parse(rules.json) == rules)
        #expect(try IdentityRules.parse([:]) == IdentityRules())
        let bad: [(JSONValue, String)] = [
            (["mergeOn": ["user_id", "fax"]], "mergeOn[1]"),
            (["mergeOn": "email"], "mergeOn"),
            (["limits": ["email": 0]], "limits.email"),
            (["limits": ["email": 1.5]], "limits.email"),
            (["limits": ["shoe_size": 1]], "limits.shoe_size"),
            (["maxIdentifiers": "many"], "maxIdentifiers"),
            (["blockedValues": ["ok", ""]], "blockedValues[1]"),
            (["defaultCallingCode": "+44"], "defaultCallingCode"),
            (["mergeOnn": []], "mergeOnn"),
            ([1, 2], "(body)"),
        ]
        for (json, field) in bad {
            #expect(throws: IdentityRulesError.self) { try IdentityRules.parse(json) }
            do { _ = try IdentityRules.parse(json) } catch let e as IdentityRulesError {
                #expect(e.field == field, "\(json)")
            }
        }
    }

    @Test(
        "rules are per workspace: kinds that may not merge, per-kind limits, extra blocked values",
        arguments: ProfileBackend.available)
    func perWorkspace(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        let other = try await f.store.workspaces.createWorkspace(name: "o-\(UUID().uuidString.prefix(8).lowercased())")
        try await f.engine.setIdentityRules(
            workspaceId: f.workspace.id,
            rules: IdentityRules(
                extraBlockedValues: ["family@home.net"], mergeKinds: [Identifier.userId, Identifier.anonymousId],
                kindLimits: ["user_id": 1, "phone": 1]))
        let events = [
            // Two visitors leave the same email: merged by default, not when email may not merge.
            f.event(.identify, anon: "a1", daysAgo: 9, traits: ["email": "eve@example.com"]),
            f.event(.identify, anon: "a2", daysAgo: 8, traits: ["email": "eve@example.com"]),
            // A workspace-specific junk value.
            f.event(.identify, user: "u1", daysAgo: 7, traits: ["email": "family@home.net"]),
            f.event(.identify, user: "u2", daysAgo: 6, traits: ["email": "family@home.net"]),
            // Two phones for one user: the second is over the phone limit.
            f.event(.identify, user: "u3", daysAgo: 5, traits: ["phone": "+441234567890"]),
            f.event(.identify, user: "u3", daysAgo: 4, traits: ["phone": "+449876543210"]),
        ]
        try await f.send(events)
        try await f.send(events, workspace: other)

        // Here: a1 and a2 stay apart; the email stays with a1's profile.
        let a1 = try #require(try await f.profile("a1")), a2 = try #require(try await f.profile("a2"))
        #expect(a1.id != a2.id)
        #expect(try await f.profile("eve@example.com")?.id == a1.id)
        #expect(try await f.profile("family@home.net") == nil)
        #expect(try await f.profile("u3")?.identifiers(Identifier.phone) == ["+441234567890"])
        let refused = try await f.profileStore.identityMerges(workspaceId: f.workspace.id, profileId: nil, limit: 100)
            .filter { !$0.merged }
        #expect(refused.map(\.rule) == ["mergeOn"])
        #expect(refused.first?.identifier == Identifier(kind: "email", value: "eve@example.com"))
        #expect(refused.first?.from == a2.id || refused.first?.into == a2.id)

        // The other workspace keeps the defaults.
        let otherPeople = try await people(f, other)
        #expect(
            otherPeople.contains([
                Identifier(kind: "anonymous_id", value: "a1"), Identifier(kind: "anonymous_id", value: "a2"),
                Identifier(kind: "email", value: "eve@example.com"),
            ]))
        #expect(
            otherPeople.contains([
                Identifier(kind: "user_id", value: "u3"), Identifier(kind: "phone", value: "+441234567890"),
                Identifier(kind: "phone", value: "+449876543210"),
            ]))
        #expect(otherPeople.contains { $0.contains(Identifier(kind: "email", value: "family@home.net")) })
        #expect(try await f.engine.identityRules(workspaceId: other.id).version == nil)
    }

    @Test("a merge over a per-kind limit is refused and names the rule", arguments: ProfileBackend.available)
    func kindLimitOnMerge(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend, rules: IdentityRules(kindLimits: ["email": 1]))
        try await f.send([
            f.event(.identify, user: "u1", anon: "a1", daysAgo: 9, traits: ["email": "one@example.com"]),
            f.event(.identify, anon: "a2", daysAgo: 8, traits: ["email": "two@example.com"]),
            f.event(
                .track, anon: "a2", name: "Product Viewed", daysAgo: 7,
                context: ["traits": ["email": "one@example.com"]]),
        ])
        #expect(try await f.allProfiles().count == 2)
        let merges = try await f.profileStore.identityMerges(workspaceId: f.workspace.id, profileId: nil, limit: 10)
        #expect(merges.count == 1)
        #expect(merges.first?.merged == false)
        #expect(merges.first?.rule == "limits.email")
        #expect(merges.first?.refusal == "the merged profile would have 2 email identifiers (limit 1)")
    }

    @Test(
        "rules changed mid-stream: a reload replays each event under its rules; rebuild applies the latest to all",
        arguments: ProfileBackend.available)
    func changeThenRebuild(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend, pageSize: 3)
        let strict = IdentityRules(mergeKinds: [Identifier.userId, Identifier.anonymousId])
        // Under the defaults the shared email merges a1 and a2.
        try await f.send([
            f.event(.identify, anon: "a1", daysAgo: 9, traits: ["email": "x@example.com"]),
            f.event(.identify, anon: "a2", daysAgo: 8, traits: ["email": "x@example.com"]),
        ])
        let version = try await f.engine.setIdentityRules(workspaceId: f.workspace.id, rules: strict)
        let checkpoint = try await f.profileStore.profileCheckpoint(workspaceId: f.workspace.id)
        #expect(version.afterSeq == checkpoint.lastSeq)
        // Under the new rules the shared email no longer merges a3 and a4.
        try await f.send([
            f.event(.identify, anon: "a3", daysAgo: 7, traits: ["email": "y@example.com"]),
            f.event(.identify, anon: "a4", daysAgo: 6, traits: ["email": "y@example.com"]),
        ])
        let live = try await people(f)
        #expect(live.count == 3)
        #expect(
            live.contains([
                Identifier(kind: "anonymous_id", value: "a1"), Identifier(kind: "anonymous_id", value: "a2"),
                Identifier(kind: "email", value: "x@example.com"),
            ]))
        // A fresh engine (defaults in its constructor) replays each event under its rules: 3
        // profiles (under the defaults throughout, a3 and a4 would merge into 2).
        let fresh = ProfileEngine(stores: f.store, pageSize: 2, clock: { ProfileFixture.now })
        #expect(
            try await fresh.preview(workspaceId: f.workspace.id, rule: ["event_count": ["gte": 1]], sample: 100).count
                == 3)
        // Rebuild: the strict rules now hold from the start, so a1 and a2 are apart too.
        let report = try await f.engine.rebuild(workspaceId: f.workspace.id)
        #expect(report.profiles == 4)
        let rebuilt = try await people(f)
        #expect(rebuilt.count == 4)
        #expect(
            !rebuilt.contains {
                $0.contains(Identifier(kind: "anonymous_id", value: "a1"))
                    && $0.contains(Identifier(kind: "anonymous_id", value: "a2"))
            })
        let versions = try await f.store.identityRules.identityRules(workspaceId: f.workspace.id)
        #expect(versions.map(\.afterSeq) == [0])
        #expect(versions.first?.rules == strict)
        #expect(
            try await f.profileStore.identityMerges(workspaceId: f.workspace.id, profileId: nil, limit: 10).map(\.rule)
                == ["mergeOn", "mergeOn"])
    }

    @Test("Blocked values match whatever white space surrounds them, as Foundation's trimming would")
    func whiteSpace() throws {
        let rules = IdentityRules()
        for padded in ["null", " NULL ", "\tundefined\n", "\u{00A0}Null\u{3000}", "\u{2028}none\u{2029}", "\u{0085}0\r"] {
            let trimmed = padded.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            #expect(rules.allows(padded) == rules.allows(trimmed), "\(padded.debugDescription)")
        }
        #expect(!rules.allows(" null "))
        #expect(!rules.allows("   "))
        #expect(rules.allows(" ada@example.com "))
        #expect(rules.allows("\u{200B}null"), "a zero-width space is not white space: the value is not the blocked one")
    }
}

