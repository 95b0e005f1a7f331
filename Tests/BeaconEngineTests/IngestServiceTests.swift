import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Ingest pipeline")
struct IngestServiceTests {
    func setUp() async throws -> (BeaconRuntime, Workspace, String) {
        let runtime = BeaconRuntime(stores: try await makeSQLiteStore())
        let (ws, key) = try await runtime.workspaces.create(name: "shop")
        return (runtime, ws, key)
    }

    func ingest(_ runtime: BeaconRuntime, _ json: String, _ endpoint: IngestEndpoint, key: String?) async throws -> IngestService.Outcome {
        try await runtime.ingest.ingest(body: Array(json.utf8), endpoint: endpoint, writeKey: key)
    }

    @Test("Write key from Basic auth or from the body; unknown and missing keys refused")
    func auth() async throws {
        let (runtime, ws, key) = try await setUp()
        #expect(try await ingest(runtime, #"{"userId":"u","event":"e"}"#, .track, key: key).workspace == ws)
        #expect(try await ingest(runtime, #"{"userId":"u","event":"e","writeKey":"\#(key)"}"#, .track, key: nil).accepted == 1)
        await #expect(throws: IngestError.unauthorized("unknown write key")) {
            try await ingest(runtime, #"{"userId":"u","event":"e"}"#, .track, key: "bk_nope")
        }
        await #expect(throws: IngestError.self) { try await ingest(runtime, #"{"userId":"u","event":"e"}"#, .track, key: nil) }
        #expect(try await runtime.stores.events.eventCount(in: ws.id) == 2)
    }

    @Test("A batch with one invalid event is rejected whole, naming its index")
    func batchAllOrNothing() async throws {
        let (runtime, ws, key) = try await setUp()
        let body = #"{"batch":[{"type":"track","userId":"u","event":"a"},{"type":"identify","userId":"u"},{"type":"track","userId":"u"}]}"#
        await #expect(throws: IngestError.invalid(EventValidationError(field: "event", reason: "is required for track", index: 2))) {
            try await ingest(runtime, body, .batch, key: key)
        }
        #expect(try await runtime.stores.events.eventCount(in: ws.id) == 0)
    }

    @Test("Duplicates are acknowledged and stored once")
    func duplicates() async throws {
        let (runtime, ws, key) = try await setUp()
        let body = #"{"batch":[{"type":"track","userId":"u","event":"a","messageId":"x"},{"type":"track","userId":"u","event":"a","messageId":"y"}]}"#
        let first = try await ingest(runtime, body, .batch, key: key)
        let second = try await ingest(runtime, body, .import, key: key)
        #expect(first.accepted == 2 && first.duplicates == 0)
        #expect(second.accepted == 0 && second.duplicates == 2)
        #expect(try await runtime.stores.events.eventCount(in: ws.id) == 2)
    }

    @Test("Size limits: 32 KB per event, 500 KB per batch")
    func sizeLimits() async throws {
        let (runtime, _, key) = try await setUp()
        let big = String(repeating: "x", count: 33 * 1024)
        await #expect(throws: IngestError.tooLarge(field: "body", limit: 32 * 1024)) {
            try await ingest(runtime, #"{"userId":"u","event":"e","properties":{"p":"\#(big)"}}"#, .track, key: key)
        }
        await #expect(throws: IngestError.tooLarge(field: "batch[1]", limit: 32 * 1024)) {
            try await ingest(runtime, #"{"batch":[{"type":"track","userId":"u","event":"e"},{"type":"track","userId":"u","event":"e","properties":{"p":"\#(big)"}}]}"#, .batch, key: key)
        }
        let items = (0..<20).map { _ in #"{"type":"track","userId":"u","event":"e","properties":{"p":"\#(String(repeating: "y", count: 30 * 1024))"}}"# }
        await #expect(throws: IngestError.tooLarge(field: "body", limit: 500 * 1024)) {
            try await ingest(runtime, #"{"batch":[\#(items.joined(separator: ","))]}"#, .batch, key: key)
        }
    }

    @Test("Malformed bodies are 400s naming the problem")
    func malformed() async throws {
        let (runtime, _, key) = try await setUp()
        for (body, endpoint, field) in [
            ("{not json", IngestEndpoint.track, "(body)"), ("[1]", .track, "(body)"), (#"{"batch":{}}"#, .batch, "batch"),
            (#"{"batch":[]}"#, .batch, "batch"), (#"{"userId":"u"}"#, .batch, "batch"),
        ] {
            do {
                _ = try await ingest(runtime, body, endpoint, key: key)
                Issue.record("accepted \(body)")
            } catch IngestError.invalid(let e) {
                #expect(e.field == field, "\(body)")
            }
        }
    }
}
