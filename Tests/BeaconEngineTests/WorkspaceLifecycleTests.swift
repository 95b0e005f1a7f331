import BeaconCore
import BeaconStore
import Foundation
import Testing

@testable import BeaconEngine

/// Renaming and deleting workspaces, and listing and revoking API tokens, on both backends.
@Suite("Workspace lifecycle and API tokens")
struct WorkspaceLifecycleTests {
    @Test("An API token can be listed by fingerprint and revoked; a revoked token no longer reads", arguments: ProfileBackend.available)
    func revokeToken(_ backend: ProfileBackend) async throws {
        let f = try await ProfileFixture.make(backend)
        let service = WorkspaceService(store: f.store.workspaces)
        let reader = try await f.engine.createAPIToken(workspaceId: f.workspace.id, label: "reader")
        let report = try await f.engine.createAPIToken(workspaceId: f.workspace.id, label: "report")
        let tokens = try await service.apiTokens(of: f.workspace)
        #expect(Set(tokens.map(\.label)) == ["reader", "report"])
        #expect(tokens.allSatisfy { $0.hash.count == 64 && !$0.hash.contains("bt_") })
        let readerHash = WriteKey.hash(reader)
        #expect(tokens.first { $0.label == "reader" }?.fingerprint == String(readerHash.prefix(12)))

        await #expect(throws: WorkspaceError.self) { try await service.revokeAPIToken(of: f.workspace, fingerprint: "abc") }
        await #expect(throws: WorkspaceError.self) {
            try await service.revokeAPIToken(of: f.workspace, fingerprint: "00000000")
        }
        let revoked = try await service.revokeAPIToken(of: f.workspace, fingerprint: String(readerHash.prefix(10)))
        #expect(revoked.label == "reader")
        #expect(try await f.engine.workspace(forAPIToken: reader) == nil)
        #expect(try await f.engine.workspace(forAPIToken: report)?.id == f.workspace.id)
        #expect(try await service.apiTokens(of: f.workspace).map(\.label) == ["report"])
    }

    @Test("Rename keeps id and data and refuses a taken or invalid name", arguments: ProfileBackend.available)
    func rename(_ backend: ProfileBackend) async throws {
        let f = try await ProfileFixture.make(backend)
        let service = WorkspaceService(store: f.store.workspaces)
        let (other, _) = try await service.create(name: "o-\(UUID().uuidString.prefix(8).lowercased())")
        let newName = "r-\(UUID().uuidString.prefix(8).lowercased())"
        let renamed = try await service.rename(f.workspace, to: newName)
        #expect(renamed.id == f.workspace.id)
        #expect(try await service.named(newName)?.id == f.workspace.id)
        #expect(try await service.named(f.workspace.name) == nil)
        await #expect(throws: StoreError.self) { try await service.rename(renamed, to: other.name) }
        await #expect(throws: WorkspaceError.self) { try await service.rename(renamed, to: "bad name") }
        #expect(try await service.named(newName)?.id == f.workspace.id)
    }

    @Test(
        "Delete removes the workspace's events, profiles, keys and tokens, and nothing of another workspace",
        arguments: ProfileBackend.available)
    func delete(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        let service = WorkspaceService(store: f.store.workspaces)
        let (other, otherKey) = try await service.create(name: "k-\(UUID().uuidString.prefix(8).lowercased())")
        let key = try await service.addWriteKey(to: f.workspace, label: "site")
        let token = try await f.engine.createAPIToken(workspaceId: f.workspace.id, label: "api")
        try await f.send([
            f.event(.track, user: "u1", name: "Order Completed", daysAgo: 2, properties: ["revenue": 10]),
            f.event(.identify, user: "u2", daysAgo: 1),
        ])
        let otherEvent = Event(
            messageId: "keep-1", type: .track, userId: "x", event: "Signed Up", timestamp: ProfileFixture.now,
            receivedAt: ProfileFixture.now)
        _ = try await f.store.events.append([EventBatch(workspaceId: other.id, events: [otherEvent])])
        #expect(try await f.store.events.eventCount(in: f.workspace.id) == 2)
        #expect(try await service.workspace(forWriteKey: key)?.id == f.workspace.id)

        #expect(try await service.delete(f.workspace))
        #expect(try await service.named(f.workspace.name) == nil)
        #expect(try await f.store.events.eventCount(in: f.workspace.id) == 0)
        #expect(try await f.profileStore.profileCount(workspaceId: f.workspace.id) == 0)
        #expect(try await service.workspace(forWriteKey: key) == nil)
        #expect(try await f.engine.workspace(forAPIToken: token) == nil)
        #expect(try await service.delete(f.workspace) == false)
        // The other workspace keeps its events and key.
        #expect(try await f.store.events.eventCount(in: other.id) == 1)
        #expect(try await service.workspace(forWriteKey: otherKey)?.id == other.id)
    }
}
