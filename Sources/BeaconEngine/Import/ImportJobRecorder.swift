import BeaconCore
import BeaconStore
import Foundation

/// Records one import run as an `ImportJob` in the store: created `running` when the import
/// starts, updated from each progress report (the importers report every chunk of a few
/// thousand rows), and closed as `finished` with the final counts or `failed` with the error.
///
/// A failed progress write is ignored: the import itself matters more than its status line, and the final write
/// repeats everything.
public actor ImportJobRecorder {
    let store: any ImportJobStore
    let clock: @Sendable () -> Date
    public private(set) var job: ImportJob

    /// Starts a job for `file` (recorded by its last path component).
    /// - Throws: the store's error when the job row cannot be written.
    public init(
        store: any ImportJobStore, workspaceId: String, kind: ImportJob.Kind, file: String,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws {
        self.store = store
        self.clock = clock
        job = ImportJob(
            workspaceId: workspaceId, id: UUID().uuidString.lowercased(), kind: kind,
            fileName: URL(fileURLWithPath: file).lastPathComponent, startedAt: clock())
        try await self.store.saveImportJob(job)
    }

    /// Copies progress and the running counts into the job and stores it.
    public func update(_ progress: ImportProgress) async {
        job.progressDone = progress.done
        job.progressTotal = progress.total
        if let report = progress.report { copy(report) }
        try? await store.saveImportJob(job)
    }

    /// Marks the job finished with the final report.
    public func finish(_ report: ImportReport) async throws {
        copy(report)
        job.progressDone = max(job.progressDone, job.progressTotal)
        job.state = .finished
        job.finishedAt = clock()
        try await store.saveImportJob(job)
    }

    /// Marks the job failed with `message`.
    public func fail(_ message: String) async {
        job.state = .failed
        job.error = message
        job.finishedAt = clock()
        try? await store.saveImportJob(job)
    }

    /// Runs an import with a progress callback that records progress, then finishes or fails
    /// the job (rethrowing the error).
    public nonisolated func run(
        _ body: @Sendable (_ progress: @escaping @Sendable (ImportProgress) async -> Void) async throws -> ImportReport
    ) async throws -> ImportReport {
        do {
            let report = try await body { p in await self.update(p) }
            try await finish(report)
            return report
        } catch {
            await fail((error as? ImportError)?.message ?? "\(error)")
            throw error
        }
    }

    private func copy(_ report: ImportReport) {
        job.rowsRead = report.rowsRead
        job.rowsSkipped = report.skippedTotal
        job.eventsStored = report.eventsStored
    }
}
