import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// The S3-compatible server the tests use, from the variables `.ci/run` exports.
enum S3TestServer {
    static var configuration: S3Configuration? {
        let env = ProcessInfo.processInfo.environment
        guard let endpoint = env["BEACON_TEST_S3_ENDPOINT"].flatMap(URL.init(string:)), let bucket = env["BEACON_TEST_S3_BUCKET"],
            let access = env["BEACON_TEST_S3_ACCESS_KEY"], let secret = env["BEACON_TEST_S3_SECRET_KEY"]
        else { return nil }
        return S3Configuration(endpoint: endpoint, bucket: bucket, accessKey: access, secretKey: secret)
    }
}

/// The S3 client and the archive against a real S3-compatible store: SeaweedFS (`weed mini`,
/// SigV4 enforced) started by `.ci/run`, found through `BEACON_TEST_S3_ENDPOINT`, `_BUCKET`,
/// `_ACCESS_KEY` and `_SECRET_KEY`.
@Suite(
    "S3 archive against SeaweedFS", .serialized,
    .enabled(
        if: S3TestServer.configuration != nil,
        "BEACON_TEST_S3_ENDPOINT/_BUCKET/_ACCESS_KEY/_SECRET_KEY are not set: start SeaweedFS with bench/s3/start_seaweedfs.py (as .ci/run does)"
    ))
struct S3EndToEndTests {
    static var configuration: S3Configuration? { S3TestServer.configuration }

    static func client() throws -> S3Client { S3Client(try #require(configuration)) }

    @Test("put, head, get, list with pages, delete; keys with '=', spaces and UTF-8")
    func objects() async throws {
        let s3 = try Self.client()
        try await s3.createBucket()
        let prefix = "t-\(UUID().uuidString.prefix(8))/"
        let keys = ["a=1/one.txt", "a=1/two words.txt", "b/ünï.bin"].map { prefix + $0 }
        let bodies = keys.map { Array("body of \($0)\n".utf8) + (0..<1_000).map { UInt8($0 % 251) } }
        for (key, body) in zip(keys, bodies) { try await s3.putObject(key: key, body: body) }
        for (key, body) in zip(keys, bodies) {
            #expect(try await s3.getObject(key: key) == body)
            #expect(try await s3.headObject(key: key)?.size == body.count)
        }
        let first = try await s3.listObjects(prefix: prefix, maxKeys: 2)
        #expect(first.objects.count == 2 && first.nextContinuationToken != nil)
        let all = try await s3.listAllObjects(prefix: prefix)
        #expect(all.map(\.key) == keys.sorted())
        #expect(all.map(\.size) == zip(keys, bodies).sorted { $0.0 < $1.0 }.map(\.1.count))
        try await s3.deleteObject(key: keys[0])
        #expect(try await s3.headObject(key: keys[0]) == nil)
        do {
            _ = try await s3.getObject(key: keys[0])
            Issue.record("a deleted object was read")
        } catch let e as S3Error {
            #expect(e.status == 404 && e.code == "NoSuchKey")
        }
        for key in keys.dropFirst() { try await s3.deleteObject(key: key) }
        #expect(try await s3.listAllObjects(prefix: prefix).isEmpty)
    }

    @Test("a wrong secret key is refused with 403 and the store's reason")
    func wrongSecret() async throws {
        var configuration = try #require(Self.configuration)
        configuration.secretKey += "x"
        do {
            try await S3Client(configuration).putObject(key: "refused.txt", body: [1, 2, 3])
            Issue.record("a request signed with a wrong secret was accepted")
        } catch let e as S3Error {
            #expect(e.status == 403)
            #expect(e.code == "SignatureDoesNotMatch")
            #expect(e.description.contains("PUT"))
        }
    }

    @Test("an unreachable endpoint is an error that says so")
    func unreachable() async throws {
        var configuration = try #require(Self.configuration)
        configuration.endpoint = URL(string: "http://127.0.0.1:9")!
        await #expect(throws: S3Error.self) { try await S3Client(configuration).getObject(key: "x") }
    }

    @Test(
        "ingest, archive, read every object back: each event once, byte-for-byte its stored JSON",
        arguments: PrivacyBackend.available)
    func archiveRoundTrip(backend: PrivacyBackend) async throws {
        // setup: 3,000 events over ~25 days in two requests
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-s3e2e-\(UUID().uuidString)")
        let runtime = try await backend.runtime(dataDirectory: dir)
        let ws = try await runtime.stores.workspaces.createWorkspace(name: "s3-\(UUID().uuidString.prefix(8).lowercased())")
        let events = (0..<3_000).map { i in
            let t = Date(timeIntervalSince1970: 1_717_200_000 + Double(i) * 731)
            return Event(
                messageId: "msg-\(i)", type: i % 10 == 0 ? .identify : .track, userId: "user-\(i % 97)",
                event: i % 10 == 0 ? nil : "Order Completed", timestamp: t, receivedAt: t,
                properties: .object(["revenue": .number(Double(i % 50) + 0.25), "sku": .string("SKU-\(i % 13) «x»")]),
                traits: i % 10 == 0 ? .object(["email": .string("u\(i)@example.org")]) : nil)
        }
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: Array(events[..<1_700]))])
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: Array(events[1_700...]))])
        let stored = try await runtime.stores.events.allEvents(in: ws.id)
        let settings = EventArchiveSettings(
            s3: try #require(Self.configuration), prefix: "e2e-\(UUID().uuidString.prefix(8))", batchSize: 1_000)
        // MUT
        let result = try await settings.archiver(runtime: runtime).archive(workspaceId: ws.id)
        // validate: list and read back every object
        #expect(result.events == 3_000)
        let s3 = S3Client(settings.s3)
        let listed = try await s3.listAllObjects(prefix: settings.prefix + "/workspace=\(ws.id)/")
        #expect(listed.count == result.objects)
        var seen: [String: Int] = [:]
        var fromArchive: [Int64: String] = [:]
        for object in listed {
            let day = object.key.split(separator: "/")[2]
            for (seq, event) in try ArchiveSegment.decode(try await s3.getObject(key: object.key)) {
                seen[event.messageId, default: 0] += 1
                fromArchive[seq] = event.json.serialized()
                #expect(day == "date=" + String(ISO8601DateFormatter().string(from: event.timestamp).prefix(10)))
            }
        }
        #expect(seen.count == 3_000 && seen.values.allSatisfy { $0 == 1 })
        for s in stored { #expect(fromArchive[s.sequence] == s.event.json.serialized()) }
        let status = try await EventArchiveStatus.all(sinkId: settings.sinkId, runtime: runtime).first { $0.workspaceId == ws.id }
        #expect(status?.eventsArchived == 3_000 && status?.eventsBehind == 0 && status?.archivedThrough == stored.last?.sequence)
        for object in listed { try await s3.deleteObject(key: object.key) }
        try await runtime.close()
    }
}
