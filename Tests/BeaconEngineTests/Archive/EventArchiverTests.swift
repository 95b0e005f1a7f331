import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// An object store in memory that can be told to fail: the archiver's cursor logic on both
/// store backends, without a server.
actor MemoryArchiveDestination: ArchiveDestination {
    var objects: [String: [UInt8]] = [:]
    var puts = 0
    /// Fail the put with this (1-based) number, once.
    var failAt: Int?

    init(failAt: Int? = nil) { self.failAt = failAt }

    func putSegment(key: String, body: [UInt8]) async throws {
        puts += 1
        if puts == failAt {
            failAt = nil
            throw S3Error(operation: "PUT \(key)", status: 503, code: "SlowDown", message: "injected")
        }
        objects[key] = body
    }

    func failNext(at n: Int) { failAt = puts + n }
}

@Suite("Event archiver: batches, cursor, restart", .serialized)
struct EventArchiverTests {
    static let day: TimeInterval = 86_400
    static let start: TimeInterval = 1_717_200_000  // 2024-06-01T00:00:00Z

    /// `count` events spread over several UTC days, in log order.
    static func events(_ count: Int, from first: Int = 0) -> [Event] {
        (first..<first + count).map { i in
            let t = Date(timeIntervalSince1970: start + Double(i) * 3_600 * 5)  // 5 hours apart: ~5 a day
            return Event(
                messageId: "m\(i)", type: .track, userId: "u\(i % 7)", event: i % 3 == 0 ? "Order Completed" : "Viewed",
                timestamp: t, receivedAt: t, properties: .object(["i": .number(Double(i))]))
        }
    }

    /// Every event in the destination's objects, by message id, with the number of objects holding it.
    static func archived(_ destination: MemoryArchiveDestination) async throws -> [String: (seq: Int64, copies: Int)] {
        var out: [String: (Int64, Int)] = [:]
        for (_, body) in await destination.objects {
            for (seq, event) in try ArchiveSegment.decode(body) {
                out[event.messageId] = (seq, (out[event.messageId]?.1 ?? 0) + 1)
            }
        }
        return out
    }

    func setup(_ backend: PrivacyBackend) async throws -> (BeaconRuntime, Workspace) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-archiver-\(UUID().uuidString)")
        let runtime = try await backend.runtime(dataDirectory: dir)
        let ws = try await runtime.stores.workspaces.createWorkspace(name: "arch-\(UUID().uuidString.prefix(8).lowercased())")
        return (runtime, ws)
    }

    @Test("25 events in batches of 10: every event in exactly one object, cursor at the last", arguments: PrivacyBackend.available)
    func batches(backend: PrivacyBackend) async throws {
        // setup
        let (runtime, ws) = try await setup(backend)
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: Self.events(25))])
        let stored = try await runtime.stores.events.allEvents(in: ws.id)
        let destination = MemoryArchiveDestination()
        let archiver = EventArchiver(
            sinkId: "archive:test", prefix: "events", destination: destination, events: runtime.stores.events,
            cursors: runtime.stores.sinkCursors, batchSize: 10)
        // MUT
        var progress: [Int] = []
        let result = try await archiver.archive(workspaceId: ws.id) { progress.append($0) }
        // validate
        #expect(result.events == 25)
        #expect(progress == [10, 20, 25])
        #expect(result.lastSequence == stored.last!.sequence)
        let archived = try await Self.archived(destination)
        #expect(archived.count == 25)
        #expect(archived.values.allSatisfy { $0.copies == 1 })
        for s in stored { #expect(archived[s.event.messageId]?.seq == s.sequence) }
        // 25 events 5 h apart from midnight span 6 UTC days (the 25th, at 120 h, opens the sixth)
        #expect(await destination.objects.count == result.objects)
        let keys = await destination.objects.keys.sorted()
        #expect(Set(keys.map { $0.split(separator: "/")[2] }).count == 6)
        #expect(keys.allSatisfy { $0.hasPrefix("events/workspace=\(ws.id)/date=2024-06-0") })
        let cursor = try await runtime.stores.sinkCursors.cursor(sinkId: "archive:test", workspaceId: ws.id)
        #expect(cursor.lastSequence == stored.last!.sequence && cursor.pendingThrough == nil && cursor.eventsCopied == 25)
        // a second pass finds nothing new
        #expect(try await archiver.archive(workspaceId: ws.id).events == 0)
        #expect(await destination.puts == result.objects)
        try await runtime.close()
    }

    @Test("a batch interrupted after some objects is redone under the same names after new events arrived", arguments: PrivacyBackend.available)
    func interrupted(backend: PrivacyBackend) async throws {
        // setup: 15 events; the first batch of 10 spans 2 days (2 objects); the store fails on the batch's second object
        let (runtime, ws) = try await setup(backend)
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: Self.events(15))])
        let destination = MemoryArchiveDestination(failAt: 2)
        let archiver = EventArchiver(
            sinkId: "archive:test", prefix: "events", destination: destination, events: runtime.stores.events,
            cursors: runtime.stores.sinkCursors, batchSize: 10)
        // MUT: the first pass stops with the error and leaves the batch pending
        await #expect(throws: S3Error.self) { try await archiver.archive(workspaceId: ws.id) }
        let stuck = try await runtime.stores.sinkCursors.cursor(sinkId: "archive:test", workspaceId: ws.id)
        #expect(stuck.lastSequence == 0 && stuck.pendingThrough != nil)
        let firstKeys = Set(await destination.objects.keys)
        #expect(firstKeys.count == 1)
        // more events arrive before the restart; a fresh archiver (another process) resumes
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: Self.events(12, from: 15))])
        let resumed = EventArchiver(
            sinkId: "archive:test", prefix: "events", destination: destination, events: runtime.stores.events,
            cursors: runtime.stores.sinkCursors, batchSize: 10)
        let result = try await resumed.archive(workspaceId: ws.id)
        // validate: the object written before the failure was overwritten, not joined by a rival
        #expect(result.events == 27)
        #expect(firstKeys.isSubset(of: Set(await destination.objects.keys)))
        let archived = try await Self.archived(destination)
        #expect(archived.count == 27)
        #expect(archived.values.allSatisfy { $0.copies == 1 })
        let cursor = try await runtime.stores.sinkCursors.cursor(sinkId: "archive:test", workspaceId: ws.id)
        #expect(cursor.pendingThrough == nil && cursor.eventsCopied == 27)
        try await runtime.close()
    }

    @Test("a cursor moved by another process is refused, not overwritten", arguments: PrivacyBackend.available)
    func conflict(backend: PrivacyBackend) async throws {
        let (runtime, ws) = try await setup(backend)
        let cursors = runtime.stores.sinkCursors
        try await cursors.begin(sinkId: "s", workspaceId: ws.id, through: 10, at: Date())
        try await cursors.confirm(sinkId: "s", workspaceId: ws.id, from: 0, through: 10, count: 10, at: Date())
        await #expect(throws: StoreError.self) {
            try await cursors.confirm(sinkId: "s", workspaceId: ws.id, from: 0, through: 20, count: 10, at: Date())
        }
        let c = try await cursors.cursor(sinkId: "s", workspaceId: ws.id)
        #expect(c.lastSequence == 10 && c.eventsCopied == 10)
        #expect(try await cursors.cursors(sinkId: "s").map(\.workspaceId) == [ws.id])
        // each sink has its own cursor
        #expect(try await cursors.cursor(sinkId: "other", workspaceId: ws.id).lastSequence == 0)
        try await runtime.close()
    }
}
