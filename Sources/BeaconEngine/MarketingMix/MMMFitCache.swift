import BeaconAnalytics
import BeaconCore
import Foundation

/// The marketing-mix model behind the dashboard's channel, optimiser and what-if pages, fitted
/// in the background once per workspace and kept in memory.
///
/// A workspace's model is fitted on its own ad spend (`Ad Spend` events from
/// `beacon import spend`) against its order revenue, read from the event log by
/// `EventLogMarketingData`, once it has at least `minimumSpendDays` days of spend. Until
/// then the pages show the seeded TechStyle demo (seed 001: two years of daily spend on five
/// channels) and say so. A fit takes seconds in a release build, so the first request
/// starts it and gets `.fitting`; pages show the elapsed time and poll `/dashboard/api/mmm`.
/// When the log has grown since a fit and the fit is older than `refitAfter`, the next
/// request starts a new fit in the background and keeps answering from the old one.
/// Pages read a finished fit through `MMMResult`'s plain views (`channels`, `plan(horizon:)`,
/// `whatIf(daily:horizon:)`).
public actor MMMFitCache {
    /// Where a workspace's fit is.
    public enum State: Sendable {
        case fitting(started: Date)
        case ready(MMMResult)
        case failed(String)
    }

    /// What a fit was made from.
    public enum Source: Sendable, Equatable {
        /// The workspace's own `Ad Spend` events over this many days.
        case workspace(days: Int)
        /// The TechStyle demo data set, because the workspace has too little spend.
        case demo(spendDays: Int)

        /// A sentence for the pages.
        public var note: String {
            switch self {
            case .workspace(let days):
                return "Fitted on this workspace's own ad spend (\(days) days of Ad Spend events) against its order revenue."
            case .demo(let spendDays):
                return
                    "This workspace has \(spendDays == 0 ? "no" : "only \(spendDays) days of") ad spend yet (at least \(MMMFitCache.minimumSpendDays) are needed), "
                    + "so these figures come from the TechStyle demo data set. Import yours with: beacon import spend."
            }
        }

        public var isDemo: Bool { if case .demo = self { true } else { false } }
    }

    /// A finished fit with the data it was fitted on.
    public struct MMMResult: Sendable {
        public var data: MMMDataset
        public var fit: MMMFit
        /// Seconds the fit took.
        public var seconds: Double
        public var source: Source
        /// Mean daily spend per channel over the fit's "current" window.
        public var currentSpend: [Double] { fit.channels.map(\.currentSpend) }
    }

    /// Days of spend a workspace needs before its own model replaces the demo.
    public static let minimumSpendDays = 56
    /// Minimum age of a fit before new events trigger a refit.
    public static let refitAfter: TimeInterval = 3600

    /// What the fits are made with.
    public struct Settings: Sendable {
        public var specification: MMMSpecification

        /// - Parameter specification: the model searched and fitted (tests use a small search
        ///   so a debug build fits in a second).
        public init(specification: MMMSpecification = MMMSpecification()) {
            self.specification = specification
        }
    }

    /// The table fitted until a workspace has enough spend of its own: the seeded TechStyle
    /// demo (`TechStyleGenerator`, 730 days × 5 channels), generated once.
    public static let demo: MMMDataset = TechStyleGenerator().generate().data

    private let specification: MMMSpecification
    private let analytics: WorkspaceAnalytics?
    private var states: [String: State] = [:]
    private var fitted: [String: (eventCount: Int, at: Date)] = [:]
    private var refitting: Set<String> = []

    /// - Parameter analytics: where workspaces' spend and revenue are read; nil fits every
    ///   workspace on the demo.
    public init(settings: Settings = Settings(), analytics: WorkspaceAnalytics? = nil) {
        self.specification = settings.specification
        self.analytics = analytics
    }

    /// The state of `workspaceId`'s fit, starting it when there is none.
    /// - Parameter eventCount: the workspace's current event count, when the caller knows it:
    ///   a ready fit made on fewer events and older than `refitAfter` is refreshed.
    public func state(for workspaceId: String, eventCount: Int? = nil) -> State {
        if let state = states[workspaceId] {
            if case .ready = state, let eventCount, let last = fitted[workspaceId], eventCount != last.eventCount,
                Date().timeIntervalSince(last.at) > Self.refitAfter, !refitting.contains(workspaceId)
            {
                refitting.insert(workspaceId)
                start(workspaceId, keepServing: true)
            }
            return state
        }
        return start(workspaceId, keepServing: false)
    }

    /// The state of `workspaceId`'s fit if one was started, without starting one (a report that
    /// will not wait for the model does not pay for a fit it would throw away).
    public func existingState(for workspaceId: String) -> State? {
        states[workspaceId]
    }

    /// The state of `workspaceId`'s fit, waiting up to `wait` seconds while it is fitting (for
    /// a report or an export that wants the model's numbers rather than "still fitting").
    public func state(for workspaceId: String, eventCount: Int? = nil, waitingUpTo wait: TimeInterval) async throws
        -> State
    {
        let deadline = Date().addingTimeInterval(wait)
        while true {
            let state = state(for: workspaceId, eventCount: eventCount)
            guard case .fitting = state, Date() < deadline else { return state }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
    }

    @discardableResult
    private func start(_ workspaceId: String, keepServing: Bool) -> State {
        let started = Date()
        if !keepServing { states[workspaceId] = .fitting(started: started) }
        let spec = specification
        let analytics = analytics
        Task.detached(priority: .utility) {
            let outcome: State
            var count = 0
            do {
                let (data, source, n) = try await Self.dataset(workspaceId, analytics: analytics)
                count = n
                let fit =
                    source.isDemo
                    ? try await Self.demoFits.fit(spec)
                    : try await ComputeExecutor.shared.run { try MarketingMixModel(spec).fit(data) }
                outcome = .ready(MMMResult(data: data, fit: fit, seconds: Date().timeIntervalSince(started), source: source))
            } catch {
                outcome = .failed("\(error)")
            }
            await self.finish(workspaceId, outcome, eventCount: count)
        }
        return .fitting(started: started)
    }

    /// The workspace's own spend table when it has enough days, else the demo; with the
    /// workspace's event count when it was read. Spend and revenue are summed by day in the
    /// store (`WorkspaceAnalytics.marketingData`).
    public static func dataset(_ workspaceId: String, analytics: WorkspaceAnalytics?) async throws
        -> (MMMDataset, Source, Int)
    {
        guard let analytics else { return (Self.demo, .demo(spendDays: 0), 0) }
        let count = try await analytics.span(of: workspaceId).events
        let own: MMMDataset?
        do {
            own = try await analytics.marketingData(of: workspaceId)
        } catch is MarketingDataError {
            own = nil
        }
        let (data, source) = choose(own)
        return (data, source, count)
    }

    /// The table to model for these events: their own `Ad Spend` when it covers at least
    /// `minimumSpendDays` days, else the TechStyle demo (and how many days there were).
    public static func dataset(events: [Event]) -> (MMMDataset, Source) {
        choose(try? EventLogMarketingData.dataset(events: events))
    }

    /// The workspace's own table when it covers at least `minimumSpendDays` days (nil: no
    /// spend at all), else the demo.
    static func choose(_ own: MMMDataset?) -> (MMMDataset, Source) {
        guard let own else { return (Self.demo, .demo(spendDays: 0)) }
        guard own.count >= minimumSpendDays else { return (Self.demo, .demo(spendDays: own.count)) }
        return (own, .workspace(days: own.count))
    }

    /// Waits (polling) until the fit is ready or failed; for tests and benchmarks.
    public func waitUntilDone(_ workspaceId: String, timeout: Double = 600) async -> State {
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

    /// The demo table's fits, shared by every cache in the process: the table and the
    /// specification (whose search is seeded) fix the fit, so the workspaces still on the demo
    /// share one fit instead of each making its own.
    static let demoFits = DemoFits()

    /// Fits of `MMMFitCache.demo`, one per specification, the first request making it and
    /// later ones (also while it runs) sharing it. A failed fit is not kept.
    actor DemoFits {
        private var fits: [String: Task<MMMFit, any Error>] = [:]

        func fit(_ specification: MMMSpecification) async throws -> MMMFit {
            let key = String(describing: specification)
            if let running = fits[key] { return try await running.value }
            let task = Task { try await ComputeExecutor.shared.run { try MarketingMixModel(specification).fit(MMMFitCache.demo) } }
            fits[key] = task
            do {
                return try await task.value
            } catch {
                fits[key] = nil
                throw error
            }
        }
    }

    private func finish(_ workspaceId: String, _ outcome: State, eventCount: Int) {
        refitting.remove(workspaceId)
        // A failed background refit keeps the previous good fit on screen.
        if case .failed = outcome, case .ready = states[workspaceId] { return }
        states[workspaceId] = outcome
        fitted[workspaceId] = (eventCount, Date())
    }
}
