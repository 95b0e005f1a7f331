import BeaconCore
import BeaconStore

/// Groups concurrent appends into one store transaction ("group commit").
///
/// Each caller waits until its events are committed, so an acknowledgement still means
/// durable; but while one transaction is being written, every batch that arrives queues up
/// and goes into the *next* transaction together. Under load, N concurrent requests cost
/// about one fsync instead of N — the technique of database write-ahead logs
/// (DeWitt et al., "Implementation techniques for main memory database systems", 1984).
public actor GroupCommitter {
    let store: any EventStore
    private var pending: [(batch: EventBatch, continuation: CheckedContinuation<AppendResult, any Error>)] = []
    private var draining = false
    /// Caps one transaction so a burst cannot build an unbounded one.
    let maxEventsPerCommit: Int

    /// Number of transactions committed and batches carried, for metrics and tests.
    public private(set) var commits = 0
    public private(set) var batchesCommitted = 0

    /// Told which workspaces got new events after each commit (profile projection).
    let onCommit: (@Sendable ([String]) -> Void)?

    public init(store: any EventStore, maxEventsPerCommit: Int = 20_000, onCommit: (@Sendable ([String]) -> Void)? = nil) {
        self.store = store
        self.maxEventsPerCommit = maxEventsPerCommit
        self.onCommit = onCommit
    }

    /// Appends one batch; returns after the transaction carrying it has committed.
    public func append(_ batch: EventBatch) async throws -> AppendResult {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((batch, continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            var take = 0
            var events = 0
            while take < pending.count, take == 0 || events + pending[take].batch.events.count <= maxEventsPerCommit {
                events += pending[take].batch.events.count
                take += 1
            }
            let group = Array(pending.prefix(take))
            pending.removeFirst(take)
            do {
                let results = try await store.append(group.map(\.batch))
                commits += 1
                batchesCommitted += group.count
                for (item, result) in zip(group, results) { item.continuation.resume(returning: result) }
                onCommit?(zip(group, results).filter { $0.1.inserted > 0 }.map { $0.0.batch.workspaceId })
            } catch {
                for item in group { item.continuation.resume(throwing: error) }
            }
        }
        draining = false
    }
}
