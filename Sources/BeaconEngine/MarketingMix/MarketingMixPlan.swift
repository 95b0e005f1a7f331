import BeaconAnalytics
import Foundation

/// A budget plan from a fitted marketing-mix model: the current daily allocation held for
/// `horizon` days against the one that maximises modelled revenue for the same total
/// (`MMMBudgetPlan`), as plain numbers for the optimiser page.
public struct MarketingMixPlan: Sendable, Equatable {
    /// One channel's spend and modelled revenue over the horizon, now and optimised.
    public struct Line: Sendable, Equatable {
        public var name: String
        public var currentSpend: Double
        public var optimizedSpend: Double
        public var currentRevenue: Double
        public var optimizedRevenue: Double
        /// Marginal ROAS at the optimised spend.
        public var marginalROAS: Double
        /// False when no effect is distinguishable from zero: the plan does not raise its spend.
        public var effectIdentified: Bool
        /// True when an identification warning held the channel at its current spend.
        public var held: Bool = false
    }

    /// Days the plan covers.
    public var horizon: Int
    public var budget: Double
    public var lines: [Line]
    public var currentRevenue: Double
    public var optimizedRevenue: Double
    /// Optimised minus current revenue: estimate and 90% interval.
    public var lift: Double
    public var liftLower: Double
    public var liftUpper: Double
    public var liftPercent: Double
    public var optimizedROAS: Double
}

extension MMMFitCache.MMMResult {
    /// The plan for the fit's current total daily spend over `horizon` days.
    /// - Throws: `MMMError` when the model cannot be optimised.
    public func plan(horizon: Int) throws -> MarketingMixPlan {
        let current = currentSpend
        let p = try MMMBudgetPlan(
            responses: fit.responses, current: current, budget: current.reduce(0, +) * Double(horizon), horizon: horizon,
            hold: fit.heldChannels)
        return MarketingMixPlan(
            horizon: p.horizon, budget: p.budget,
            lines: p.lines.map {
                .init(
                    name: $0.name, currentSpend: $0.currentSpend, optimizedSpend: $0.optimizedSpend,
                    currentRevenue: $0.currentRevenue, optimizedRevenue: $0.optimizedRevenue,
                    marginalROAS: $0.marginalROAS, effectIdentified: $0.effectIdentified, held: $0.held)
            },
            currentRevenue: p.currentRevenue, optimizedRevenue: p.optimizedRevenue, lift: p.lift.estimate,
            liftLower: p.lift.lower, liftUpper: p.lift.upper, liftPercent: p.liftPercent, optimizedROAS: p.optimizedROAS
        )
    }
}
