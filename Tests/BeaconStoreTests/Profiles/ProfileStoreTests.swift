import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite("Profile store")
struct ProfileStoreTests {
    func profile(_ id: String, seq: Int64, _ identifiers: [Identifier], email: String? = nil, name: String? = nil) -> Profile {
        var p = Profile(id: id, createdSeq: seq, at: Timestamp.parse("2025-01-01T00:00:00Z")!)
        p.identifiers = identifiers.sorted()
        if let email { p.traits["email"] = TraitValue(value: .string(email), at: p.firstSeen, source: "m1", seq: seq) }
        if let name { p.traits["name"] = TraitValue(value: .string(name), at: p.firstSeen, source: "m1", seq: seq) }
        return p
    }

    @Test("change sets: upsert, merge (identifiers move, absorbed profile and its memberships go), search, checkpoint",
          arguments: StoreBackend.available)
    func changeSets(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ps = store.profiles
        let ws = try await store.workspaces.createWorkspace(name: uniqueName())
        let other = try await store.workspaces.createWorkspace(name: uniqueName())
        let a = profile("p-1", seq: 1, [Identifier(kind: "user_id", value: "U1")], email: "Ada@Example.com", name: "Ada Lovelace")
        let b = profile("p-2", seq: 2, [Identifier(kind: "anonymous_id", value: "anon-2")])
        var first = ProfileChangeSet(workspaceId: ws.id, lastSeq: 2, mergeCount: 0)
        first.upserts = [a, b]
        first.entered = [("vip", "p-2")]
        try await ps.apply(first)
        #expect(try await ps.profileCheckpoint(workspaceId: ws.id) == (2, 0))
        #expect(try await ps.profileId(workspaceId: ws.id, identifierValue: "anon-2", kind: nil) == "p-2")
        #expect(try await ps.profile(workspaceId: ws.id, id: "p-1") == a)

        var merged = a
        merged.absorb(b)
        var second = ProfileChangeSet(workspaceId: ws.id, lastSeq: 3, mergeCount: 1)
        second.upserts = [merged]
        second.deletes = ["p-2"]
        second.merges = [IdentityMerge(seq: 3, messageId: "m3", eventType: "identify", at: a.firstSeen, into: "p-1", from: "p-2",
                                       identifier: Identifier(kind: "anonymous_id", value: "anon-2"), merged: true)]
        try await ps.apply(second)
        #expect(try await ps.profileId(workspaceId: ws.id, identifierValue: "anon-2", kind: "anonymous_id") == "p-1")
        #expect(try await ps.profile(workspaceId: ws.id, id: "p-2") == nil)
        #expect(try await ps.allSegmentMembers(workspaceId: ws.id)["vip"] == nil)
        #expect(try await ps.profileCount(workspaceId: ws.id) == 1)
        #expect(try await ps.identityMerges(workspaceId: ws.id, profileId: "p-2", limit: 10).map(\.messageId) == ["m3"])

        // Search: identifier prefix (case as stored), email and name prefixes (any case).
        for q in ["U", "anon-", "ada@", "ADA L", "ada lovelace"] {
            #expect(try await ps.searchProfiles(workspaceId: ws.id, prefix: q, limit: 10).map(\.id) == ["p-1"], "\(q)")
        }
        #expect(try await ps.searchProfiles(workspaceId: ws.id, prefix: "bob", limit: 10).isEmpty)
        #expect(try await ps.searchProfiles(workspaceId: other.id, prefix: "ada", limit: 10).isEmpty)
        #expect(try await ps.profileId(workspaceId: other.id, identifierValue: "U1", kind: nil) == nil)

        try await ps.resetProfiles(workspaceId: ws.id)
        #expect(try await ps.profileCount(workspaceId: ws.id) == 0)
        #expect(try await ps.profileCheckpoint(workspaceId: ws.id) == (0, 0))
        try await store.close()
    }

    @Test("segments, membership changes, sizes and API tokens", arguments: StoreBackend.available)
    func segmentsAndTokens(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ps = store.profiles
        let ws = try await store.workspaces.createWorkspace(name: uniqueName())
        let now = Timestamp.parse("2025-05-01T00:00:00Z")!
        let s = SegmentDefinition(workspaceId: ws.id, id: "vip", name: "VIP", rule: ["lifetime_value": ["gt": 1000]], createdAt: now, updatedAt: now)
        try await ps.saveSegment(s)
        #expect(try await ps.segment(workspaceId: ws.id, id: "vip") == s)
        var c = ProfileChangeSet(workspaceId: ws.id, lastSeq: 0, mergeCount: 0)
        c.changedAt = now
        c.entered = [("vip", "p-1"), ("vip", "p-2"), ("vip", "p-3")]
        try await ps.apply(c)
        var d = ProfileChangeSet(workspaceId: ws.id, lastSeq: 0, mergeCount: 0)
        d.exited = [("vip", "p-2")]
        try await ps.apply(d)
        #expect(try await ps.segmentMembers(workspaceId: ws.id, segmentId: "vip", after: "p-1", limit: 10) == ["p-3"])
        let changes = try await ps.membershipChanges(workspaceId: ws.id, segmentId: "vip", after: nil, limit: 10)
        #expect(changes.map(\.kind) == [.entered, .entered, .entered, .exited])
        #expect(try await ps.membershipChanges(workspaceId: ws.id, segmentId: nil, after: changes[2].sequence, limit: 10).map(\.profileId) == ["p-2"])
        try await ps.recordSegmentSizes(workspaceId: ws.id, at: now, sizes: ["vip": 2])
        #expect(try await ps.segmentSizes(workspaceId: ws.id, segmentId: "vip").map(\.size) == [2])
        #expect(try await ps.deleteSegment(workspaceId: ws.id, id: "vip"))
        #expect(try await !ps.deleteSegment(workspaceId: ws.id, id: "vip"))
        #expect(try await ps.segmentMembers(workspaceId: ws.id, segmentId: "vip", after: nil, limit: 10).isEmpty)

        try await store.workspaces.addAPIToken(hash: "h-\(ws.id)", workspaceId: ws.id, label: "t")
        #expect(try await store.workspaces.workspace(apiTokenHash: "h-\(ws.id)")?.id == ws.id)
        #expect(try await store.workspaces.workspace(apiTokenHash: "nope") == nil)
        try await store.close()
    }
}
