import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// Two engines on one database (two servers sharing a PostgreSQL, or a server and a command)
/// folding the same workspace: the profile commit is a compare-and-swap on the checkpoint
/// (`ProfileChangeSet.foldedFrom`), so each event is folded once whoever gets there first.
@Suite("Two engines on one store")
struct TwoEnginesTests {
    /// A workspace with a segment ("plan is pro"), a second engine holding its state, and 30
    /// people's events appended after both engines loaded it: each person a known user, an
    /// anonymous visitor, then the visit linked to the user (one merge of two profiles each).
    /// - Returns: the fixture, the segment, the second engine and the last event's position.
    func twoEngines(_ backend: ProfileBackend) async throws -> (ProfileFixture, SegmentDefinition, ProfileEngine, Int64?) {
        var f = try await ProfileFixture.make(backend, pageSize: 7)
        let ws = f.workspace.id
        let segment = try await f.engine.saveSegment(workspaceId: ws, name: "Pro", rule: ["plan": "pro"]).segment
        let other = ProfileEngine(stores: f.store, pageSize: 7, clock: { ProfileFixture.now })
        try await other.catchUp(workspaceId: ws)
        var events: [Event] = []
        for i in 0..<30 {
            events.append(f.event(.identify, user: "u-\(i)", traits: ["plan": .string("pro")]))
            events.append(f.event(.track, anon: "a-\(i)", name: "Viewed"))
            events.append(f.event(.identify, user: "u-\(i)", anon: "a-\(i)"))
        }
        _ = try await f.store.events.append([EventBatch(workspaceId: ws, events: events)])
        let last = try await f.store.events.events(in: ws, after: nil, limit: 1_000).last?.sequence
        return (f, segment, other, last)
    }

    @Test("Both engines catch up; every merge and segment entry is recorded once", arguments: ProfileBackend.available)
    func foldedOnce(backend: ProfileBackend) async throws {
        let (f, segment, other, _) = try await twoEngines(backend)
        let ws = f.workspace.id
        let first = f.engine
        async let a = first.catchUp(workspaceId: ws)
        async let b = other.catchUp(workspaceId: ws)
        _ = try await (a, b)

        let checkpoint = try await f.profileStore.profileCheckpoint(workspaceId: ws)
        #expect(checkpoint.mergeCount == 30)
        let entered = try await f.profileStore.membershipChanges(
            workspaceId: ws, segmentId: segment.id, after: nil, limit: 1_000)
        #expect(entered.count == 30)
        #expect(Set(entered.map(\.profileId)).count == 30)
        #expect(try await f.allProfiles().count == 30)
    }

    @Test("A segment recompute on a stale engine does not move the checkpoint back", arguments: ProfileBackend.available)
    func staleRecompute(backend: ProfileBackend) async throws {
        let (f, segment, other, last) = try await twoEngines(backend)
        let ws = f.workspace.id
        // `other` still holds the state from before the events when it recomputes: its change
        // set is folded from a checkpoint the first engine has moved on.
        let first = f.engine
        try await first.catchUp(workspaceId: ws)
        try await other.recomputeSegments(workspaceId: ws)
        // Whatever either engine does next folds nothing again.
        try await other.catchUp(workspaceId: ws)
        try await first.catchUp(workspaceId: ws)

        let checkpoint = try await f.profileStore.profileCheckpoint(workspaceId: ws)
        #expect(checkpoint.lastSeq == last)
        #expect(checkpoint.mergeCount == 30)
        let entered = try await f.profileStore.membershipChanges(
            workspaceId: ws, segmentId: segment.id, after: nil, limit: 1_000)
        #expect(entered.filter { $0.kind == .entered }.count == 30)
        #expect(entered.filter { $0.kind == .exited }.isEmpty)
        #expect(try await other.members(workspaceId: ws, segmentId: segment.id).count == 30)
    }
}
