import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// Kills `beacon journeys run` with SIGKILL at random points while thousands of people run a
/// 5-step journey, on SQLite and PostgreSQL: after restarts every person's five sends are queued
/// exactly once, none skipped (delivery of each queued id exactly once is the outbox's own kill test).
@Suite(
    "Journey runner survives kill -9", .serialized,
    .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
struct JourneyKillTests {
    static let people = 2_000

    enum Backend: String, CaseIterable, Sendable {
        case sqlite, postgres
        /// SQLite always; PostgreSQL when `BEACON_TEST_POSTGRES_URL` names a database.
        static var available: [Backend] {
            !TestPostgres.isAvailable ? [.sqlite] : [.sqlite, .postgres]
        }
    }

    @Test("2,000 people through 5 sends, runner killed 4 times: each send queued once per step", arguments: Backend.available)
    func sigkill(backend: Backend) async throws {
        let binary = try #require(DurabilityTests.binary)
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-jkill-\(UUID().uuidString)").path
        let url = backend == .postgres ? try await TestPostgres.url() : nil
        let name = "jkill-\(UUID().uuidString.prefix(8).lowercased())"
        // setup: a workspace, a destination, a live 5-send journey and everyone's trigger event, folded
        var runtime = try await BeaconRuntime.open(databaseURL: url, dataDirectory: dataDir, logger: Logger(label: "test"))
        let ws = try await runtime.stores.workspaces.createWorkspace(name: name)
        let destination = "dst_kill"
        try await runtime.stores.activations.createDestination(
            Destination(
                workspaceId: ws.id, id: destination, name: "receiver", kind: .webhook, url: "http://127.0.0.1:9/",
                sealedSecrets: [], createdAt: Date()))
        var steps: [JourneyStep] = []
        for i in 1...5 {
            steps.append(.send("s\(i)", to: destination, message: ["n": .number(Double(i))], next: i < 5 ? "w\(i)" : nil))
            if i < 5 { steps.append(.wait("w\(i)", seconds: 1, next: "s\(i + 1)")) }
        }
        let j = try await runtime.journeys.create(
            workspaceId: ws.id, name: "five",
            definition: JourneyDefinition(trigger: .event("signed_up"), start: "s1", steps: steps))
        try await runtime.journeys.publish(workspaceId: ws.id, id: j.id)
        try await runtime.profiles.reloadJourneys(workspaceId: ws.id)
        let now = Date()
        let events = (0..<Self.people).map { i in
            Event(messageId: "signup-\(i)", type: .track, userId: "u\(i)", event: "signed_up", timestamp: now, receivedAt: now)
        }
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: events)])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        #expect(try await runtime.stores.journeys.pendingSignalCount() >= Self.people)
        try await runtime.close()

        // MUT: run and kill -9 four times, once while it starts (catching up the projection) and three
        // times at random points of the moving (a random share of all steps done), then run to the end
        var arguments = ["journeys", "run", "--workspace", name, "--lease", "2", "--interval", "0.2", "--log-level", "critical"]
        arguments += url.map { ["--database-url", $0] } ?? ["--data-dir", dataDir]
        runtime = try await BeaconRuntime.open(databaseURL: url, dataDirectory: dataDir, logger: Logger(label: "test"))
        // Each person leaves 8 steps (advanced) and ends at the 9th (completed).
        let total = Self.people * 9
        func progress() async throws -> Int {
            try await runtime.journeys.funnel(workspaceId: ws.id, id: j.id).map { $0.advanced + $0.completed }.reduce(0, +)
        }
        var kills = 0
        var killedAt: [Int] = []
        for k in 0..<4 {
            let runner = try start(binary, arguments)
            if k == 0 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 300...2_000)))
            } else {
                let target = Int(Double(total) * Double.random(in: (Double(k) - 0.9) / 4...Double(k) / 4))
                let until = Date() + 180
                while try await progress() < target, Date() < until { try await Task.sleep(for: .milliseconds(50)) }
            }
            runner.send(SIGKILL)
            await runner.exited()
            killedAt.append(try await progress())
            kills += 1
        }
        let runner = try start(binary, arguments)
        let deadline = Date() + 600
        var done = 0
        while Date() < deadline {
            done = try await runtime.stores.journeys.states(workspaceId: ws.id, journeyId: j.id, status: .completed).count
            if done == Self.people { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        runner.send(SIGKILL)
        await runner.exited()

        // validate: five sends per person, one per step, each under its own key
        #expect(done == Self.people)
        let sends = try await runtime.stores.outbox.messages(
            workspaceId: ws.id, destinationId: destination, state: nil, limit: 1_000_000)
        let perStep = Dictionary(grouping: sends) { m in
            "\(m.orderKey)/\(m.cause.split(separator: ":").last ?? "")"
        }
        #expect(sends.count == Self.people * 5)
        #expect(perStep.count == Self.people * 5)
        #expect(perStep.values.allSatisfy { $0.count == 1 })
        #expect(Set(sends.map(\.id)).count == sends.count)
        let funnel = try await runtime.journeys.funnel(workspaceId: ws.id, id: j.id)
        #expect(funnel.allSatisfy { $0.waiting == 0 })
        #expect(funnel.map(\.completed).reduce(0, +) == Self.people)
        print("journey kill -9 (\(backend.rawValue)): \(kills) kills at \(killedAt) of \(total) steps, \(sends.count) sends, each step once")
        try await runtime.close()
    }

    func start(_ binary: URL, _ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(binary.path, arguments)
    }
}
