import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Journey runner")
struct JourneyRunnerTests {
    let day = JourneyFixture.day

    @Test("A conversion on day 1 of a 30-day wait ends the run at once: no later send", arguments: ProfileBackend.available)
    func conversionInterruptsWait(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let d = chainJourney(destination: f.destination, waits: 1, gap: 30 * day, goal: .event("purchased"))
        let j = try await f.service.create(workspaceId: f.workspace.id, name: "welcome", definition: d)
        try await f.service.publish(workspaceId: f.workspace.id, id: j.id)
        try await f.track(["alice", "bob"], "signed_up")
        try await f.runner.runOnce()
        let parked = try await f.stores.journeys.states(workspaceId: f.workspace.id, journeyId: j.id, status: .active)
        #expect(parked.count == 2)
        #expect(parked.allSatisfy { $0.step == "w1" && $0.parked && $0.dueAt == JourneyFixture.start + 30 * day })

        f.clock.advance(day)
        try await f.track(["alice"], "purchased")
        let pass = try await f.runner.runOnce()
        #expect(pass.signals == 1)
        let states = try await f.stores.journeys.states(workspaceId: f.workspace.id, journeyId: j.id, status: nil)
        #expect(states.first { $0.status == .converted }?.updatedAt == JourneyFixture.start + day)
        #expect(states.filter { $0.status == .active }.count == 1)

        try await f.run(for: 30 * day, every: day)
        let receipts = try await f.receipts()
        #expect(receipts.map(\.user) == ["bob"])
        let funnel = try await f.service.funnel(workspaceId: f.workspace.id, id: j.id)
        let w1 = try #require(funnel.first { $0.step == "w1" })
        #expect((w1.entered, w1.converted, w1.advanced, w1.waiting) == (2, 1, 1, 0))
        let s1 = try #require(funnel.first { $0.step == "s1" })
        #expect((s1.entered, s1.completed) == (1, 1))
        #expect(try await f.funnelAddsUp(j.id))
    }

    @Test("Publish v2 over people parked at 4 waits, roll back, publish again: every send once, funnels add up",
          arguments: ProfileBackend.available)
    func publishRollbackPublish(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let ws = f.workspace.id
        let v1 = chainJourney(destination: f.destination, waits: 4, gap: day, label: "v1")
        let j = try await f.service.create(workspaceId: ws, name: "onboarding", definition: v1)
        try await f.service.publish(workspaceId: ws, id: j.id)
        // Four cohorts a day apart: after 3.5 days they are parked at w4, w3, w2 and w1.
        let cohorts = (0..<4).map { c in (0..<60).map { "c\(c)-u\($0)" } }
        for c in 0..<4 {
            try await f.track(cohorts[c], "signed_up")
            try await f.runner.runOnce()
            if c < 3 { try await f.run(for: day, every: day) }
        }
        try await f.run(for: day / 2, every: day / 2)
        let counts = try await f.stores.journeys.activeCounts(workspaceId: ws, journeyId: j.id)
        #expect(counts[1] == ["w1": 60, "w2": 60, "w3": 60, "w4": 60])

        let v2 = chainJourney(destination: f.destination, waits: 4, gap: day, label: "v2")
        let dry = try await f.service.dryRun(workspaceId: ws, id: j.id, definition: v2, mapping: .sameIds(from: v1, to: v2))
        #expect(dry.filter { $0.fromStep.hasPrefix("w") }.map(\.people) == [60, 60, 60, 60])
        #expect(try await f.receipts().count == 6 * 60)  // A×3 cohorts, B×2, C×1
        let moved = try await f.service.publish(workspaceId: ws, id: j.id, definition: v2, mapping: .sameIds(from: v1, to: v2))
        #expect(moved.map(\.people).reduce(0, +) == 240)
        #expect(try await f.stores.journeys.activeCounts(workspaceId: ws, journeyId: j.id)[2]?.values.reduce(0, +) == 240)
        #expect(try await f.funnelAddsUp(j.id))

        try await f.run(for: day, every: day / 2)
        try await f.service.rollback(workspaceId: ws, id: j.id, mapping: .sameIds(from: v2, to: v1))
        #expect(try await f.service.journey(workspaceId: ws, id: j.id).liveVersion == 1)
        #expect(try await f.funnelAddsUp(j.id))

        try await f.run(for: day, every: day / 2)
        let v3 = chainJourney(destination: f.destination, waits: 4, gap: day, label: "v3")
        try await f.service.publish(workspaceId: ws, id: j.id, definition: v3, mapping: .sameIds(from: v1, to: v3))
        #expect(try await f.service.journey(workspaceId: ws, id: j.id).history == [1, 3])
        #expect(try await f.funnelAddsUp(j.id))

        try await f.run(for: 5 * day, every: day / 2)
        let receipts = try await f.receipts()
        let perPerson = Dictionary(grouping: receipts, by: \.user)
        #expect(perPerson.count == 240)
        #expect(perPerson.values.allSatisfy { $0.map(\.name).sorted() == ["A", "B", "C", "D"] })
        // Sends after each switch carry the version live then.
        #expect(Set(try await f.sends().map { $0.cause.split(separator: ":")[2] }) == ["v1", "v2", "v3"])
        #expect(try await f.funnelAddsUp(j.id))
        let funnel = try await f.service.funnel(workspaceId: ws, id: j.id)
        #expect(funnel.map(\.completed).reduce(0, +) == 240)
        #expect(funnel.filter { $0.step == "w1" && $0.version == 1 }.first?.entered == 240)
        #expect(try await f.stores.journeys.states(workspaceId: ws, journeyId: j.id, status: .active).isEmpty)
    }

