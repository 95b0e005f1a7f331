import BeaconCore
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Kills a loaded `beacon serve` with SIGKILL and checks that every acknowledged event
/// survived, and that retrying everything doubles nothing.
@Suite("Durability", .serialized)
struct DurabilityTests {
    static var binary: URL? {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("beacon")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    @Test("SIGKILL mid-load loses no acknowledged event and doubles none",
          .enabled(if: binary != nil, "the beacon executable must be built next to the tests (swift build builds it)"))
    func sigkill() async throws {
        let binary = try #require(Self.binary)
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-durable-\(UUID().uuidString)").path
        let created = try await runProcess(binary.path, ["workspace", "create", "durable", "--data-dir", dataDir])
        #expect(created.status == 0, "\(created.stderr)")
        let key = try #require(created.stdout.split(separator: "\n").first { $0.hasPrefix("write key: ") }.map { String($0.dropFirst(11)) })

        let port = Int.random(in: 20_000..<40_000)
        var server = try startServer(binary, dataDir: dataDir, port: port)
        try await waitHealthy(port: port)

        let acked = AckedIds()
        let senders = 8
        let loader = Task {
            await withTaskGroup(of: Void.self) { group in
                for s in 0..<senders {
                    group.addTask {
                        var n = 0
                        while !Task.isCancelled {
                            let ids = (0..<20).map { "s\(s)-r\(n)-e\($0)" }
                            n += 1
                            await acked.attempt(ids)
                            guard (try? await postBatch(port: port, key: key, ids: ids)) == 200 else { return }
                            await acked.ack(ids)
                        }
                    }
                }
            }
        }
        // Let load build up, then kill the server while requests are in flight.
        for _ in 0..<100 where await acked.count < 2_000 { try await Task.sleep(for: .milliseconds(50)) }
        server.send(SIGKILL)
        await server.exited()
        await loader.value
        let ackedIds = await acked.acked
        let attempted = await acked.attempted
        #expect(ackedIds.count > 0)

        server = try startServer(binary, dataDir: dataDir, port: port)
        try await waitHealthy(port: port)
        let store = try await StoreFactory.open(databaseURL: nil, dataDirectory: dataDir, logger: Logger(label: "test"))
        let ws = try #require(try await store.workspaces.workspace(named: "durable"))
        var stored: [String] = []
        var after: Int64? = nil
        while true {
            let page = try await store.events.events(in: ws.id, after: after, limit: 1_000)
            guard let last = page.last else { break }
            stored += page.map(\.event.messageId)
            after = last.sequence
        }
        let storedSet = Set(stored)
        #expect(stored.count == storedSet.count, "an event is stored twice")
        #expect(ackedIds.isSubset(of: storedSet), "lost \(ackedIds.subtracting(storedSet).count) acknowledged events")

        // Retry everything that was attempted, as an SDK would after the outage.
        let all = Array(attempted)
        for start in stride(from: 0, to: all.count, by: 100) {
            let status = try await postBatch(port: port, key: key, ids: Array(all[start..<min(start + 100, all.count)]))
            #expect(status == 200)
        }
        #expect(try await store.events.eventCount(in: ws.id) == attempted.count)
        server.send(SIGTERM)
        await server.exited()
        try await store.close()
    }

    func startServer(_ binary: URL, dataDir: String, port: Int) throws -> ChildProcess {
        try ChildProcess(binary.path, ["serve", "--data-dir", dataDir, "--port", String(port), "--log-level", "error"])
    }

    func waitHealthy(port: Int) async throws {
        for _ in 0..<200 {
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!),
               (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("server did not become healthy")
    }
}

/// Posts one batch of track events with the given message ids; returns the HTTP status.
func postBatch(port: Int, key: String, ids: [String]) async throws -> Int {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/batch")!)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("Basic " + Data("\(key):".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
    let items = ids.map { #"{"type":"track","userId":"u","event":"Load","messageId":"\#($0)"}"# }
    request.httpBody = Data(#"{"batch":[\#(items.joined(separator: ","))]}"#.utf8)
    request.timeoutInterval = 5
    let (_, response) = try await URLSession.shared.data(for: request)
    return (response as? HTTPURLResponse)?.statusCode ?? 0
}

actor AckedIds {
    var acked: Set<String> = []
    var attempted: Set<String> = []
    var count: Int { acked.count }
    func attempt(_ ids: [String]) { attempted.formUnion(ids) }
    func ack(_ ids: [String]) { acked.formUnion(ids) }
}
