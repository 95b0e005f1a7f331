import BeaconCore
@testable import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Subject suppression")
struct SubjectSuppressionTests {
    static func track(_ runtime: BeaconRuntime, key: String, user: String, n: Int) async throws {
        let body: JSONValue = ["userId": .string(user), "event": "Tick", "properties": ["n": .number(Double(n))]]
        _ = try await runtime.ingest.ingest(body: Array(body.serialized().utf8), endpoint: .track, writeKey: key)
    }

    static func stored(_ runtime: BeaconRuntime, _ ws: Workspace, user: String) async throws -> Int {
        try await runtime.stores.profiles.timeline(
            workspaceId: ws.id, userIds: [user], anonymousIds: [], before: nil, limit: 1_000_000
        ).count
    }

    @Test("Race: from concurrent senders on two write keys, 0 events stored after the call returns", arguments: PrivacyBackend.available)
    func race(backend: PrivacyBackend) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-suppress-\(UUID().uuidString)")
        let runtime = try await backend.runtime(dataDirectory: dir)
        let (ws, key1) = try await runtime.workspaces.create(name: "suppress-\(UUID().uuidString.prefix(8))")
        let key2 = try await runtime.workspaces.addWriteKey(to: ws, label: "second")
        let user = "racer-\(UUID().uuidString.prefix(8))", other = "other-\(UUID().uuidString.prefix(8))"
        try await Self.track(runtime, key: key1, user: user, n: -1)
        let stop = ManagedAtomicFlag()
        let senders = (0..<8).map { i in
            Task {
                var n = 0
                while !stop.isSet {
                    try? await Self.track(runtime, key: i % 2 == 0 ? key1 : key2, user: i == 7 ? other : user, n: n)
                    n += 1
                }
            }
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        _ = try await runtime.privacy.suppress(workspaceId: ws.id, identifier: user, actor: AuditActor.commandLine)
        let atReturn = try await Self.stored(runtime, ws, user: user)
        let otherAtReturn = try await Self.stored(runtime, ws, user: other)
        try await Task.sleep(nanoseconds: 500_000_000)
        stop.set()
        for t in senders { await t.value }
        #expect(atReturn > 0)
        #expect(try await Self.stored(runtime, ws, user: user) == atReturn)
        #expect(try await Self.stored(runtime, ws, user: other) > otherAtReturn, "the other subject's events kept being stored")
        #expect((await runtime.privacy.droppedEvents()[ws.id] ?? 0) > 0)

        // Lifted: stored again from the next request.
        let list = try await runtime.privacy.suppressions(workspaceId: ws.id)
        #expect(list.count == 1)
        try await runtime.privacy.liftSuppression(workspaceId: ws.id, id: list[0].id, actor: AuditActor.commandLine)
        try await Self.track(runtime, key: key2, user: user, n: 999_999)
        #expect(try await Self.stored(runtime, ws, user: user) == atReturn + 1)
        try await runtime.close()
    }

    @Test("An unreadable suppression list fails the append: nothing is stored")
    func unreadableListFailsClosed() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-suppress-\(UUID().uuidString)")
        let runtime = try await PrivacyBackend.sqlite.runtime(dataDirectory: dir)
        let (ws, key) = try await runtime.workspaces.create(name: "closed")
        try await Self.track(runtime, key: key, user: "u", n: 0)
        let driver = try #require((runtime.stores.lifecycle as? any SQLBackend)?.driver)
        try await driver.execute("ALTER TABLE subject_suppression_versions RENAME TO unreadable", [])
        await #expect(throws: (any Error).self) { try await Self.track(runtime, key: key, user: "u", n: 1) }
        #expect(try await runtime.stores.events.eventCount(in: ws.id) == 1)
        try await runtime.close()
    }
}

/// A flag set once, read from many tasks.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
