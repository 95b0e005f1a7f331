import BeaconCore
import BeaconStore
import Foundation

/// Drops the events of suppressed subjects before they are stored, and makes a new
/// suppression take effect for everything appended after the call that made it returns.
///
/// Every append asks the gate first (`admit`): the gate reads the workspace's suppression
/// list version from the store (one indexed read; the hashes are reloaded only when it
/// changed) and removes events carrying a suppressed identifier. If the list cannot be read
/// the append fails, so ingest answers 503 and stores nothing rather than store events it
/// could not check. `suppressed(_:)` is called after a suppression is written: it waits
/// until every append that was admitted before the write has finished, so no event checked
/// against the old list is committed after it returns.
public actor SubjectSuppressionGate {
    let store: any PrivacyStore
    private var lists: [String: (version: Int64, hashes: Set<String>)] = [:]
    private var dropped: [String: Int] = [:]
    private var nextTicket = 0
    private var inFlight: Set<Int> = []
    private var waiters: [(before: Int, continuation: CheckedContinuation<Void, Never>)] = []

    public init(store: any PrivacyStore) {
        self.store = store
    }

    /// `batches` without the events of suppressed subjects, and the ticket to `finish` once
    /// the append is done.
    /// - Throws: the store's error when a suppression list cannot be read.
    func admit(_ batches: [EventBatch]) async throws -> (batches: [EventBatch], ticket: Int) {
        let ticket = nextTicket
        nextTicket += 1
        inFlight.insert(ticket)
        do {
            var out: [EventBatch] = []
            out.reserveCapacity(batches.count)
            var checked: [String: Set<String>] = [:]
            for batch in batches {
                let hashes: Set<String>
                if let h = checked[batch.workspaceId] {
                    hashes = h
                } else {
                    hashes = try await list(batch.workspaceId)
                    checked[batch.workspaceId] = hashes
                }
                guard !hashes.isEmpty else {
                    out.append(batch)
                    continue
                }
                var kept = batch
                kept.events = batch.events.filter { event in
                    !SubjectHash.values(in: event).contains { hashes.contains(SubjectHash.of($0, workspaceId: batch.workspaceId)) }
                }
                let n = batch.events.count - kept.events.count
                if n > 0 { dropped[batch.workspaceId, default: 0] += n }
                out.append(kept)
            }
            return (out, ticket)
        } catch {
            finish(ticket)
            throw error
        }
    }

    /// The workspace's suppressed hashes, reloaded when the stored version moved.
    private func list(_ workspaceId: String) async throws -> Set<String> {
        let version = try await store.suppressionVersion(workspaceId: workspaceId)
        if let cached = lists[workspaceId], cached.version == version { return cached.hashes }
        guard version > 0 else {
            lists[workspaceId] = (version, [])
            return []
        }
        let hashes = try await store.suppressedHashes(workspaceId: workspaceId)
        lists[workspaceId] = (version, hashes)
        return hashes
    }

    func finish(_ ticket: Int) {
        inFlight.remove(ticket)
        let oldest = inFlight.min() ?? Int.max
        let ready = waiters.filter { $0.before <= oldest }
        waiters.removeAll { $0.before <= oldest }
        for w in ready { w.continuation.resume() }
    }

    /// Returns once every append admitted before this call has finished; call it after a
    /// suppression is stored.
    public func suppressed(workspaceId: String) async {
        lists[workspaceId] = nil
        let before = nextTicket
        if (inFlight.min() ?? Int.max) >= before { return }
        await withCheckedContinuation { waiters.append((before, $0)) }
    }

    /// Events dropped per workspace since the process started (for `/metrics` and the dashboard).
    public func droppedCounts() -> [String: Int] { dropped }
}
