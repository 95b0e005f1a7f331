import BeaconCore
import BeaconStore
import Foundation

/// What one scheduled recompute did for one workspace.
public struct WorkspaceRecompute: Sendable, Equatable {
    public var workspaceId: String
    /// Segments evaluated.
    public var segments: Int
    /// Segments whose members changed.
    public var segmentsChanged: Int
    /// Profiles that entered or exited a segment.
    public var entered: Int
    public var exited: Int
    /// The prediction refresh that ran first.
    public var predictions: PredictionReport

    public init(
        workspaceId: String, segments: Int, segmentsChanged: Int, entered: Int, exited: Int,
        predictions: PredictionReport
    ) {
        self.workspaceId = workspaceId
        self.segments = segments
        self.segmentsChanged = segmentsChanged
        self.entered = entered
        self.exited = exited
        self.predictions = predictions
    }
}

extension ProfileEngine {
    /// The scheduled work for one workspace: a catch-up with the log, the batch prediction refresh, then
    /// a full evaluation of every segment at the current time, so time-based conditions ("in
    /// the last 60 days", days since the last order) stay true without new events. Entered
    /// and exited records are written for every difference; segment sizes are recorded.
    /// - Parameter clusterCount: k for the persona clusters, or nil to choose it by silhouette.
    public func scheduledRecompute(workspaceId: String, clusterCount: Int? = nil) async throws -> WorkspaceRecompute {
        // Events appended without the live projection (imports, the demo) are folded first.
        try await catchUp(workspaceId: workspaceId)
        return try await committing(workspaceId) {
            let before = try await self.state(workspaceId).members
            let predictions = try await self.refreshNow(workspaceId, clusterCount: clusterCount)
            // The refresh re-evaluates every segment when it scored anyone; otherwise do it here.
            let sizes: [String: Int]
            if predictions.customers == 0 {
                sizes = try await self.recomputeAll(workspaceId)
            } else {
                sizes = try await self.recordSizes(workspaceId)
            }
            let after = await self.states[workspaceId]?.members ?? [:]
            var report = WorkspaceRecompute(
                workspaceId: workspaceId, segments: sizes.count, segmentsChanged: 0, entered: 0,
                exited: 0, predictions: predictions)
            for id in Set(before.keys).union(after.keys) {
                let was = before[id] ?? [], now = after[id] ?? []
                guard was != now else { continue }
                report.segmentsChanged += 1
                report.entered += now.subtracting(was).count
                report.exited += was.subtracting(now).count
            }
            return report
        }
    }

    /// Records the current segment sizes (size over time) and returns them.
    private func recordSizes(_ workspaceId: String) async throws -> [String: Int] {
        let s = try await state(workspaceId)
        let sizes = Dictionary(uniqueKeysWithValues: s.segments.map { ($0.id, s.members[$0.id]?.count ?? 0) })
        try await store.recordSegmentSizes(workspaceId: workspaceId, at: clock(), sizes: sizes)
        return sizes
    }
}
