import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// The S3-compatible server the kill test archives to, from the variables `.ci/run` exports.
enum ArchiveTestServer {
    /// The child's archive settings, from the test S3 variables.
    static var s3Environment: [String: String]? {
        let env = ProcessInfo.processInfo.environment
        guard let endpoint = env["BEACON_TEST_S3_ENDPOINT"], let bucket = env["BEACON_TEST_S3_BUCKET"],
            let access = env["BEACON_TEST_S3_ACCESS_KEY"], let secret = env["BEACON_TEST_S3_SECRET_KEY"]
        else { return nil }
        return [
            "BEACON_ARCHIVE_S3_ENDPOINT": endpoint, "BEACON_ARCHIVE_S3_BUCKET": bucket,
            "BEACON_ARCHIVE_S3_ACCESS_KEY": access, "BEACON_ARCHIVE_S3_SECRET_KEY": secret,
        ]
    }
}

/// Kills `beacon archive run` with SIGKILL at random points while it copies 40,000 events to
/// SeaweedFS, then lets a last run finish: every event is in the bucket exactly once and the
/// cursor counts each once (a killed batch is redone under the same object names).
@Suite(
    "Archive survives kill -9", .serialized,
    .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"),
    .enabled(
        if: ArchiveTestServer.s3Environment != nil,
        "BEACON_TEST_S3_ENDPOINT/_BUCKET/_ACCESS_KEY/_SECRET_KEY are not set: start SeaweedFS with bench/s3/start_seaweedfs.py (as .ci/run does)"
    ))
struct ArchiveKillTests {
    static let eventCount = 40_000

    static var s3Environment: [String: String]? { ArchiveTestServer.s3Environment }

    enum Backend: String, CaseIterable, Sendable {
        case sqlite, postgres
        static var available: [Backend] {
            !TestPostgres.isAvailable ? [.sqlite] : [.sqlite, .postgres]
        }
    }

    @Test("40,000 events, archiver killed 3 times: each event archived exactly once", arguments: Backend.available)
    func sigkill(backend: Backend) async throws {
        // setup: the events, committed
        let binary = try #require(DurabilityTests.binary)
        let s3env = try #require(Self.s3Environment)
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-akill-\(UUID().uuidString)").path
        let url = backend == .postgres ? try await TestPostgres.url() : nil
        let name = "akill-\(UUID().uuidString.prefix(8).lowercased())"
        let prefix = "kill-\(UUID().uuidString.prefix(8).lowercased())"
        var runtime = try await BeaconRuntime.open(databaseURL: url, dataDirectory: dataDir, logger: Logger(label: "test"))
        let ws = try await runtime.stores.workspaces.createWorkspace(name: name)
        for chunk in stride(from: 0, to: Self.eventCount, by: 5_000) {
            let events = (chunk..<chunk + 5_000).map { i in
                let t = Date(timeIntervalSince1970: 1_717_200_000 + Double(i) * 61)
                return Event(
                    messageId: "k\(i)", type: .track, userId: "u\(i % 501)", event: "Viewed", timestamp: t, receivedAt: t,
                    properties: .object(["i": .number(Double(i)), "path": .string("/p/\(i % 37)")]))
            }
            _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: events)])
        }
        try await runtime.close()

        // MUT: run, kill -9 at a random point, three times; then run to the end
        var arguments = [
            "archive", "run", "--workspace", name, "--archive-prefix", prefix, "--archive-batch-size", "1000",
            "--log-level", "critical",
        ]
        arguments += url.map { ["--database-url", $0] } ?? ["--data-dir", dataDir]
        var environment = ProcessInfo.processInfo.environment
        environment.merge(s3env) { $1 }
        for _ in 0..<3 {
            let run = try start(binary, arguments, environment)
            try await Task.sleep(for: .milliseconds(Int.random(in: 300...2_000)))
            run.send(SIGKILL)
            await run.exited()
        }
        let last = try start(binary, arguments, environment)
        await last.exited()
        #expect(last.terminationStatus == 0)

        // validate: every event in exactly one object, the cursor counted each once
        runtime = try await BeaconRuntime.open(databaseURL: url, dataDirectory: dataDir, logger: Logger(label: "test"))
        let sinkId = EventArchiver.sinkId(bucket: s3env["BEACON_ARCHIVE_S3_BUCKET"]!, prefix: prefix)
        let cursor = try await runtime.stores.sinkCursors.cursor(sinkId: sinkId, workspaceId: ws.id)
        #expect(cursor.pendingThrough == nil)
        #expect(cursor.eventsCopied == Int64(Self.eventCount))
        let s3 = S3Client(
            S3Configuration(
                endpoint: URL(string: s3env["BEACON_ARCHIVE_S3_ENDPOINT"]!)!, bucket: s3env["BEACON_ARCHIVE_S3_BUCKET"]!,
                accessKey: s3env["BEACON_ARCHIVE_S3_ACCESS_KEY"]!, secretKey: s3env["BEACON_ARCHIVE_S3_SECRET_KEY"]!))
        let objects = try await s3.listAllObjects(prefix: prefix + "/")
        var copies: [String: Int] = [:]
        for object in objects {
            for (_, event) in try ArchiveSegment.decode(try await s3.getObject(key: object.key)) {
                copies[event.messageId, default: 0] += 1
            }
        }
        #expect(copies.count == Self.eventCount)
        #expect(copies.values.filter { $0 != 1 }.isEmpty)
        for object in objects { try await s3.deleteObject(key: object.key) }
        try await runtime.close()
    }

    func start(_ binary: URL, _ arguments: [String], _ environment: [String: String]) throws -> ChildProcess {
        try ChildProcess(binary.path, arguments, environment: environment)
    }
}
