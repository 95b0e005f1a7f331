import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// The results of a journey's split: people and conversions (the journey's goal) per variant,
/// each variant against the control (the holdout, else the first variant) with an always-valid
/// mSPRT p-value and interval, and the sample-ratio-mismatch check of the assignment.
///
/// The p-value is 1/Λ at the current counts, which is valid whenever it is read (the mSPRT's
/// guarantee holds at any stopping time), so the page can be watched without inflating false
/// positives.
public struct JourneyExperimentReport: Sendable, Equatable, Codable {
    public struct Arm: Sendable, Equatable, Codable {
        public var name: String
        public var weight: Double
        public var holdout: Bool
        public var people: Int
        public var conversions: Int
        /// Against the control (nil for the control itself).
        public var lift: Double?
        public var pValue: Double?
        public var lower: Double?
        public var upper: Double?
    }

    public var experiment: String
    public var step: String
    public var version: Int
    public var arms: [Arm]
    /// Pearson χ² p-value of the assignment counts against the weights; below 0.001 means a mismatch.
    public var sampleRatioPValue: Double
    public var sampleRatioMismatch: Bool

    /// The report of every split step of the live version, from the runs' variants and statuses.
    public static func reports(
        definition d: JourneyDefinition, version: Int, runs: [JourneyState], tau2: Double = 0.0001, alpha: Double = 0.05
    ) -> [JourneyExperimentReport] {
        d.steps.filter { $0.type == .split }.map { step in
            let variants = step.variants ?? []
            let names = Set(variants.map(\.name))
            let mine = runs.filter { $0.variant.map(names.contains) ?? false }
            var arms = variants.map { v -> Arm in
                let r = mine.filter { $0.variant == v.name }
                return Arm(
                    name: v.name, weight: v.weight, holdout: v.holdout ?? false, people: r.count,
                    conversions: r.filter { $0.status == .converted }.count)
            }
            let control = arms.firstIndex { $0.holdout } ?? 0
            let test = MixtureSPRT(tau2: tau2, alpha: alpha)
            for i in arms.indices where i != control {
                let look = MixtureSPRT.Look(
                    visitorsA: arms[control].people, conversionsA: arms[control].conversions,
                    visitorsB: arms[i].people, conversionsB: arms[i].conversions)
                let s = test.update(MixtureSPRT.State(), with: look)
                guard look.visitorsA > 0, look.visitorsB > 0 else { continue }
                arms[i].lift = s.difference
                arms[i].pValue = s.pValue
                arms[i].lower = s.lower.isFinite ? s.lower : nil
                arms[i].upper = s.upper.isFinite ? s.upper : nil
            }
            let srm = SampleRatioMismatch.test(counts: arms.map(\.people), weights: arms.map(\.weight))
            return JourneyExperimentReport(
                experiment: step.experiment ?? step.id, step: step.id, version: version, arms: arms,
                sampleRatioPValue: srm.pValue, sampleRatioMismatch: srm.pValue < 0.001)
        }
    }
}

extension JourneyService {
    /// The experiment reports of the live version's split steps.
    public func experiments(workspaceId: String, id: String) async throws -> [JourneyExperimentReport] {
        let j = try await journey(workspaceId: workspaceId, id: id)
        guard let live = j.liveVersion, let v = try await store.version(workspaceId: workspaceId, journeyId: id, version: live)
        else { return [] }
        let runs = try await store.states(workspaceId: workspaceId, journeyId: id, status: nil)
        return JourneyExperimentReport.reports(definition: v.definition, version: live, runs: runs)
    }
}
