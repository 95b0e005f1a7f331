import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation

/// A clock tests move by hand: the runner, the projection and the service all read it.
final class VirtualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }

    var read: @Sendable () -> Date { { [self] in self.now } }
}

/// A workspace with a webhook destination, a projection, a journey service and a runner, all on
/// one virtual clock.
struct JourneyFixture {
    let stores: Stores
    let engine: ProfileEngine
    let workspace: Workspace
    let clock: VirtualClock
    let service: JourneyService
    let runner: JourneyRunner
    let destination: String
    static let start = Timestamp.parse("2025-03-03T00:00:00Z")!
    static let day: TimeInterval = 86_400

    static func make(_ backend: ProfileBackend, runnerLease: TimeInterval = 60) async throws -> JourneyFixture {
        let stores = try await backend.open()
        let ws = try await stores.workspaces.createWorkspace(name: "j-\(UUID().uuidString.prefix(8).lowercased())")
        let clock = VirtualClock(start)
        let engine = ProfileEngine(stores: stores, clock: clock.read)
        let destination = "dst_\(UUID().uuidString.prefix(8).lowercased())"
        try await stores.activations.createDestination(
            Destination(
                workspaceId: ws.id, id: destination, name: "hook \(destination)", kind: .webhook,
                url: "http://127.0.0.1:9/hook", sealedSecrets: [], createdAt: start))
        let service = JourneyService(
            stores: stores, clock: clock.read, onChange: { id in try? await engine.reloadJourneys(workspaceId: id) })
        return JourneyFixture(
            stores: stores, engine: engine, workspace: ws, clock: clock, service: service,
            runner: runner(stores, engine, ws.id, clock, lease: runnerLease), destination: destination)
    }

    /// A runner of the fixture's workspace (a fresh one stands for a restarted process).
    static func runner(
        _ stores: Stores, _ engine: ProfileEngine, _ workspaceId: String, _ clock: VirtualClock, lease: TimeInterval,
        owner: String = "runner-\(UUID().uuidString.prefix(6))"
    ) -> JourneyRunner {
        // Through a group committer, as the server's runner appends: the runner moves people side
        // by side, and appends racing each other could commit out of sequence order on PostgreSQL.
        let committer = GroupCommitter(store: stores.events)
        return JourneyRunner(
            stores: stores, audience: engine,
            appendEvents: { batch in
                _ = try await committer.append(batch)
                try await engine.catchUp(workspaceId: batch.workspaceId)
            }, owner: owner, lease: lease, workspaceId: workspaceId, clock: clock.read)
    }

    /// Tracks `name` for each user now and folds it into profiles (which leaves the journeys' signals).
    func track(_ users: [String], _ name: String, properties: [String: JSONValue] = [:]) async throws {
        let now = clock.now
        let events = users.map { u in
            Event(
                messageId: "\(name)-\(u)-\(UUID().uuidString.prefix(8))", type: .track, userId: u, event: name,
                timestamp: now, receivedAt: now, properties: .object(properties))
        }
        _ = try await stores.events.append([EventBatch(workspaceId: workspace.id, events: events)])
        try await engine.catchUp(workspaceId: workspace.id)
    }

    /// Moves the clock by `seconds` in steps of `every`, running the runner after each.
    func run(for seconds: TimeInterval, every: TimeInterval) async throws {
        var left = seconds
        while left > 0 {
            clock.advance(min(every, left))
            left -= every
            try await runner.runOnce()
        }
    }

    /// Every message the journeys queued to the destination, oldest first.
    func sends() async throws -> [OutboxMessage] {
        try await stores.outbox.messages(workspaceId: workspace.id, destinationId: destination, state: nil, limit: 1_000_000)
            .reversed()
    }

    /// The user id and the message `name` of each send.
    func receipts() async throws -> [(user: String, name: String)] {
        try await sends().map { m in
            let body = try JSONValue.parse(Data(m.payload.utf8))
            return (body["profile"]?["userId"]?.stringValue ?? "?", body["message"]?["name"]?.stringValue ?? "?")
        }
    }

    /// Checks every funnel row adds up: the people it says wait at a step are the people there.
    func funnelAddsUp(_ journeyId: String) async throws -> Bool {
        let funnel = try await service.funnel(workspaceId: workspace.id, id: journeyId)
        let active = try await stores.journeys.activeCounts(workspaceId: workspace.id, journeyId: journeyId)
        var ok = true
        for row in funnel where row.waiting != (active[row.version]?[row.step] ?? 0) || row.waiting < 0 {
            print("funnel v\(row.version) \(row.step): waiting \(row.waiting), active \(active[row.version]?[row.step] ?? 0)")
            ok = false
        }
        for (version, steps) in active {
            for (step, n) in steps where !funnel.contains(where: { $0.version == version && $0.step == step }) && n > 0 {
                print("no funnel row for v\(version) \(step) with \(n) people")
                ok = false
            }
        }
        return ok
    }

    /// The profile of a user id.
    func profile(_ userId: String) async throws -> Profile? {
        guard let id = try await stores.profiles.profileId(workspaceId: workspace.id, identifierValue: userId, kind: nil)
        else { return nil }
        return try await stores.profiles.profile(workspaceId: workspace.id, id: id)
    }

    func close() async throws { try await stores.close() }
}

/// A journey of `waits` waits of `gap` seconds each followed by a send named A, B, C, … .
func chainJourney(
    destination: String, waits: Int, gap: TimeInterval, label: String = "v1", goal: JourneyTrigger? = nil,
    resume: JourneyResumePolicy = .retime
) -> JourneyDefinition {
    var steps: [JourneyStep] = []
    for i in 1...waits {
        let name = String(UnicodeScalar(UInt8(64 + i)))
        steps.append(.wait("w\(i)", seconds: gap, next: "s\(i)"))
        steps.append(
            .send(
                "s\(i)", to: destination, message: .object(["name": .string(name), "label": .string(label)]),
                next: i < waits ? "w\(i + 1)" : nil))
    }
    return JourneyDefinition(
        trigger: .event("signed_up"), start: "w1", steps: steps, goal: goal, reentry: .once, resume: resume)
}
