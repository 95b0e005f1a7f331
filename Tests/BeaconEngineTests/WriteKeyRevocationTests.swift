import BeaconCore
import BeaconStore
import Foundation
import Synchronization
import Testing

@testable import BeaconEngine

@Suite("Write key revocation")
struct WriteKeyRevocationTests {
    @Test("Revoking by fingerprint: at least 8 hex digits, exactly one match; the cache forgets it; another process's revocation expires with the cache")
    func revoke() async throws {
        let store = try await ProfileBackend.sqlite.open()
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let service = WorkspaceService(store: store.workspaces, cacheLifetime: 60, clock: { now.withLock { $0 } })
        let (ws, first) = try await service.create(name: "rk-\(UUID().uuidString.prefix(6).lowercased())")
        let second = try await service.addWriteKey(to: ws, label: "app")
        #expect(try await service.workspace(forWriteKey: first)?.id == ws.id)
        #expect(try await service.writeKeys(of: ws).map(\.label).sorted() == ["app", "default"])
        await #expect(throws: WorkspaceError.self) { try await service.revokeWriteKey(of: ws, fingerprint: "12ab") }
        await #expect(throws: WorkspaceError.self) { try await service.revokeWriteKey(of: ws, fingerprint: "zzzzzzzz") }
        await #expect(throws: WorkspaceError.self) { try await service.revokeWriteKey(of: ws, fingerprint: "00000000") }
        let revoked = try await service.revokeWriteKey(of: ws, fingerprint: String(WriteKey.hash(first).prefix(8)).uppercased())
        #expect(revoked.label == "default")
        #expect(try await service.workspace(forWriteKey: first) == nil)
        #expect(try await service.workspace(forWriteKey: second)?.id == ws.id)
        // Revoked behind the service's back (another process): trusted until the cache entry expires.
        _ = try await store.workspaces.revokeWriteKey(workspaceId: ws.id, hash: WriteKey.hash(second))
        #expect(try await service.workspace(forWriteKey: second)?.id == ws.id)
        now.withLock { $0 += 61 }
        #expect(try await service.workspace(forWriteKey: second) == nil)
    }
}
