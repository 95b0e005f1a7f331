/// A fitted marketing-mix model and everything a report or dashboard page draws from it:
/// per-channel ROAS and response curves, the decomposition over time, fit statistics and the
/// holdout forecast. Encodes to JSON and decodes back, so a saved fit feeds the budget
/// optimiser and the what-if simulator without refitting.
public struct MMMFit: Codable, Sendable {
    public var specification: MMMSpecification
    public var targetName: String
    /// 1 for daily data, 7 for weekly.
    public var stepDays: Int
    /// Periods used for fitting (the rest, if any, is the holdout).
    public var fitCount: Int
    public var ridgeLambda: Double
    public var intercept: Double
    /// Baseline terms with their coefficients (target units per unit of the column).
    public var baselineTerms: [MMMBaselineCoefficient]
    public var channels: [MMMChannelSummary]
    public var statistics: MMMFitStatistics
    public var decomposition: MMMDecomposition
    public var holdout: MMMHoldoutForecast?
    public var search: MMMSearchSummary
    /// Mean non-media (baseline) revenue per period over the current-spend window, the
    /// baseline a what-if or budget plan adds its media revenue to.
    public var baselinePerPeriod: Double
    /// The number of periods the "current" spend is averaged over.
    public var currentPeriods: Int
    /// How the channels' effectiveness over time was chosen (nil: static effects only).
    public var effectivenessSelection: MMMEffectivenessSelection?
    /// What the data cannot tell, in plain language (nil in fits saved before it was checked).
    public var identification: [MMMIdentificationWarning]?
    /// Each channel's effectiveness by day of the week and month of the year (nil in fits saved
    /// before it was estimated).
    public var seasonality: [MMMChannelSeasonality]?
    /// The lift tests the fit was calibrated with, beside what it credits each channel with over
    /// the test's period (nil: not calibrated).
    public var liftCalibration: [MMMLiftCalibration]?

    /// The channels whose spend a budget plan holds because of an identification warning.
    public var heldChannels: Set<String> {
        MMMIdentificationCheck.heldChannels(identification ?? [], names: channels.map(\.name))
    }

    /// The fitted media responses, in channel order.
    public var responses: [MMMChannelResponse] { channels.map(\.response) }
}

/// One baseline term's coefficient.
public struct MMMBaselineCoefficient: Codable, Sendable, Equatable {
    public var name: String
    public var group: MMMBaseline.Group
    public var coefficient: Double
}

/// What the model says about one paid channel.
public struct MMMChannelSummary: Codable, Sendable {
    public var name: String
    public var response: MMMChannelResponse
    /// Spend and attributed revenue summed over the fitting window.
    public var totalSpend: Double
    public var totalContribution: Double
    /// Attributed revenue / spend over the fitting window, with a bootstrap interval.
    public var roas: MMMInterval
    /// Mean spend per period over the last `currentPeriods` of the fitting window.
    public var currentSpend: Double
    /// Steady-state marginal ROAS `dR/dx` at the current spend.
    public var marginalROAS: MMMInterval
    /// `totalContribution` with its bootstrap interval (nil in fits saved before it was reported).
    public var contributionInterval: MMMInterval?
    /// The channel's share of all media revenue and of all spend (Robyn's effect and spend shares).
    public var effectShare: Double
    public var spendShare: Double
    /// The share of the effect that arrives after the period of spend.
    public var carryoverShare: Double
    public var responseCurve: MMMResponseCurve
    /// The channel's effectiveness over time; `response.coefficient` is its current (last
    /// fitted) value. Nil in fits saved before it was modelled.
    public var effectiveness: MMMChannelEffectiveness?
}

/// Goodness of fit, scored as Robyn does.
public struct MMMFitStatistics: Codable, Sendable, Equatable {
    /// On the whole fitting window.
    public var rSquared: Double
    public var nrmse: Double
    public var mape: Double
    /// `sqrt(Σ (effect share − spend share)²)` over paid channels (Robyn's DECOMP.RSSD).
    public var decompRSSD: Double
    /// NRMSE of the search's validation split (model fitted on the periods before it).
    public var validationNRMSE: Double?
    /// Rolling-origin time-series cross-validation with the chosen hyper-parameters: the
    /// ridge refitted on the first 55 %, 70 % and 85 % of the fitting window, each scored
    /// (NRMSE) on the next 15 % (Hyndman & Athanasopoulos, *Forecasting: Principles and
    /// Practice*, 3rd ed., §5.10 "time series cross-validation").
    public var crossValidationNRMSE: [Double]
    public var observations: Int
}

/// The model's forecast for the held-out periods at the end of the data.
public struct MMMHoldoutForecast: Codable, Sendable, Equatable {
    public var dates: [String]
    public var actual: [Double]
    public var predicted: [Double]
    public var rSquared: Double
    public var nrmse: Double
    public var mape: Double
}

/// How the hyper-parameter search went.
public struct MMMSearchSummary: Codable, Sendable, Equatable {
    public var method: String
    public var evaluations: Int
    public var generations: Int
    public var objective: Double
    public var seed: UInt64
    public var bootstrapSamples: Int
}

/// Goodness-of-fit measures shared by the fit, the search and the holdout.
enum MMMScore {
    /// Robyn's NRMSE: RMSE divided by the range of the actual values.
    static func nrmse(_ actual: [Double], _ predicted: [Double]) -> Double {
        guard let lo = actual.min(), let hi = actual.max(), !actual.isEmpty else { return .nan }
        var ss = 0.0
        for i in actual.indices { ss += (actual[i] - predicted[i]) * (actual[i] - predicted[i]) }
        let rmse = (ss / Double(actual.count)).squareRoot()
        return hi > lo ? rmse / (hi - lo) : .infinity
    }

    /// Mean absolute percentage error over non-zero actuals.
    static func mape(_ actual: [Double], _ predicted: [Double]) -> Double {
        var s = 0.0
        var n = 0
        for i in actual.indices where actual[i] != 0 {
            s += abs((actual[i] - predicted[i]) / actual[i])
            n += 1
        }
        return n > 0 ? s / Double(n) : .nan
    }

    /// The coefficient of determination `1 − SS_res / SS_tot`.
    static func rSquared(_ actual: [Double], _ predicted: [Double]) -> Double {
        let mean = actual.reduce(0, +) / Double(max(actual.count, 1))
        var res = 0.0
        var tot = 0.0
        for i in actual.indices {
            res += (actual[i] - predicted[i]) * (actual[i] - predicted[i])
            tot += (actual[i] - mean) * (actual[i] - mean)
        }
        return tot > 0 ? 1 - res / tot : .nan
    }

    /// Robyn's DECOMP.RSSD from per-channel effect and spend totals.
    static func decompRSSD(effects: [Double], spends: [Double]) -> Double {
        let te = effects.reduce(0, +)
        let ts = spends.reduce(0, +)
        guard te > 0, ts > 0 else { return 1 }
        var s = 0.0
        for i in effects.indices {
            let d = effects[i] / te - spends[i] / ts
            s += d * d
        }
        return s.squareRoot()
    }
}