    @Test("Pause 2 days and resume with retime: no burst, each send exactly its wait plus the pause later",
          arguments: ProfileBackend.available)
    func pauseResumeRetime(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let ws = f.workspace.id
        let j = try await f.service.create(
            workspaceId: ws, name: "nudge", definition: chainJourney(destination: f.destination, waits: 1, gap: day))
        try await f.service.publish(workspaceId: ws, id: j.id)
        // 48 people, one every 15 minutes over the first 12 hours.
        for i in 0..<48 {
            try await f.track(["p\(i)"], "signed_up")
            try await f.runner.runOnce()
            try await f.run(for: 900, every: 900)
        }
        try await f.service.pause(workspaceId: ws, id: j.id)
        try await f.run(for: 2 * day, every: 3600)
        #expect(try await f.sends().isEmpty)
        try await f.service.resume(workspaceId: ws, id: j.id)
        let resumedAt = f.clock.now
        try await f.runner.runOnce()
        #expect(try await f.sends().isEmpty)
        try await f.run(for: 2 * day, every: 900)
        let sends = try await f.sends()
        #expect(sends.count == 48)
        // Person i entered at start + 15 min × i; the pause lasted from 12 h to 60 h.
        let entered = Dictionary(uniqueKeysWithValues: (0..<48).map { ("p\($0)", JourneyFixture.start + Double($0) * 900) })
        for m in sends {
            let user = try JSONValue.parse(Data(m.payload.utf8))["profile"]?["userId"]?.stringValue ?? "?"
            let due = entered[user]! + day + 2 * day
            #expect(m.createdAt >= due && m.createdAt < due + 900, "\(user) sent at \(m.createdAt), due \(due)")
        }
        let perQuarterHour = Dictionary(grouping: sends) { Int($0.createdAt.timeIntervalSince(resumedAt) / 900) }
        #expect(perQuarterHour.values.map(\.count).max() == 1)
        #expect(try await f.funnelAddsUp(j.id))
    }

    @Test("Resume with skip: those whose wait ended during the pause move on without the missed send",
          arguments: ProfileBackend.available)
    func pauseResumeSkip(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let ws = f.workspace.id
        let d = chainJourney(destination: f.destination, waits: 2, gap: day, resume: .skip)
        let j = try await f.service.create(workspaceId: ws, name: "skip", definition: d)
        try await f.service.publish(workspaceId: ws, id: j.id)
        for i in 0..<24 {
            try await f.track(["p\(i)"], "signed_up")
            try await f.runner.runOnce()
            try await f.run(for: 3600, every: 3600)
        }
        // Paused from 24 h to 36 h: people 1…12 came due during the pause (their wait ended at 24 h + i h).
        try await f.service.pause(workspaceId: ws, id: j.id)
        try await f.run(for: 12 * 3600, every: 3600)
        #expect(try await f.sends().count == 1)
        try await f.service.resume(workspaceId: ws, id: j.id)
        try await f.runner.runOnce()
        // The resume pass moves the 12 overdue people on and sends nothing.
        #expect(try await f.sends().count == 1)
        try await f.run(for: 3 * day, every: 3600)
        let receipts = try await f.receipts()
        let byName = Dictionary(grouping: receipts, by: \.name).mapValues { Set($0.map(\.user)) }
        // Person 12 entered at 12 h, due at 36 h = the resume instant: overdue too.
        // Person 0 came due at 24 h, just before the pause, and was sent A then.
        #expect(byName["A"] == Set(([0] + Array(13..<24)).map { "p\($0)" }))
        #expect(byName["B"] == Set((0..<24).map { "p\($0)" }))
        #expect(try await f.funnelAddsUp(j.id))
        let completed = try await f.service.funnel(workspaceId: ws, id: j.id).map(\.completed).reduce(0, +)
        #expect(completed == 24)
    }

