import BeaconCore
@testable import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// The runner commits a claim's independent transitions in one transaction (`commitTogether`);
/// a stale one among them must not cost the others their move, nor be committed twice.
@Suite("Journey batch commits")
struct JourneyBatchCommitTests {
    @Test("A stale transition in a joint commit is refused alone; the others commit once", arguments: ProfileBackend.available)
    func staleOneOfThree(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        let ws = f.workspace.id
        let j = try await f.service.create(
            workspaceId: ws, name: "two", definition: chainJourney(destination: f.destination, waits: 2, gap: 3600, goal: .event("purchased")))
        try await f.service.publish(workspaceId: ws, id: j.id)
        try await f.track(["a", "b", "c"], "signed_up")
        try await f.runner.runOnce()
        f.clock.advance(3601)

        let now = f.clock.now
        let due = try await f.stores.journeys.claimDue(
            workspaceId: ws, owner: f.runner.owner, now: now, leaseUntil: now + 60, limit: 10)
        #expect(due.count == 3)
        var commits: [JourneyCommit] = []
        for state in due.sorted(by: { $0.profileId < $1.profileId }) {
            commits.append(try await f.runner.advance(state, now: now).0)
        }
        // Meanwhile the first person converts (the goal), so their computed transition is stale.
        try await f.track(["a"], "purchased")
        #expect(try await f.runner.runOnce().signals == 1)
        let outcomes = try await f.runner.commitTogether(commits)
        #expect(outcomes.sorted { !$0 && $1 } == [false, true, true])

        let sends = try await f.receipts().map { "\($0.user)/\($0.name)" }
        #expect(sends.sorted() == ["b/A", "c/A"])
        let runs = try await f.stores.journeys.states(workspaceId: ws, journeyId: j.id, status: nil)
        let a = try #require(try await f.profile("a")).id
        #expect(runs.map { "\($0.profileId == a ? "a" : "other") \($0.status.rawValue) \($0.step)" }.sorted()
            == ["a converted w1", "other active w2", "other active w2"])
        #expect(try await f.funnelAddsUp(j.id))
        try await f.close()
    }

    @Test("A fold that queues journey signals wakes the runner's wait; one that queues none does not", arguments: ProfileBackend.available)
    func signalsWakeTheRunner(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        let ws = f.workspace.id
        let j = try await f.service.create(
            workspaceId: ws, name: "wake", definition: chainJourney(destination: f.destination, waits: 1, gap: 3600))
        try await f.service.publish(workspaceId: ws, id: j.id)
        func waited() async -> Double {
            let start = Date()
            await f.engine.journeySignalsQueued.wait(timeout: .milliseconds(500))
            return Date().timeIntervalSince(start)
        }
        _ = await waited()  // whatever setting up the fixture left
        try await f.track(["a"], "browsed")  // no journey listens: no signal
        #expect(await waited() >= 0.49)
        try await f.track(["a"], "signed_up")
        #expect(await waited() < 0.45)
        #expect(try await f.runner.runOnce().signals == 1)
        try await f.close()
    }
}

