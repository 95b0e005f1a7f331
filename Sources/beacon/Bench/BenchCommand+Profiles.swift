import ArgumentParser
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Logging

extension BenchCommand {
    /// `beacon bench profiles`: identity resolution, lookup and segment timings on demo data.
    struct Profiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profiles",
            abstract: "Generate GlowBeauty persona customers (seed 001), fold them into profiles and time lookups, segment recomputes and live updates.")
        @Option(help: "Demo customers to generate.") var customers: Int = 20_000
        @Option(help: "Lookups to time.") var lookups: Int = 10_000
        @Option(help: "Single-event live updates to time.") var updates: Int = 500
        @Option(help: "PostgreSQL URL; a temporary SQLite file when omitted.") var databaseURL: String?
        @Option(name: .customLong("data-dir"),
                help: "Where to put the temporary SQLite database (deleted afterwards); the system temporary directory when omitted.")
        var dataDirectory: String?
        @Option(help: "Print a progress line (stderr) every this many customers.") var progressEvery: Int = 50_000

        func validate() throws {
            guard customers >= 10 else { throw ValidationError("--customers must be at least 10") }
            guard progressEvery >= 1 else { throw ValidationError("--progress-every must be positive") }
            guard lookups >= 1, updates >= 1 else { throw ValidationError("--lookups and --updates must be positive") }
        }

        func run() async throws {
            let generator = PersonaGenerator(seed: 42, customers: customers, days: 365)
            let end = generator.start.addingTimeInterval(365 * 86_400)
            let base = dataDirectory ?? FileManager.default.temporaryDirectory.path
            let dir = (base as NSString).appendingPathComponent("beacon-bench-\(UUID().uuidString)")
            let stores = try await StoreFactory.open(databaseURL: databaseURL, dataDirectory: dir, logger: Logger(label: "bench"))
            defer { if databaseURL == nil { try? FileManager.default.removeItem(atPath: dir) } }
            let (store, profileStore) = (stores.events, stores.profiles)
            // BEACON_ENCRYPT_PERSONAL_DATA=1 measures with the profile tables' personal fields sealed.
            if BeaconRuntime.environmentPersonalDataEncryption {
                stores.personalFields.install(
                    PersonalDataCipher(secrets: BeaconRuntime.environmentSecrets, store: stores.personalDataKeys))
            }
            say("personal fields: \(BeaconRuntime.environmentPersonalDataEncryption ? "sealed (PersonalDataCipher)" : "in clear")")
            let ws = try await stores.workspaces.createWorkspace(name: "bench-\(UUID().uuidString.prefix(6).lowercased())")
            let engine = ProfileEngine(stores: stores, clock: { end })
            let started = Date()
            var t = Date()

            // Ingest, a chunk of customers at a time so the events never all sit in memory: commit
            // a batch, then fold it (what the server does after each group commit).
            var stream = generator.makeStream()
            var appendTime = 0.0, foldTime = 0.0, generateTime = 0.0, eventCount = 0, nextReport = progressEvery
            while true {
                t = Date()
                guard let chunk = stream.next(customers: 1_000) else { break }
                generateTime += Date().timeIntervalSince(t)
                for start in stride(from: 0, to: chunk.count, by: 1_000) {
                    t = Date()
                    _ = try await store.append([EventBatch(workspaceId: ws.id, events: Array(chunk[start..<min(start + 1_000, chunk.count)]))])
                    appendTime += Date().timeIntervalSince(t)
                    t = Date()
                    try await engine.catchUp(workspaceId: ws.id)
                    foldTime += Date().timeIntervalSince(t)
                }
                eventCount += chunk.count
                if stream.nextCustomer > nextReport {
                    nextReport += progressEvery
                    progress("\(stream.nextCustomer - 1) customers, \(eventCount) events, \(fmt(Date().timeIntervalSince(started), 0)) s: "
                             + "commit \(fmt(appendTime, 0)) s, fold \(fmt(foldTime, 0)) s = \(Int(Double(eventCount) / foldTime)) events/s, "
                             + "resident \(ResidentMemory.current()) MB")
                }
            }
            say("generated \(eventCount) events for \(customers) customers in \(fmt(generateTime)) s (1,000 customers at a time)")
            let profiles = try await profileStore.profileCount(workspaceId: ws.id)
            let merges = try await profileStore.profileCheckpoint(workspaceId: ws.id).mergeCount
            say("ingest: \(eventCount) events → \(profiles) profiles, \(merges) merges; commit \(fmt(appendTime)) s, "
                  + "identity + profiles + 14 live segments \(fmt(foldTime)) s = \(Int(Double(eventCount) / foldTime)) events/s; "
                  + "resident \(ResidentMemory.current()) MB")

            t = Date()
            let refresh = try await engine.refreshPredictions(workspaceId: ws.id)
            say("prediction refresh (BG/NBD, Gamma-Gamma, RFM on \(refresh.customers) buyers, then all segments): \(secs(t)) s")

            let rule: JSONValue = ["all": [
                ["lifetime_value": ["gt": 100]], ["subscription_status": "active"],
                ["event": ["name": "Order Completed", "count": ["gte": 1], "within_days": 90, "where": ["revenue": ["gt": 50]]]],
            ]]
            t = Date()
            let preview = try await engine.preview(workspaceId: ws.id, rule: rule, sample: 10)
            say("3-condition segment full evaluation (\(preview.count) of \(profiles) match): \(ms(t)) ms")
            t = Date()
            _ = try await engine.saveSegment(workspaceId: ws.id, name: "Bench three conditions", rule: rule)
            say("3-condition segment saved: full recompute with its \(preview.count) membership writes: \(ms(t)) ms")
            t = Date()
            let sizes = try await engine.recomputeSegments(workspaceId: ws.id)
            say("full recompute of all \(sizes.count) segments (store writes included): \(ms(t)) ms")
            for sample in [20_000, nil] {
                t = Date()
                let replayed = try await engine.replayedSizes(
                    workspaceId: ws.id, segmentId: "bench-three-conditions", through: end, sampleLimit: sample) ?? []
                say("3-condition segment size replayed weekly at \(replayed.count) instants from "
                    + (sample.map { "a sample of \(min($0, profiles)) profiles (the dashboard's size over time)" } ?? "every profile")
                    + ": \(ms(t)) ms, sizes \(replayed.first?.size ?? 0) → \(replayed.last?.size ?? 0)")
            }

            var rng = SystemRandomNumberGenerator()
            var lookupTimes: [Double] = []
            for _ in 0..<lookups {
                let n = Int.random(in: 1...customers, using: &rng)
                let key = ["glow-\(n)", "anon-l-42-\(n)", "glow\(n)@example.com"][Int.random(in: 0..<3, using: &rng)]
                t = Date()
                if let id = try await profileStore.profileId(workspaceId: ws.id, identifierValue: key, kind: nil) {
                    _ = try await profileStore.profile(workspaceId: ws.id, id: id)
                }
                lookupTimes.append(Date().timeIntervalSince(t) * 1000)
            }
            say("profile lookup by any id (\(lookups)): p50 \(fmt(pct(lookupTimes, 0.5), 3)) ms, p99 \(fmt(pct(lookupTimes, 0.99), 3)) ms")
            var searchTimes: [Double] = []
            for _ in 0..<min(lookups, 2_000) {
                // Identifier, email and name prefixes in turn (case-insensitive for email and name).
                let n = Int.random(in: 1...customers, using: &rng)
                let prefix = ["glow-\(n)", "glow\(n)@", "Glow Customer \(n)"][searchTimes.count % 3]
                t = Date()
                _ = try await profileStore.searchProfiles(workspaceId: ws.id, prefix: prefix, limit: 20)
                searchTimes.append(Date().timeIntervalSince(t) * 1000)
            }
            say("prefix search, 20 results (\(searchTimes.count)): p50 \(fmt(pct(searchTimes, 0.5), 3)) ms, p99 \(fmt(pct(searchTimes, 0.99), 3)) ms")

            var liveTimes: [Double] = []
            for k in 0..<updates {
                let n = Int.random(in: 1...customers, using: &rng)
                let e = Event(messageId: "bench-live-\(k)", type: .track, userId: "glow-\(n)", event: "Order Completed",
                              timestamp: end.addingTimeInterval(-3_600), receivedAt: end,
                              properties: ["revenue": .number(Double(Int.random(in: 20...400, using: &rng)))])
                _ = try await store.append([EventBatch(workspaceId: ws.id, events: [e])])
                t = Date()
                try await engine.catchUp(workspaceId: ws.id)
                liveTimes.append(Date().timeIntervalSince(t) * 1000)
            }
            say("live update of one event (fold, \(sizes.count) segments, write): p50 \(fmt(pct(liveTimes, 0.5), 2)) ms, p99 \(fmt(pct(liveTimes, 0.99), 2)) ms")
            say("peak resident memory: \(ResidentMemory.peak()) MB")
            try await stores.close()
        }

        /// A result line, written at once (not buffered), so a log file shows results as they come.
        func say(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        func progress(_ line: String) {
            FileHandle.standardError.write(Data("[\(Timestamp.format(Date()))] \(line)\n".utf8))
        }

        func secs(_ t: Date) -> String { fmt(Date().timeIntervalSince(t)) }
        func ms(_ t: Date) -> String { fmt(Date().timeIntervalSince(t) * 1000, 0) }
        func fmt(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }
        func pct(_ xs: [Double], _ q: Double) -> Double {
            let s = xs.sorted()
            return s[min(s.count - 1, Int(Double(s.count) * q))]
        }
    }
}
