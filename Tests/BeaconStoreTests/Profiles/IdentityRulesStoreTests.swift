import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite("Identity rules store")
struct IdentityRulesStoreTests {
    @Test(
        "versions per workspace: saved in log order, replaced at the same sequence, collapsed by a rebuild; reset keeps them",
        arguments: StoreBackend.available)
    func versions(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let ps = store.identityRules
        let ws = try await store.workspaces.createWorkspace(name: uniqueName())
        let other = try await store.workspaces.createWorkspace(name: uniqueName())
        let at = Timestamp.parse("2025-05-01T00:00:00Z")!
        #expect(try await ps.identityRules(workspaceId: ws.id).isEmpty)
        let strict = IdentityRules(
            extraBlockedValues: ["shared@shop.com"], defaultCallingCode: "44",
            mergeKinds: ["user_id", "external"], kindLimits: ["user_id": 1, "email": 2])
        let loose = IdentityRules(maxUserIdsPerProfile: 3, maxIdentifiersPerProfile: 20)
        try await ps.saveIdentityRules(
            IdentityRulesVersion(workspaceId: ws.id, afterSeq: 40, rules: loose, updatedAt: at), replacingHistory: false
        )
        try await ps.saveIdentityRules(
            IdentityRulesVersion(workspaceId: ws.id, afterSeq: 7, rules: strict, updatedAt: at), replacingHistory: false
        )
        var versions = try await ps.identityRules(workspaceId: ws.id)
        #expect(versions.map(\.afterSeq) == [7, 40])
        #expect(versions.map(\.rules) == [strict, loose])
        #expect(versions.first?.updatedAt == at)
        #expect(try await ps.identityRules(workspaceId: other.id).isEmpty)

        // The same sequence again replaces that version.
        try await ps.saveIdentityRules(
            IdentityRulesVersion(workspaceId: ws.id, afterSeq: 40, rules: strict, updatedAt: at),
            replacingHistory: false)
        versions = try await ps.identityRules(workspaceId: ws.id)
        #expect(versions.map(\.rules) == [strict, strict])

        // Rules are configuration, not derived data: a profile reset keeps them.
        try await store.profiles.resetProfiles(workspaceId: ws.id)
        #expect(try await ps.identityRules(workspaceId: ws.id).count == 2)

        try await ps.saveIdentityRules(
            IdentityRulesVersion(workspaceId: ws.id, afterSeq: 0, rules: loose, updatedAt: at), replacingHistory: true)
        versions = try await ps.identityRules(workspaceId: ws.id)
        #expect(versions.map(\.afterSeq) == [0])
        #expect(versions.first?.rules == loose)
        try await store.close()
    }
}
