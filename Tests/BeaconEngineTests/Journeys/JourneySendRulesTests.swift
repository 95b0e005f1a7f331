import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// Quiet hours, frequency caps across journeys and re-entry, each checked against hand-computed
/// instants on the virtual clock.
@Suite("Journey send rules and re-entry")
struct JourneySendRulesTests {
    let day = JourneyFixture.day
    let hour: TimeInterval = 3_600

    /// Sets traits on a user with an identify event and folds it into the profile.
    func identify(_ f: JourneyFixture, _ user: String, _ traits: [String: JSONValue]) async throws {
        let now = f.clock.now
        _ = try await f.stores.events.append([
            EventBatch(
                workspaceId: f.workspace.id,
                events: [
                    Event(
                        messageId: "\(user)-traits-\(UUID().uuidString.prefix(6))", type: .identify, userId: user,
                        timestamp: now, receivedAt: now, traits: .object(traits))
                ])
        ])
        try await f.engine.catchUp(workspaceId: f.workspace.id)
    }

    @Test("A send due in quiet hours waits for their end in the profile's zone, across a DST change",
          arguments: ProfileBackend.available)
    func quietHours(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let ws = f.workspace.id
        let d = JourneyDefinition(
            trigger: .event("signed_up"), start: "s1",
            steps: [.send("s1", to: f.destination, message: ["name": "hello"], next: nil)],
            quietHours: JourneyQuietHours(start: "21:00", end: "08:00"))
        let j = try await f.service.create(workspaceId: ws, name: "quiet", definition: d)
        try await f.service.publish(workspaceId: ws, id: j.id)
        try await identify(f, "ny", ["timezone": "America/New_York"])
        try await identify(f, "utc", ["plan": "free"])
        // Saturday 2025-03-08 23:00 in New York (EST, UTC−5) is 2025-03-09T04:00Z; clocks spring
        // forward that night, so 08:00 Sunday in New York is EDT (UTC−4): 12:00Z, not 13:00Z.
        // The UTC profile (no timezone trait, no journey zone) is at 04:00, quiet until 08:00Z.
        f.clock.advance(Timestamp.parse("2025-03-09T04:00:00Z")!.timeIntervalSince(f.clock.now))
        try await f.track(["ny", "utc"], "signed_up")
        try await f.runner.runOnce()
        #expect(try await f.sends().isEmpty)
        let waiting = try await f.stores.journeys.states(workspaceId: ws, journeyId: j.id, status: .active)
        #expect(waiting.count == 2 && waiting.allSatisfy { $0.step == "s1" && !$0.parked })
        try await f.run(for: 12 * hour, every: 15 * 60)
        let sends = try await f.sends()
        let byUser = try Dictionary(
            uniqueKeysWithValues: sends.map { m in
                (try JSONValue.parse(Data(m.payload.utf8))["profile"]?["userId"]?.stringValue ?? "?", m.createdAt)
            })
        #expect(byUser["utc"] == Timestamp.parse("2025-03-09T08:00:00Z")!)
        #expect(byUser["ny"] == Timestamp.parse("2025-03-09T12:00:00Z")!)
        #expect(sends.count == 2)
        #expect(try await f.funnelAddsUp(j.id))
    }

    @Test("A frequency cap counts sends of every journey and defers, never drops, the send over it",
          arguments: ProfileBackend.available)
    func frequencyCapAcrossJourneys(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let ws = f.workspace.id
        var journeys: [String] = []
        for name in ["welcome", "tips"] {
            let d = JourneyDefinition(
                trigger: .event("signed_up"), start: "s1",
                steps: [
                    .send("s1", to: f.destination, message: ["name": .string("\(name)-1")], next: "w1"),
                    .wait("w1", seconds: hour, next: "s2"),
                    .send("s2", to: f.destination, message: ["name": .string("\(name)-2")], next: nil),
                ],
                frequencyCap: JourneyFrequencyCap(sends: 2, seconds: day))
            let j = try await f.service.create(workspaceId: ws, name: name, definition: d)
            try await f.service.publish(workspaceId: ws, id: j.id)
            journeys.append(j.id)
        }
        let t0 = f.clock.now
        try await f.track(["ann"], "signed_up")
        try await f.runner.runOnce()
        // Two sends at t0 fill the cap of 2 a day: both second sends (due t0 + 1 h) wait until the
        // first sends leave the window, at t0 + 1 day.
        try await f.run(for: 2 * hour, every: hour)
        #expect(try await f.sends().count == 2)
        for id in journeys {
            let at = try await f.stores.journeys.states(workspaceId: ws, journeyId: id, status: .active)
            #expect(at.count == 1 && at.first?.step == "s2" && at.first?.dueAt == t0 + day)
        }
        try await f.run(for: day, every: hour)
        let sends = try await f.sends()
        #expect(sends.count == 4)
        #expect(sends.filter { $0.createdAt == t0 }.count == 2)
        #expect(sends.filter { $0.createdAt == t0 + day }.count == 2)
        #expect(Set(try await f.receipts().map(\.name)) == ["welcome-1", "welcome-2", "tips-1", "tips-2"])
        for id in journeys { #expect(try await f.funnelAddsUp(id)) }
    }

    @Test("Re-entry: once enters one time, afterExit again after the run ended, everyTime on every trigger",
          arguments: ProfileBackend.available)
    func reentry(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let ws = f.workspace.id
        var ids: [JourneyReentry: String] = [:]
        for policy in JourneyReentry.allCases {
            let d = JourneyDefinition(
                trigger: .event("visited"), start: "w1",
                steps: [
                    .wait("w1", seconds: day, next: "s1"),
                    .send("s1", to: f.destination, message: ["name": .string(policy.rawValue)], next: nil),
                ],
                reentry: policy)
            let j = try await f.service.create(workspaceId: ws, name: policy.rawValue, definition: d)
            try await f.service.publish(workspaceId: ws, id: j.id)
            ids[policy] = j.id
        }
        // Visits at 0 h and 1 h (the first run still waits) and at 2 days (it has ended).
        try await f.track(["ann"], "visited")
        try await f.runner.runOnce()
        f.clock.advance(hour)
        try await f.track(["ann"], "visited")
        try await f.run(for: 2 * day - hour, every: hour)
        try await f.track(["ann"], "visited")
        try await f.run(for: 2 * day, every: hour)
        var runs: [JourneyReentry: Int] = [:]
        for (policy, id) in ids {
            let states = try await f.stores.journeys.states(workspaceId: ws, journeyId: id, status: nil)
            #expect(states.allSatisfy { $0.status == .completed })
            runs[policy] = states.count
            #expect(try await f.funnelAddsUp(id))
        }
        #expect(runs == [.once: 1, .afterExit: 2, .everyTime: 3])
        let names = try await f.receipts().map(\.name)
        #expect(names.filter { $0 == "once" }.count == 1)
        #expect(names.filter { $0 == "afterExit" }.count == 2)
        #expect(names.filter { $0 == "everyTime" }.count == 3)
    }
}
