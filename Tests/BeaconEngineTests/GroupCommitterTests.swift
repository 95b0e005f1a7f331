import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Group commit")
struct GroupCommitterTests {
    @Test("Concurrent appends share transactions, and each caller gets its own result")
    func groups() async throws {
        let stores = try await makeSQLiteStore()
        let store = SlowCountingStore(base: stores.events, delay: .milliseconds(30))
        let ws = try await stores.workspaces.createWorkspace(name: "g")
        let committer = GroupCommitter(store: store)
        let t = Date(timeIntervalSince1970: 1_700_000_000)
        let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for i in 0..<200 {
                group.addTask {
                    // Every tenth request repeats the previous request's id: a duplicate.
                    let id = i % 10 == 9 ? "m\(i - 1)" : "m\(i)"
                    let e = Event(messageId: id, type: .track, userId: "u", event: "e", timestamp: t, receivedAt: t)
                    return try await committer.append(EventBatch(workspaceId: ws.id, events: [e]))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 200)
        #expect(results.reduce(0) { $0 + $1.inserted } == 180)
        #expect(results.reduce(0) { $0 + $1.duplicates } == 20)
        #expect(try await store.eventCount(in: ws.id) == 180)
        // 200 requests, far fewer transactions: the point of group commit.
        #expect(store.appendCalls < 40)
        #expect(await committer.commits == store.appendCalls)
        #expect(await committer.batchesCommitted == 200)
    }
}
