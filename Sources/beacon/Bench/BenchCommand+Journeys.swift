import ArgumentParser
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Logging

extension BenchCommand {
    /// `beacon bench journeys`: people entering a 3-send journey and its due steps, timed on the store.
    struct Journeys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "journeys",
            abstract: "Move people through a 3-send journey (send, wait, send, wait, send) on a virtual clock and time entries and due steps.")
        @Option(help: "People who enter the journey.") var people: Int = 100_000
        @Option(help: "People moved side by side by the runner.") var parallelism: Int = 8
        @Option(help: "PostgreSQL URL; a temporary SQLite file when omitted.") var databaseURL: String?
        @Option(name: .customLong("data-dir"),
                help: "Where to put the temporary SQLite database (deleted afterwards); the system temporary directory when omitted.")
        var dataDirectory: String?

        func validate() throws {
            guard people >= 1 else { throw ValidationError("--people must be at least 1") }
            guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1") }
        }

        /// Profiles from memory: the runner's reads and writes of journey state and the outbox are
        /// what is timed, not the profile projection.
        struct Audience: JourneyAudience {
            func journeyProfile(workspaceId: String, id: String) async throws -> Profile? {
                var p = Profile(id: id, createdSeq: 0, at: Date(timeIntervalSince1970: 0))
                p.identifiers = [Identifier(kind: Identifier.userId, value: id)]
                return p
            }
            func journeyMatches(_ rule: SegmentRule, workspaceId: String, profileId: String, asOf: Date) async throws
                -> Bool
            { true }
        }

        final class Clock: @unchecked Sendable {
            private let lock = NSLock()
            private var now = Date(timeIntervalSince1970: 1_767_225_600)
            func read() -> Date { lock.withLock { now } }
            func advance(_ s: TimeInterval) { lock.withLock { now += s } }
        }

        func run() async throws {
            let base = dataDirectory ?? FileManager.default.temporaryDirectory.path
            let dir = (base as NSString).appendingPathComponent("beacon-bench-\(UUID().uuidString)")
            let stores = try await StoreFactory.open(databaseURL: databaseURL, dataDirectory: dir, logger: Logger(label: "bench"))
            defer { if databaseURL == nil { try? FileManager.default.removeItem(atPath: dir) } }
            let clock = Clock()
            let ws = try await stores.workspaces.createWorkspace(name: "bench-\(UUID().uuidString.prefix(6).lowercased())")
            try await stores.activations.createDestination(
                Destination(
                    workspaceId: ws.id, id: "dst_bench", name: "bench", kind: .webhook, url: "http://127.0.0.1:9/",
                    sealedSecrets: [], createdAt: clock.read()))
            let service = JourneyService(stores: stores, clock: clock.read)
            let definition = JourneyDefinition(
                trigger: .event("signed_up"), start: "s1",
                steps: [
                    .send("s1", to: "dst_bench", message: ["n": 1], next: "w1"), .wait("w1", seconds: 60, next: "s2"),
                    .send("s2", to: "dst_bench", message: ["n": 2], next: "w2"), .wait("w2", seconds: 60, next: "s3"),
                    .send("s3", to: "dst_bench", message: ["n": 3], next: nil),
                ])
            let j = try await service.create(workspaceId: ws.id, name: "bench", definition: definition)
            try await service.publish(workspaceId: ws.id, id: j.id)
            let runner = JourneyRunner(
                stores: stores, audience: Audience(), appendEvents: { _ in }, parallelism: parallelism,
                workspaceId: ws.id, clock: clock.read)
            say("journeys bench: \(people) people, 3 sends with 60 s waits between, backend \(stores.backend), "
                + "\(parallelism) side by side")

            // The projection's part: one signal per person (it writes them with the profile change).
            var t = Date()
            for start in stride(from: 0, to: people, by: 1_000) {
                let signals = (start..<min(start + 1_000, people)).map { i in
                    JourneySignal(workspaceId: ws.id, profileId: "p\(i)", kind: .event, name: "signed_up", at: clock.read())
                }
                try await stores.journeys.enqueueSignals(signals)
            }
            say("signals queued (1,000 per transaction): \(secs(t)) s = \(rate(people, t))/s")

            // Entry: each signal starts a run (one transaction), then the first send runs at once
            // and the person parks at the first wait (another transaction).
            t = Date()
            let entry = try await runner.runOnce()
            let entrySeconds = Date().timeIntervalSince(t)
            say("entered and first send: \(entry.signals) signals + \(entry.transitions) transitions in \(fmt(entrySeconds)) s "
                + "= \(Int(Double(people) / entrySeconds)) people/s")
            var total = entrySeconds
            for wait in 1...2 {
                clock.advance(60)
                t = Date()
                let pass = try await runner.runOnce()
                let seconds = Date().timeIntervalSince(t)
                total += seconds
                say("wait \(wait) ends for everyone: \(pass.transitions) due steps (wait → send → next) in \(fmt(seconds)) s "
                    + "= \(Int(Double(pass.transitions) / seconds)) transitions/s (stale \(pass.stale))")
            }
            let funnel = try await service.funnel(workspaceId: ws.id, id: j.id)
            let completed = funnel.map(\.completed).reduce(0, +)
            let sends = try await stores.outbox.counts(workspaceId: ws.id, destinationId: "dst_bench").values.reduce(0, +)
            say("through the journey: \(completed) completed, \(sends) sends queued; \(fmt(total)) s of runner time "
                + "= \(Int(Double(completed) / total)) people/s through all 3 steps")
            try await stores.close()
        }

        func rate(_ n: Int, _ t: Date) -> Int { Int(Double(n) / Date().timeIntervalSince(t)) }
        func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        func secs(_ t: Date) -> String { fmt(Date().timeIntervalSince(t)) }
        func fmt(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }
    }
}
