import BeaconAnalytics
import Foundation

/// One channel of a fitted marketing-mix model as the dashboard shows it: spend, credited
/// revenue, ROAS with its 90% interval, marginal ROAS at current spend, and the response curve.
///
/// Amounts are in the fitted table's currency; per-day figures use the fit's periods (days for
/// the dashboard's daily table).
public struct MarketingMixChannel: Sendable {
    /// A point of the response curve: daily spend, modelled daily revenue and its 90% band.
    public struct Point: Sendable, Equatable {
        public var spend: Double
        public var response: Double
        public var lower: Double
        public var upper: Double
    }

    public var name: String
    /// Spend and model-credited revenue summed over the fitting window.
    public var totalSpend: Double
    public var totalContribution: Double
    /// Return on ad spend (credited revenue ÷ spend): estimate and 90% interval.
    public var roas: Double
    public var roasLower: Double
    public var roasUpper: Double
    /// Revenue from one more unit of daily spend at the current spend.
    public var marginalROAS: Double
    /// Mean daily spend over the fit's "current" window.
    public var currentSpend: Double
    public var curve: [Point]
    public var current: Point
    /// Where the marginal ROAS falls to 1, if it does within the curve.
    public var diminishingReturns: Point?
    /// Spend per period of the fitted table, and the revenue the model credits to it.
    public var spend: [Double]
    public var contribution: [Double]
    /// True when the channel's effectiveness changes over time (`MMMTimeVaryingEffect`).
    public var effectivenessVaries: Bool
    /// Per period, the channel's effectiveness relative to its mean (empty when constant).
    public var effectiveness: [Double]
    /// The dates effectiveness changed, with the multiplier before and after.
    public var effectivenessChanges: [(date: String, from: Double, to: Double)]
    /// Plain-language identification warnings that concern this channel.
    public var warnings: [String]
    let response: MMMChannelResponse

    /// Modelled daily revenue at a daily spend of `spend`.
    public func revenue(atDailySpend spend: Double) -> Double { response.response(spend) }

    init(_ c: MMMChannelSummary, spend: [Double], contribution: [Double], warnings: [String]) {
        func point(_ p: MMMResponseCurve.Point) -> Point {
            Point(spend: p.spend, response: p.response, lower: p.responseLower, upper: p.responseUpper)
        }
        name = c.name
        totalSpend = c.totalSpend
        totalContribution = c.totalContribution
        roas = c.roas.estimate
        roasLower = c.roas.lower
        roasUpper = c.roas.upper
        marginalROAS = c.marginalROAS.estimate
        currentSpend = c.currentSpend
        curve = c.responseCurve.points.map(point)
        current = point(c.responseCurve.current)
        diminishingReturns = c.responseCurve.diminishingReturns.map(point)
        self.spend = spend
        self.contribution = contribution
        effectivenessVaries = c.effectiveness?.varies ?? false
        effectiveness = c.effectiveness?.multiplier ?? []
        effectivenessChanges = (c.effectiveness?.changes ?? []).map { ($0.date, $0.from, $0.to) }
        self.warnings = warnings
        response = c.response
    }
}

/// How well a marketing-mix model fits its table.
public struct MarketingMixFitStatistics: Sendable, Equatable {
    public var observations: Int
    public var rSquared: Double
    /// Normalised root-mean-square error.
    public var nrmse: Double
    /// Mean absolute percentage error, as a fraction.
    public var mape: Double
}

extension MMMFitCache.MMMResult {
    /// The fitted channels, in the fit's order.
    public var channels: [MarketingMixChannel] {
        fit.channels.enumerated().map { k, c in
            MarketingMixChannel(
                c, spend: k < data.channels.count ? data.channels[k].values : [],
                contribution: fit.decomposition.parts.first { $0.name == c.name }?.values ?? [],
                warnings: (fit.identification ?? []).filter { $0.channels.contains(c.name) }.map(\.message))
        }
    }

    /// Identification warnings about the whole fit (no better than the baseline alone).
    public var fitWarnings: [String] {
        (fit.identification ?? []).filter { $0.channels.isEmpty }.map(\.message)
    }

    /// The table's period labels (`YYYY-MM-DD`).
    public var dates: [String] { data.dates }

    public var statistics: MarketingMixFitStatistics {
        let s = fit.statistics
        return MarketingMixFitStatistics(
            observations: s.observations, rSquared: s.rSquared, nrmse: s.nrmse, mape: s.mape)
    }
}
