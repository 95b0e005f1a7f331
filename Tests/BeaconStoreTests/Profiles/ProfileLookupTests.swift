import BeaconCore
import BeaconStore
import Foundation
import Testing

/// The reads the projection and the profile API make on every step or request, whose SQL is
/// written to use a specific index (see the store): same answers as the plain query.
@Suite("Profile lookup and log paging")
struct ProfileLookupTests {
    @Test("lookup by value of any kind: the smallest kind wins when two profiles share a value", arguments: StoreBackend.available)
    func anyKindLookup(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ps = store.profiles
        let ws = try await store.workspaces.createWorkspace(name: uniqueName())
        let at = Timestamp.parse("2025-01-01T00:00:00Z")!
        var changes = ProfileChangeSet(workspaceId: ws.id, lastSeq: 3, mergeCount: 0)
        for (n, ids) in [[("user_id", "same"), ("user_id", "u-1")], [("email", "same"), ("anonymous_id", "a-2")],
                         [("phone", "same")]].enumerated() {
            var p = Profile(id: "p-\(n + 1)", createdSeq: Int64(n + 1), at: at)
            p.identifiers = ids.map { Identifier(kind: $0.0, value: $0.1) }.sorted()
            changes.upserts.append(p)
        }
        try await ps.apply(changes)
        #expect(try await ps.profileId(workspaceId: ws.id, identifierValue: "same", kind: nil) == "p-2") // email < phone < user_id
        #expect(try await ps.profileId(workspaceId: ws.id, identifierValue: "same", kind: "user_id") == "p-1")
        #expect(try await ps.profileId(workspaceId: ws.id, identifierValue: "a-2", kind: nil) == "p-2")
        #expect(try await ps.profileId(workspaceId: ws.id, identifierValue: "none", kind: nil) == nil)
        try await store.close()
    }

    @Test("paging the log of one workspace skips the other's interleaved events", arguments: StoreBackend.available)
    func interleavedPaging(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let a = try await store.workspaces.createWorkspace(name: uniqueName("a"))
        let b = try await store.workspaces.createWorkspace(name: uniqueName("b"))
        let t0 = Timestamp.parse("2025-01-01T00:00:00Z")!
        for n in 0..<30 {
            let e = Event(messageId: "m\(n)", type: .track, userId: "u\(n)", event: "E", timestamp: t0 + Double(n), receivedAt: t0)
            _ = try await store.events.append([EventBatch(workspaceId: n % 3 == 0 ? a.id : b.id, events: [e])])
        }
        var after: Int64? = nil
        var read: [String] = []
        while true {
            let page = try await store.events.events(in: a.id, after: after, limit: 4)
            read += page.map(\.event.messageId)
            guard page.count == 4, let last = page.last else { break }
            after = last.sequence
        }
        #expect(read == stride(from: 0, to: 30, by: 3).map { "m\($0)" })
        let ranged = try await store.events.events(in: b.id, from: t0 + 10, to: t0 + 20, after: nil, limit: 100)
        #expect(ranged.map(\.event.messageId) == (10..<20).filter { $0 % 3 != 0 }.map { "m\($0)" })
        try await store.close()
    }
}
