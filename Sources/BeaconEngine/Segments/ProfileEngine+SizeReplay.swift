import BeaconCore
import Foundation

/// A segment's size at past instants, replayed from the event history.
public struct ReplayedSize: Sendable, Equatable {
    public var at: Date
    public var size: Int

    public init(at: Date, size: Int) {
        self.at = at
        self.size = size
    }
}

extension ProfileEngine {
    /// A segment's size at `end` and at each of the `points` instants `stepDays` apart before
    /// it, replayed from each profile's history (``Profile/replayed(asOf:history:)``: orders, emails,
    /// tickets and tracked events as of each instant; traits as last set, predictions as now).
    ///
    /// The size history recorded from entered/exited changes starts when the workspace's
    /// projection first ran, so imported history shows no growth; this gives it one. Instants
    /// more than a step before the first profile was seen are left out. The evaluation runs
    /// on a snapshot of the workspace, off the engine, so ingest is not held up meanwhile;
    /// its cost is profiles × points rule evaluations, so above `sampleLimit` profiles it
    /// replays an evenly spread sample of that many and scales the counts up (the sampled
    /// share's standard error is at most 0.5/√sampleLimit: 0.35 points at 20,000).
    /// - Returns: nil when there is no such segment.
    public nonisolated func replayedSizes(workspaceId: String, segmentId: String, through end: Date, points: Int = 52,
                                          stepDays: Int = 7, sampleLimit: Int? = nil) async throws -> [ReplayedSize]?
    {
        let s = try await serialized(workspaceId) { try await self.state(workspaceId) }
        guard let segment = s.segments.first(where: { $0.id == segmentId }) else { return nil }
        guard let earliest = s.profiles.profiles.values.map(\.firstSeen).min() else { return [] }
        let step = Double(max(1, stepDays)) * 86_400
        let instants = (0...max(0, points)).reversed().map { end.addingTimeInterval(-Double($0) * step) }
            .filter { $0.addingTimeInterval(step) > earliest }
        return zip(instants, s.replayedSizes(segment.rule, at: instants, sampleLimit: sampleLimit))
            .map { ReplayedSize(at: $0, size: $1) }
    }
}

extension WorkspaceState {
    /// How many profiles matched `rule` at each instant of `dates`, each profile replayed as
    /// it stood then; above `sampleLimit` profiles, every k-th profile in log order is
    /// replayed and the counts scaled by profiles / sampled.
    func replayedSizes(_ rule: SegmentRule, at dates: [Date], sampleLimit: Int? = nil) -> [Int] {
        var nodes = Array(profiles.profiles.keys)
        var scale = 1.0
        if let limit = sampleLimit, limit > 0, nodes.count > limit {
            nodes.sort()
            let stride = Double(nodes.count) / Double(limit)
            let sample = (0..<limit).map { nodes[Int(Double($0) * stride)] }
            scale = Double(nodes.count) / Double(sample.count)
            nodes = sample
        }
        var sizes = [Int](repeating: 0, count: dates.count)
        for node in nodes {
            guard let current = profiles.profiles[node] else { continue }
            let history = profiles.activities[node] ?? [:]
            for (i, date) in dates.enumerated() {
                guard let p = current.replayed(asOf: date, history: history) else { continue }
                let subject = ProfileSubject(profile: p, history: history, asOf: date, replaying: true)
                if rule.matches(subject, asOf: date) { sizes[i] += 1 }
            }
        }
        return scale == 1 ? sizes : sizes.map { Int((Double($0) * scale).rounded()) }
    }
}
