import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite("Write keys: list and revoke")
struct WriteKeyStoreTests {
    @Test("Keys list oldest first per workspace; revoking removes exactly one and only in its workspace", arguments: StoreBackend.available)
    func listAndRevoke(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let keys = store.workspaces
        let a = try await store.workspaces.createWorkspace(name: uniqueName("keys-a"))
        let b = try await store.workspaces.createWorkspace(name: uniqueName("keys-b"))
        // Hashes are unique across runs: the PostgreSQL store is shared and keeps them.
        func hash() -> String { (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "").lowercased() }
        let h1 = hash(), h2 = hash(), h3 = hash()
        try await store.workspaces.addWriteKey(hash: h1, workspaceId: a.id, label: "website")
        try await store.workspaces.addWriteKey(hash: h2, workspaceId: a.id, label: "app")
        try await store.workspaces.addWriteKey(hash: h3, workspaceId: b.id, label: "other")
        let listed = try await keys.writeKeys(workspaceId: a.id)
        #expect(Set(listed.map(\.hash)) == [h1, h2])
        #expect(listed.first { $0.hash == h1 }?.label == "website")
        #expect(listed.first?.fingerprint.count == 12)
        #expect(try await !keys.revokeWriteKey(workspaceId: a.id, hash: h3), "another workspace's key is not ours to revoke")
        #expect(try await keys.revokeWriteKey(workspaceId: a.id, hash: h1))
        #expect(try await keys.writeKeys(workspaceId: a.id).map(\.hash) == [h2])
        #expect(try await store.workspaces.workspace(writeKeyHash: h1) == nil)
        #expect(try await store.workspaces.workspace(writeKeyHash: h3)?.id == b.id)
    }
}
