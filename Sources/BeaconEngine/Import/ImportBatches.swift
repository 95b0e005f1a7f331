import BeaconCore
import BeaconStore
import Foundation

/// Stores an import's checked events in chunks, counting what was new and what was already
/// there, with progress after each chunk; the one storing loop of every importer.
enum ImportBatches {
    static func store(
        _ events: [Event], workspaceId: String, in store: any EventStore, chunkSize: Int, report: inout ImportReport,
        progress: @Sendable (ImportProgress) async -> Void
    ) async throws {
        var start = 0
        while start < events.count {
            let end = min(start + chunkSize, events.count)
            let result = try await store.append([EventBatch(workspaceId: workspaceId, events: Array(events[start..<end]))])[0]
            report.eventsStored += result.inserted
            report.duplicates += result.duplicates
            start = end
            await progress(ImportProgress(phase: .storing, done: end, total: events.count, report: report))
        }
        if events.isEmpty { await progress(ImportProgress(phase: .storing, done: 0, total: 0, report: report)) }
    }
}
