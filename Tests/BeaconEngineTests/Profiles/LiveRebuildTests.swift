import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// Wraps a store so that events arrive while someone reads the log: on the `trigger`-th page
/// read, `onRead` runs first (appending events, as ingest would during a rebuild), and every
/// read can be slowed down.
final class ArrivingStore: EventStore, @unchecked Sendable {
    let base: any EventStore
    let delay: Duration
    private let lock = NSLock()
    private var reads = 0
    private var trigger = Int.max
    private var onRead: (@Sendable () async throws -> Void)?

    init(base: any EventStore, delay: Duration = .zero) {
        self.base = base
        self.delay = delay
    }

    /// Runs `body` before the `n`-th page read from now.
    func arm(afterReads n: Int, _ body: @escaping @Sendable () async throws -> Void) {
        lock.withLock {
            trigger = reads + n
            onRead = body
        }
    }

    func events(in workspaceId: String, from: Date?, to: Date?, after: Int64?, limit: Int) async throws -> [StoredEvent]
    {
        let hook: (@Sendable () async throws -> Void)? = lock.withLock {
            reads += 1
            guard reads == trigger else { return nil }
            defer { onRead = nil }
            return onRead
        }
        try await hook?()
        if delay > .zero { try await Task.sleep(for: delay) }
        return try await base.events(in: workspaceId, from: from, to: to, after: after, limit: limit)
    }

    func append(_ batches: [EventBatch]) async throws -> [AppendResult] { try await base.append(batches) }
    func eventCount(in workspaceId: String) async throws -> Int { try await base.eventCount(in: workspaceId) }
    func containsEvent(workspaceId: String, messageId: String) async throws -> Bool {
        try await base.containsEvent(workspaceId: workspaceId, messageId: messageId)
    }
}

@Suite("Rebuild while running")
struct LiveRebuildTests {
    /// A stream with merges, aliases, orders and a shared device.
    static func stream(_ f: inout ProfileFixture, count: Int, offset: Int) -> [Event] {
        (0..<count).map { i in
            let n = i + offset, user = "u\(n % 7)", anon = "a\(n % 11)", days = Double(90 - n)
            switch n % 5 {
            case 0:
                return f.event(
                    .identify, user: user, anon: anon, daysAgo: days,
                    traits: ["email": .string("p\(n % 5)@x.io"), "n": .number(Double(n))])
            case 1:
                return f.event(
                    .track, anon: anon, name: "Order Completed", daysAgo: days,
                    properties: ["revenue": .number(Double(20 * n))])
            case 2: return f.event(.alias, user: user, previous: "u\((n + 2) % 7)", daysAgo: days)
            case 3:
                return f.event(
                    .track, user: user, name: "Order Completed", daysAgo: days,
                    properties: ["revenue": .number(Double(n))])
            default: return f.event(.page, anon: "late-\(anon)", daysAgo: days)
            }
        }
    }

    /// Everything a rebuild produces, comparable.
    struct Snapshot: Equatable {
        var profiles: [Profile]
        var merges: [IdentityMerge]
        var members: [String: Set<String>]
        var checkpoint: Int64
    }

    func snapshot(_ f: ProfileFixture) async throws -> Snapshot {
        Snapshot(
            profiles: try await f.allProfiles(),
            merges: try await f.profileStore.identityMerges(workspaceId: f.workspace.id, profileId: nil, limit: 10_000),
            members: try await f.profileStore.allSegmentMembers(workspaceId: f.workspace.id),
            checkpoint: try await f.profileStore.profileCheckpoint(workspaceId: f.workspace.id).lastSeq)
    }

    @Test(
        "events that arrive during a rebuild are folded; the result equals an offline rebuild",
        arguments: ProfileBackend.available)
    func arrivalsDuringRebuild(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend, pageSize: 4)
        let arriving = ArrivingStore(base: f.store.events)
        let engine = ProfileEngine(stores: f.stores(events: arriving), pageSize: 4, clock: { ProfileFixture.now })
        _ = try await f.store.events.append([
            EventBatch(workspaceId: f.workspace.id, events: Self.stream(&f, count: 30, offset: 0))
        ])
        try await engine.catchUp(workspaceId: f.workspace.id)
        _ = try await engine.saveSegment(workspaceId: f.workspace.id, name: "Buyers", rule: ["order_count": ["gte": 2]])
        try await engine.setIdentityRules(workspaceId: f.workspace.id, rules: IdentityRules(kindLimits: ["user_id": 2]))

        // Ingest goes on while the rebuild reads its second page: new events are committed and
        // the live projection is asked to catch up, as the group committer's onCommit does.
        let late = Self.stream(&f, count: 9, offset: 30)
        let (store, ws) = (f.store, f.workspace.id)
        arriving.arm(afterReads: 2) {
            _ = try await store.events.append([EventBatch(workspaceId: ws, events: late)])
            engine.schedule([ws])
        }
        let report = try await engine.rebuild(workspaceId: ws)
        try await engine.catchUp(workspaceId: ws)
        #expect(report.events == 39)
        let status = try #require(await engine.rebuildStatus(workspaceId: ws))
        #expect(status.state == .finished && status.phase == .done)
        #expect(status.eventsAtStart == 30)
        #expect(status.eventsFolded == 39)
        #expect(status.report == report)
        let live = try await snapshot(f)
        #expect(try await f.profile("late-a\(34 % 11)") != nil)  // an arrival made it into the profiles
        #expect(live.checkpoint == (try await f.store.events.events(in: ws, after: nil, limit: 100).last?.sequence))

        // Offline, from scratch, with a fresh engine: the same result.
        let offline = ProfileEngine(stores: f.store, pageSize: 7, clock: { ProfileFixture.now })
        let again = try await offline.rebuild(workspaceId: ws)
        #expect(again.events == 39)
        #expect(again.entered == 0 && again.exited == 0)
        #expect(try await snapshot(f) == live)
        // And the rules in force are a single version from the start.
        #expect(try await f.store.identityRules.identityRules(workspaceId: ws).map(\.afterSeq) == [0])
    }

    @Test("a second rebuild of the same workspace is refused while one runs; progress is reported")
    func oneAtATime() async throws {
        var f = try await ProfileFixture.make(.sqlite)
        let slow = ArrivingStore(base: f.store.events, delay: .milliseconds(30))
        let engine = ProfileEngine(stores: f.stores(events: slow), pageSize: 3, clock: { ProfileFixture.now })
        _ = try await f.store.events.append([
            EventBatch(workspaceId: f.workspace.id, events: Self.stream(&f, count: 30, offset: 0))
        ])
        let started = try await engine.startRebuild(workspaceId: f.workspace.id)
        #expect(started.state == .running)
        #expect(started.eventsAtStart == 30)
        await #expect(throws: RebuildError.alreadyRunning) {
            _ = try await engine.startRebuild(workspaceId: f.workspace.id)
        }
        await #expect(throws: RebuildError.alreadyRunning) { _ = try await engine.rebuild(workspaceId: f.workspace.id) }
        var status = started
        for _ in 0..<400 where status.state == .running {
            try await Task.sleep(for: .milliseconds(10))
            status = try #require(await engine.rebuildStatus(workspaceId: f.workspace.id))
            #expect(status.progress >= 0 && status.progress <= 1)
        }
        #expect(status.state == .finished)
        #expect(status.progress == 1)
        #expect(status.report?.events == 30)
        // Finished: another may start.
        _ = try await engine.rebuild(workspaceId: f.workspace.id)
    }
}
