import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite("Workspace currency in the store")
struct WorkspaceCurrencyStoreTests {
    @Test(
        "A workspace keeps the currency it was created in, by name, id, write key and in the list; setting it changes only that workspace",
        arguments: StoreBackend.available)
    func roundTrip(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let euro = try await store.workspaces.createWorkspace(name: uniqueName("eur"), currency: "EUR")
        let plain = try await store.workspaces.createWorkspace(name: uniqueName("usd"))
        #expect(euro.currency == "EUR")
        #expect(plain.currency == "USD")
        #expect(try await store.workspaces.workspace(named: euro.name)?.currency == "EUR")
        #expect(try await store.workspaces.workspace(id: euro.id) == euro)
        let hash = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "").lowercased()
        try await store.workspaces.addWriteKey(hash: hash, workspaceId: euro.id, label: "site")
        #expect(try await store.workspaces.workspace(writeKeyHash: hash)?.currency == "EUR")

        try await store.workspaces.setCurrency(id: euro.id, to: "GBP")
        let listed = try await store.workspaces.listWorkspaces()
        #expect(listed.first { $0.id == euro.id }?.currency == "GBP")
        #expect(listed.first { $0.id == plain.id }?.currency == "USD")
        try await store.close()
    }
}
