import BeaconAnalytics
import Foundation

/// The marketing-mix model behind the channel, optimiser and what-if pages, fitted in the
/// background once per workspace and kept in memory.
///
/// Until Beacon imports ad spend, every workspace's model is fitted on the seeded TechStyle
/// demo data (`TechStyleGenerator`, seed 001: two years of daily spend on five channels).
/// A fit takes seconds in a release build, so the first request starts it and gets
/// `.fitting`; pages show the elapsed time and poll `/dashboard/api/mmm` until it is `.ready`.
actor MMMFitCache {
    /// Where a workspace's fit is.
    enum State: Sendable {
        case fitting(started: Date)
        case ready(MMMResult)
        case failed(String)
    }

    /// A finished fit with the data it was fitted on.
    struct MMMResult: Sendable {
        var data: MMMDataset
        var fit: MMMFit
        var seconds: Double
        /// Mean daily spend per channel over the fit's "current" window.
        var currentSpend: [Double] { fit.channels.map(\.currentSpend) }
    }

    private let specification: MMMSpecification
    private var states: [String: State] = [:]

    init(specification: MMMSpecification) {
        self.specification = specification
    }

    /// The state of `workspaceId`'s fit, starting it when there is none.
    func state(for workspaceId: String) -> State {
        if let state = states[workspaceId] { return state }
        let started = Date()
        states[workspaceId] = .fitting(started: started)
        let spec = specification
        Task.detached(priority: .utility) {
            let outcome: State
            do {
                let data = DashboardMMMData.techStyle
                let fit = try MarketingMixModel(spec).fit(data)
                outcome = .ready(MMMResult(data: data, fit: fit, seconds: Date().timeIntervalSince(started)))
            } catch {
                outcome = .failed("\(error)")
            }
            await self.finish(workspaceId, outcome)
        }
        return .fitting(started: started)
    }

    /// Waits (polling) until the fit is ready or failed; for tests and benchmarks.
    func waitUntilDone(_ workspaceId: String, timeout: Double = 600) async -> State {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let s = state(for: workspaceId)
            if case .fitting = s, Date() < deadline {
                try? await Task.sleep(nanoseconds: 50_000_000)
                continue
            }
            return s
        }
    }

    private func finish(_ workspaceId: String, _ outcome: State) {
        states[workspaceId] = outcome
    }
}
