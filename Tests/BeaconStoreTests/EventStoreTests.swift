import BeaconCore
import BeaconStore
import Foundation
import Testing

/// One suite, run against every backend: the two stores must behave identically.
@Suite("Event store")
struct EventStoreTests {
    static let t0 = Timestamp.parse("2024-03-01T10:00:00Z")!

    func event(_ id: String, user: String = "u1", name: String = "Clicked", at offset: TimeInterval = 0) -> Event {
        Event(messageId: id, type: .track, userId: user, event: name, timestamp: Self.t0 + offset,
              originalTimestamp: Self.t0 + offset, receivedAt: Self.t0 + offset + 1,
              properties: .object(["n": .number(offset), "s": .string("é \"q\"")]), context: .object(["ip": .string("1.2.3.4")]))
    }

    @Test("Migrations are idempotent", arguments: StoreBackend.available)
    func migrateTwice(backend: StoreBackend) async throws {
        let store = try await backend.open()
        try await store.migrate()
        try await store.migrate()
        try await store.close()
    }

    @Test("Workspaces: create, look up, names are unique", arguments: StoreBackend.available)
    func workspaces(backend: StoreBackend) async throws {
        let store = try await backend.open()
        let name = uniqueName()
        let ws = try await store.workspaces.createWorkspace(name: name)
        #expect(try await store.workspaces.workspace(named: name) == ws)
        #expect(try await store.workspaces.workspace(id: ws.id)?.name == name)
        #expect(try await store.workspaces.listWorkspaces().contains(ws))
        await #expect(throws: StoreError.self) { try await store.workspaces.createWorkspace(name: name) }
        #expect(try await store.workspaces.workspace(named: uniqueName()) == nil)
        try await store.close()
    }

    @Test("Write keys resolve to their workspace by hash only", arguments: StoreBackend.available)
    func writeKeys(backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ws = try await store.workspaces.createWorkspace(name: uniqueName())
        let hash = UUID().uuidString
        try await store.workspaces.addWriteKey(hash: hash, workspaceId: ws.id, label: "default")
        #expect(try await store.workspaces.workspace(writeKeyHash: hash) == ws)
        #expect(try await store.workspaces.workspace(writeKeyHash: "not-" + hash) == nil)
        try await store.close()
    }

    @Test("Append stores each messageId once and reports duplicates per batch", arguments: StoreBackend.available)
    func dedupe(backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ws = try await store.workspaces.createWorkspace(name: uniqueName())
        let first = try await store.events.append([
            EventBatch(workspaceId: ws.id, events: [event("a"), event("b"), event("a")]),
            EventBatch(workspaceId: ws.id, events: [event("b"), event("c")]),
        ])
        #expect(first == [AppendResult(inserted: 2, duplicates: 1), AppendResult(inserted: 1, duplicates: 1)])
        let again = try await store.events.append([EventBatch(workspaceId: ws.id, events: [event("a"), event("d")])])
        #expect(again == [AppendResult(inserted: 1, duplicates: 1)])
        #expect(try await store.events.eventCount(in: ws.id) == 4)
        #expect(try await store.events.containsEvent(workspaceId: ws.id, messageId: "d"))
        #expect(try await !store.events.containsEvent(workspaceId: ws.id, messageId: "z"))
        try await store.close()
    }

    @Test("Events read back equal, in append order, paged by sequence", arguments: StoreBackend.available)
    func readBack(backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ws = try await store.workspaces.createWorkspace(name: uniqueName())
        let written = (0..<25).map { event("m\($0)", at: Double($0) * 60) }
        _ = try await store.events.append([EventBatch(workspaceId: ws.id, events: written)])
        let page1 = try await store.events.events(in: ws.id, after: nil, limit: 10)
        let page2 = try await store.events.events(in: ws.id, after: page1.last?.sequence, limit: 100)
        #expect(page1.count == 10 && page2.count == 15)
        #expect((page1 + page2).map(\.event) == written)
        #expect(zip(page1, page1.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
        try await store.close()
    }

    @Test("Tenancy: the same messageId in two workspaces is two events, each invisible to the other", arguments: StoreBackend.available)
    func tenancy(backend: StoreBackend) async throws {
        let store = try await backend.open()
        let a = try await store.workspaces.createWorkspace(name: uniqueName("a"))
        let b = try await store.workspaces.createWorkspace(name: uniqueName("b"))
        _ = try await store.events.append([EventBatch(workspaceId: a.id, events: [event("same", user: "alice")])])
        let r = try await store.events.append([EventBatch(workspaceId: b.id, events: [event("same", user: "bob"), event("only-b", user: "bob")])])
        #expect(r == [AppendResult(inserted: 2, duplicates: 0)])
        #expect(try await store.events.events(in: a.id, after: nil, limit: 100).map(\.event.userId) == ["alice"])
        #expect(try await store.events.events(in: b.id, after: nil, limit: 100).map(\.event.userId) == ["bob", "bob"])
        #expect(try await !store.events.containsEvent(workspaceId: a.id, messageId: "only-b"))
        try await store.close()
    }
}
