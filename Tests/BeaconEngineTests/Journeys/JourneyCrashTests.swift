import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// A journey store whose commits die at random: before writing (the process was killed while
/// computing) or after writing (killed before it could go on), as a kill -9 would leave them.
final class DyingJourneyStore: JourneyStore, @unchecked Sendable {
    struct Killed: Error {}
    let base: any JourneyStore
    private let lock = NSLock()
    private var generator: SystemRandomNumberGenerator
    private var _kills = 0
    var kills: Int { lock.withLock { _kills } }
    let rate: Double

    init(_ base: any JourneyStore, rate: Double) {
        self.base = base
        self.rate = rate
        generator = SystemRandomNumberGenerator()
    }

    private func roll() -> Int {
        lock.withLock {
            let r = Double.random(in: 0..<1, using: &generator)
            guard r < rate else { return 0 }
            _kills += 1
            return r < rate / 2 ? 1 : 2
        }
    }

    func commit(_ commit: JourneyCommit) async throws -> Bool {
        let fate = roll()
        if fate == 1 { throw Killed() }
        let ok = try await base.commit(commit)
        if fate == 2 { throw Killed() }
        return ok
    }

    func createJourney(_ journey: Journey, version: JourneyVersion) async throws {
        try await base.createJourney(journey, version: version)
    }
    func journey(workspaceId: String, id: String) async throws -> Journey? {
        try await base.journey(workspaceId: workspaceId, id: id)
    }
    func journeys(workspaceId: String) async throws -> [Journey] { try await base.journeys(workspaceId: workspaceId) }
    func saveJourney(_ journey: Journey) async throws { try await base.saveJourney(journey) }
    func deleteJourney(workspaceId: String, id: String) async throws -> Bool {
        try await base.deleteJourney(workspaceId: workspaceId, id: id)
    }
    func saveVersion(_ version: JourneyVersion) async throws { try await base.saveVersion(version) }
    func version(workspaceId: String, journeyId: String, version: Int) async throws -> JourneyVersion? {
        try await base.version(workspaceId: workspaceId, journeyId: journeyId, version: version)
    }
    func versions(workspaceId: String, journeyId: String) async throws -> [JourneyVersion] {
        try await base.versions(workspaceId: workspaceId, journeyId: journeyId)
    }
    func runningVersions(workspaceId: String) async throws -> [(journey: Journey, versions: [JourneyVersion])] {
        try await base.runningVersions(workspaceId: workspaceId)
    }
    func sendTimes(workspaceId: String, profileId: String, since: Date) async throws -> [Date] {
        try await base.sendTimes(workspaceId: workspaceId, profileId: profileId, since: since)
    }
    func enqueueSignals(_ signals: [JourneySignal]) async throws { try await base.enqueueSignals(signals) }
    func claimSignals(workspaceId: String?, owner: String, now: Date, leaseUntil: Date, limit: Int) async throws
        -> [JourneySignal]
    {
        try await base.claimSignals(workspaceId: workspaceId, owner: owner, now: now, leaseUntil: leaseUntil, limit: limit)
    }
    func pendingSignalCount() async throws -> Int { try await base.pendingSignalCount() }
    func claimDue(workspaceId: String?, owner: String, now: Date, leaseUntil: Date, limit: Int) async throws
        -> [JourneyState]
    {
        try await base.claimDue(workspaceId: workspaceId, owner: owner, now: now, leaseUntil: leaseUntil, limit: limit)
    }
    func states(workspaceId: String, profileIds: [String]) async throws -> [JourneyState] {
        try await base.states(workspaceId: workspaceId, profileIds: profileIds)
    }
    func states(workspaceId: String, journeyId: String, status: JourneyState.Status?) async throws -> [JourneyState] {
        try await base.states(workspaceId: workspaceId, journeyId: journeyId, status: status)
    }
    func move(
        workspaceId: String, journeyId: String, fromVersion: Int, fromStep: String, toVersion: Int, toStep: String,
        keepTiming: Bool, now: Date
    ) async throws -> Int {
        try await base.move(
            workspaceId: workspaceId, journeyId: journeyId, fromVersion: fromVersion, fromStep: fromStep,
            toVersion: toVersion, toStep: toStep, keepTiming: keepTiming, now: now)
    }
    func activeCounts(workspaceId: String, journeyId: String) async throws -> [Int: [String: Int]] {
        try await base.activeCounts(workspaceId: workspaceId, journeyId: journeyId)
    }
    func shiftDue(workspaceId: String, journeyId: String, seconds: Double) async throws {
        try await base.shiftDue(workspaceId: workspaceId, journeyId: journeyId, seconds: seconds)
    }
    func markSkipSends(workspaceId: String, journeyId: String, dueBy: Date) async throws {
        try await base.markSkipSends(workspaceId: workspaceId, journeyId: journeyId, dueBy: dueBy)
    }
    func funnel(workspaceId: String, journeyId: String) async throws -> [JourneyFunnelStep] {
        try await base.funnel(workspaceId: workspaceId, journeyId: journeyId)
    }
}

@Suite("Journey runner crashes")
struct JourneyCrashTests {
    @Test("Runners dying before and after their commits at random: every step's send queued exactly once",
          arguments: ProfileBackend.available)
    func dyingRunners(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let ws = f.workspace.id
        let d = chainJourney(destination: f.destination, waits: 5, gap: 3600)
        let j = try await f.service.create(workspaceId: ws, name: "five", definition: d)
        try await f.service.publish(workspaceId: ws, id: j.id)
        let people = (0..<300).map { "p\($0)" }
        try await f.track(people, "signed_up")

        var stores = f.stores
        let dying = DyingJourneyStore(f.stores.journeys, rate: 0.2)
        stores.journeys = dying
        let lease: TimeInterval = 30
        var runner = JourneyFixture.runner(stores, f.engine, ws, f.clock, lease: lease)
        var restarts = 0
        // Each death is followed by a new runner (a restarted process) once the dead one's leases ran out.
        func finished() async throws -> Bool {
            let runs = try await f.stores.journeys.states(workspaceId: ws, journeyId: j.id, status: nil)
            return runs.count == people.count && runs.allSatisfy { $0.status == .completed }
        }
        while try await !finished() {
            do {
                // Small claims: a claim's transitions are committed together, so this keeps the
                // commits (and deaths) many, each taking up to 5 people with it.
                try await runner.runOnce(batch: 5)
                f.clock.advance(600)
            } catch is DyingJourneyStore.Killed {
                restarts += 1
                f.clock.advance(lease + 1)
                runner = JourneyFixture.runner(stores, f.engine, ws, f.clock, lease: lease)
            }
            #expect(restarts < 5_000)
        }
        #expect(dying.kills > 10)
        let receipts = try await f.receipts()
        let pairs = receipts.map { "\($0.user)/\($0.name)" }
        #expect(pairs.count == people.count * 5)
        #expect(Set(pairs).count == pairs.count)
        #expect(try await f.funnelAddsUp(j.id))
        print("journey crash test: \(dying.kills) deaths, \(restarts) restarts, \(pairs.count) sends, none twice")
    }
}
