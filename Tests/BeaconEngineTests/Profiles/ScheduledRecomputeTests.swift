import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// A clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date

    init(_ start: Date) { value = start }

    var now: Date { lock.withLock { value } }

    func advance(days: Double) { lock.withLock { value = value.addingTimeInterval(days * 86_400) } }
}

@Suite("Scheduled recompute")
struct ScheduledRecomputeTests {
    /// A store, a workspace, an engine on a manual clock, and a segment of customers who
    /// ordered in the last 30 days.
    func setUp(_ backend: ProfileBackend) async throws -> (
        ProfileFixture, ProfileEngine, ManualClock, SegmentRecomputeScheduler
    ) {
        var f = try await ProfileFixture.make(backend)
        let clock = ManualClock(ProfileFixture.now)
        let engine = ProfileEngine(stores: f.store, clock: { clock.now })
        // u1 ordered 20 days ago, u2 5 days ago: both recent buyers now.
        _ = try await f.store.events.append([
            EventBatch(
                workspaceId: f.workspace.id,
                events: [
                    f.event(.track, user: "u1", name: "Order Completed", daysAgo: 20, properties: ["revenue": 40]),
                    f.event(.track, user: "u2", name: "Order Completed", daysAgo: 5, properties: ["revenue": 60]),
                ])
        ])
        try await engine.catchUp(workspaceId: f.workspace.id)
        _ = try await engine.saveSegment(
            workspaceId: f.workspace.id, name: "Recent buyers",
            rule: ["event": ["name": "Order Completed", "within_days": 30]])
        // Only this test's workspace: the PostgreSQL store is shared with tests running
        // beside this one, whose workspaces their own engines are folding.
        let mine = f.workspace
        let scheduler = SegmentRecomputeScheduler(engine: engine, listWorkspaces: { [mine] })
        return (f, engine, clock, scheduler)
    }

    @Test(
        "a member whose order ages out of the window as of the workspace's last event exits on the next scheduled run",
        arguments: ProfileBackend.available)
    func agesOut(_ backend: ProfileBackend) async throws {
        let (fixture, engine, clock, scheduler) = try await setUp(backend)
        var f = fixture
        let ws = f.workspace.id
        // Time is the workspace's: rules move on when a later event arrives, not with the wall clock.
        let later = EventBatch(
            workspaceId: ws, events: [f.event(.track, user: "u9", name: "Product Viewed", daysAgo: -15)])
        let events = f.store.events
        let u1 = try #require(try await f.profile("u1")).id, u2 = try #require(try await f.profile("u2")).id
        #expect(try await engine.members(workspaceId: ws, segmentId: "recent-buyers") == [u1, u2])

        // The schedule: the first run at start (nothing to change), then after each interval
        // the clock has moved 15 days (u1's order is now 35 days old), then the test stops it.
        let sleeps = SleepCounter()
        let store = f.profileStore
        await scheduler.run(
            every: .seconds(3_600),
            sleep: { _ in
                guard sleeps.next() == 1 else { throw CancellationError() }
                sleeps.snapshot = try await store.allSegmentMembers(workspaceId: ws)
                clock.advance(days: 15)
                _ = try await events.append([later])
            })
        let run = try #require(await scheduler.lastRun)
        #expect(await scheduler.runCount == 2)
        #expect(await scheduler.interval == .seconds(3_600))
        #expect(run.startedAt == ProfileFixture.now.addingTimeInterval(15 * 86_400))
        #expect(run.failures.isEmpty)
        // The counts are the difference between the members before and after the run.
        let mine = try #require(run.workspaces.first { $0.workspaceId == ws })
        let before = sleeps.snapshot, after = try await f.profileStore.allSegmentMembers(workspaceId: ws)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] ?? [] != after[$0] ?? [] }
        #expect(changed.contains("recent-buyers"))
        #expect(mine.segmentsChanged == changed.count)
        #expect(mine.exited == changed.reduce(0) { $0 + (before[$1] ?? []).subtracting(after[$1] ?? []).count })
        #expect(mine.entered == changed.reduce(0) { $0 + (after[$1] ?? []).subtracting(before[$1] ?? []).count })
        #expect(try await engine.members(workspaceId: ws, segmentId: "recent-buyers") == [u2])
        #expect(try await f.profileStore.allSegmentMembers(workspaceId: ws)["recent-buyers"] == [u2])
        let changes = try await f.profileStore.membershipChanges(
            workspaceId: ws, segmentId: "recent-buyers", after: nil, limit: 10)
        #expect(changes.map(\.kind) == [.entered, .entered, .exited])
        #expect(changes.last?.profileId == u1)
        #expect(changes.last?.at == clock.now)
        // The result equals evaluating the rule afresh at the new time.
        let fresh = try await engine.preview(
            workspaceId: ws, rule: ["event": ["name": "Order Completed", "within_days": 30]], sample: 10)
        #expect(Set(fresh.sample.map(\.id)) == [u2])
        // Sizes over time were recorded by each run.
        #expect(
            try await f.profileStore.segmentSizes(workspaceId: ws, segmentId: "recent-buyers").map(\.size).suffix(2)
                == [2, 1])
    }

    @Test("a run folds events not yet projected; a second run without time passing changes nothing")
    func idempotent() async throws {
        var (f, engine, _, scheduler) = try await setUp(.sqlite)
        // Appended without the live projection (as an import or the demo does).
        _ = try await f.store.events.append([EventBatch(workspaceId: f.workspace.id, events: [
            f.event(.track, user: "u3", name: "Order Completed", daysAgo: 3, properties: ["revenue": 10]),
        ])])
        let first = try await scheduler.runWorkspace(f.workspace.id)
        #expect(first.result.predictions.customers == 3)
        let u3 = try #require(try await f.profile("u3"))
        #expect(try await engine.members(workspaceId: f.workspace.id, segmentId: "recent-buyers").contains(u3.id))
        #expect(!first.scheduled)
        let second = try await scheduler.runWorkspace(f.workspace.id)
        #expect(second.result.segmentsChanged == 0)
        #expect(second.result.entered == 0 && second.result.exited == 0)
        #expect(try await f.profile("u1")?.predictions?.refreshedAt == ProfileFixture.now)
        #expect(await scheduler.lastByWorkspace[f.workspace.id] == second)
    }
}

/// Counts calls across the sleep closure.
final class SleepCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var members: [String: Set<String>] = [:]

    /// Memberships saved between runs.
    var snapshot: [String: Set<String>] {
        get { lock.withLock { members } }
        set { lock.withLock { members = newValue } }
    }

    func next() -> Int {
        lock.withLock {
            count += 1; return count
        }
    }
}
