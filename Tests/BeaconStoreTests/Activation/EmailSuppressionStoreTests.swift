import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite("Email suppression store")
struct EmailSuppressionStoreTests {
    let t0 = Timestamp.parse("2026-01-05T10:00:00Z")!

    @Test(
        "an address is suppressed once per workspace, found in any case, listed newest first and removable",
        arguments: StoreBackend.available)
    func suppressions(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ws = try await store.workspaces.createWorkspace(name: uniqueName()).id
        let other = try await store.workspaces.createWorkspace(name: uniqueName()).id
        let list = store.emailSuppressions
        let bounce = EmailSuppression(
            workspaceId: ws, address: "Ann@Example.com", reason: .bounce, detail: "550 5.1.1", createdAt: t0)
        #expect(try await list.suppress(bounce))
        // The second suppression of the same address keeps the first reason and date.
        #expect(
            try await !list.suppress(
                EmailSuppression(
                    workspaceId: ws, address: "ann@example.com", reason: .unsubscribe, detail: "",
                    createdAt: t0.addingTimeInterval(60))))
        try await list.suppress(
            EmailSuppression(
                workspaceId: ws, address: "bob@example.com", reason: .unsubscribe, detail: "one-click",
                createdAt: t0.addingTimeInterval(120)))
        let found = try #require(try await list.suppression(workspaceId: ws, address: "ANN@example.COM"))
        #expect(found.address == "ann@example.com" && found.reason == .bounce && found.createdAt == t0)
        #expect(try await list.suppression(workspaceId: other, address: "ann@example.com") == nil)
        #expect(
            try await list.suppressions(workspaceId: ws, limit: 10).map(\.address) == [
                "bob@example.com", "ann@example.com",
            ])
        #expect(try await list.suppressions(workspaceId: ws, limit: 1).count == 1)
        #expect(try await list.remove(workspaceId: ws, address: "Ann@example.com"))
        #expect(try await !list.remove(workspaceId: ws, address: "ann@example.com"))
        #expect(try await list.suppression(workspaceId: ws, address: "ann@example.com") == nil)
        try await store.close()
    }
}
