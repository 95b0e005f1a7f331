import BeaconAnalytics
import Foundation

/// A what-if projection from a fitted marketing-mix model: modelled revenue over `horizon`
/// days for a chosen daily spend per channel (`MMMWhatIf`), as plain numbers for the
/// dashboard's simulator.
public struct MarketingMixWhatIf: Sendable, Equatable {
    /// One channel's projected spend and revenue over the horizon.
    public struct Line: Sendable, Equatable {
        public var name: String
        public var spend: Double
        public var revenue: Double
        public var roas: Double
        public var marginalROAS: Double
    }

    public var horizon: Int
    public var lines: [Line]
    public var spend: Double
    /// Revenue the channels bring: estimate and 90% interval.
    public var mediaRevenue: Double
    public var mediaRevenueLower: Double
    public var mediaRevenueUpper: Double
    public var roas: Double
    /// Media revenue at the current spend, for comparison.
    public var currentMediaRevenue: Double
    /// Media revenue plus the baseline.
    public var totalRevenue: Double
}

extension MMMFitCache.MMMResult {
    /// The projection for `daily` spend per channel (in `channels` order) over `horizon` days.
    /// - Throws: `MMMError` when the allocation does not match the channels.
    public func whatIf(daily: [Double], horizon: Int) throws -> MarketingMixWhatIf {
        let w = try MMMWhatIf(
            responses: fit.responses, current: currentSpend, allocation: daily.map { $0 * Double(horizon) },
            horizon: horizon, baselinePerPeriod: fit.baselinePerPeriod)
        return MarketingMixWhatIf(
            horizon: w.horizon,
            lines: w.lines.map {
                .init(
                    name: $0.name, spend: $0.spend, revenue: $0.revenue.estimate, roas: $0.roas.estimate,
                    marginalROAS: $0.marginalROAS)
            },
            spend: w.spend, mediaRevenue: w.mediaRevenue.estimate, mediaRevenueLower: w.mediaRevenue.lower,
            mediaRevenueUpper: w.mediaRevenue.upper, roas: w.roas.estimate, currentMediaRevenue: w.currentMediaRevenue,
            totalRevenue: w.totalRevenue.estimate)
    }
}