    @Test("Branch on a trait, sticky split and trait update, each as the definition says",
          arguments: ProfileBackend.available)
    func branchSplitTrait(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let ws = f.workspace.id
        let now = f.clock.now
        let users = (0..<40).map { "u\($0)" }
        let identifies = users.enumerated().map { i, u in
            Event(
                messageId: "id-\(u)", type: .identify, userId: u, timestamp: now, receivedAt: now,
                traits: .object(["plan": .string(i % 4 == 0 ? "pro" : "free")]))
        }
        _ = try await f.stores.events.append([EventBatch(workspaceId: ws, events: identifies)])
        try await f.engine.catchUp(workspaceId: ws)
        let d = JourneyDefinition(
            trigger: .event("signed_up"), start: "b",
            steps: [
                JourneyStep(id: "b", type: .branch, next: "t", rule: ["plan": "pro"], elseNext: "e"),
                JourneyStep(id: "t", type: .updateTrait, next: "p", trait: "welcomed", value: true),
                .send("p", to: f.destination, message: ["name": "pro"], next: nil),
                JourneyStep(
                    id: "e", type: .split, experiment: "subject-line",
                    variants: [.init(name: "A", weight: 1, next: "sa"), .init(name: "B", weight: 1, next: "sb")]),
                .send("sa", to: f.destination, message: ["name": "A"], next: "x"),
                .send("sb", to: f.destination, message: ["name": "B"], next: "x"),
                JourneyStep(id: "x", type: .exit),
            ])
        let j = try await f.service.create(workspaceId: ws, name: "branchy", definition: d)
        try await f.service.publish(workspaceId: ws, id: j.id)
        try await f.track(users, "signed_up")
        try await f.runner.runOnce()
        let sent = try await f.receipts()
        #expect(sent.count == 40)
        let receipts = Dictionary(sent.map { ($0.user, $0.name) }, uniquingKeysWith: { first, _ in first })
        #expect(receipts.count == 40)
        // The trait updates are identify events; the profiles show them once the projection has
        // folded the log. On a PostgreSQL database shared with other suites, another suite's
        // server runner may have claimed some of these people and still be appending their
        // identifies when this runner is done: fold until they are in (at most 10 s).
        for _ in 0..<100 {
            try await f.engine.catchUp(workspaceId: ws)
            var missing = 0
            for (i, u) in users.enumerated() where i % 4 == 0 {
                if try await f.profile(u)?.traits["welcomed"]?.value != .bool(true) { missing += 1 }
            }
            if missing == 0 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        for (i, u) in users.enumerated() {
            if i % 4 == 0 {
                #expect(receipts[u] == "pro")
                #expect(try await f.profile(u)?.traits["welcomed"]?.value == .bool(true))
            } else {
                let profileId = try #require(try await f.profile(u)?.id)
                let arm = JourneyExperimentAssignment.variant(profileId: profileId, experiment: "subject-line", weights: [1, 1])
                #expect(receipts[u] == ["A", "B"][arm])
                #expect(try await f.profile(u)?.traits["welcomed"] == nil)
            }
        }
        let runs = try await f.stores.journeys.states(workspaceId: ws, journeyId: j.id, status: .completed)
        #expect(runs.count == 40)
        #expect(Set(runs.compactMap(\.variant)).isSubset(of: ["A", "B"]))
        #expect(try await f.funnelAddsUp(j.id))
    }

    @Test("Entering a segment starts the journey; leaving it is an exit criterion that ends a wait at once",
          arguments: ProfileBackend.available)
    func segmentTriggerAndExit(backend: ProfileBackend) async throws {
        let f = try await JourneyFixture.make(backend)
        defer { Task { try? await f.close() } }
        let ws = f.workspace.id
        let gold = try await f.engine.saveSegment(workspaceId: ws, name: "Gold", rule: ["plan": "gold"]).segment.id
        let d = JourneyDefinition(
            trigger: .entered(gold), start: "w",
            steps: [.wait("w", seconds: 7 * day, next: "s"), .send("s", to: f.destination, message: ["name": "gold"], next: nil)],
            exitWhen: [.exited(gold)])
        let j = try await f.service.create(workspaceId: ws, name: "gold", definition: d)
        try await f.service.publish(workspaceId: ws, id: j.id)
        func identify(_ user: String, plan: String) async throws {
            let now = f.clock.now
            _ = try await f.stores.events.append([
                EventBatch(
                    workspaceId: ws,
                    events: [
                        Event(
                            messageId: "\(user)-\(plan)-\(UUID().uuidString.prefix(6))", type: .identify, userId: user,
                            timestamp: now, receivedAt: now, traits: .object(["plan": .string(plan)]))
                    ])
            ])
            try await f.engine.catchUp(workspaceId: ws)
        }
        try await identify("ann", plan: "gold")
        try await identify("ben", plan: "gold")
        try await identify("cy", plan: "free")
        try await f.runner.runOnce()
        #expect(try await f.stores.journeys.states(workspaceId: ws, journeyId: j.id, status: .active).count == 2)
        f.clock.advance(day)
        try await identify("ben", plan: "free")
        try await f.runner.runOnce()
        let ben = try await f.stores.journeys.states(workspaceId: ws, journeyId: j.id, status: .exited)
        #expect(ben.count == 1 && ben.first?.updatedAt == JourneyFixture.start + day)
        try await f.run(for: 7 * day, every: day)
        #expect(try await f.receipts().map(\.user) == ["ann"])
        #expect(try await f.funnelAddsUp(j.id))
    }
}
