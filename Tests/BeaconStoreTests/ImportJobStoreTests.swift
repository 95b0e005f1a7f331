import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite("Import job store")
struct ImportJobStoreTests {
    @Test("jobs are inserted, updated in place, listed newest first and kept per workspace", arguments: StoreBackend.available)
    func jobs(_ backend: StoreBackend) async throws {
        let store = try await backend.open()
        let jobs = store.importJobs
        let ws = try await store.workspaces.createWorkspace(name: uniqueName())
        let other = try await store.workspaces.createWorkspace(name: uniqueName())
        let t0 = Timestamp.parse("2025-03-01T10:00:00Z")!
        var first = ImportJob(workspaceId: ws.id, id: "job-1", kind: .orders, fileName: "orders.csv", startedAt: t0)
        let second = ImportJob(
            workspaceId: ws.id, id: "job-2", kind: .events, fileName: "events.jsonl", startedAt: t0.addingTimeInterval(60),
            rowsRead: 10, rowsSkipped: 1, eventsStored: 9, progressDone: 10, progressTotal: 10, state: .failed,
            finishedAt: t0.addingTimeInterval(90), error: "disk full")
        try await jobs.saveImportJob(first)
        try await jobs.saveImportJob(second)
        try await jobs.saveImportJob(
            ImportJob(workspaceId: other.id, id: "job-1", kind: .spend, fileName: "spend.csv", startedAt: t0))
        #expect(try await jobs.importJob(workspaceId: ws.id, id: "job-1") == first)
        #expect(try await jobs.importJob(workspaceId: ws.id, id: "job-2") == second)

        first.rowsRead = 4_000
        first.rowsSkipped = 3
        first.eventsStored = 1_200
        first.progressDone = 4_000
        first.progressTotal = 10_000
        try await jobs.saveImportJob(first)
        #expect(try await jobs.importJob(workspaceId: ws.id, id: "job-1")?.fraction == 0.4)
        first.state = .finished
        first.finishedAt = t0.addingTimeInterval(120)
        try await jobs.saveImportJob(first)

        let listed = try await jobs.importJobs(workspaceId: ws.id, limit: 10)
        #expect(listed == [second, first])
        #expect(try await jobs.importJobs(workspaceId: ws.id, limit: 1).map(\.id) == ["job-2"])
        #expect(try await jobs.importJobs(workspaceId: other.id, limit: 10).map(\.kind) == [.spend])
        #expect(try await jobs.importJob(workspaceId: other.id, id: "job-2") == nil)
        try await store.close()
    }
}
