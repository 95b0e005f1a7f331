/// The result of an experiment on one channel — a geo or conversion lift test — that the
/// marketing-mix fit is calibrated with: the revenue the channel's spend brought over a period,
/// as measured, and the measurement's standard error.
///
/// Calibration follows the two published approaches. As in pymc-marketing's lift-test
/// calibration (`MMM.add_lift_test_measurements`: each test is an extra observation of the
/// channel's modelled lift with its own error, `Δy ~ N(lift_model, σ_test)` in its likelihood),
/// each test adds `(ℓ̂_k − ℓ_k)² / SE_k²` to the fit's least-squares objective after scaling the
/// residual sum of squares by the noise variance `σ²`: in the ridge's normal equations a term
/// `(σ² / SE_k²) · (a_k b_c − ℓ_k)²`, where `a_k b_c = ℓ̂_k` is the channel's modelled
/// contribution over the test period (coefficient times the sum of its media regressor there).
/// As in Robyn's `calibration_input` (Runge et al. 2023, arXiv:2403.14674, §2.4 "calibration":
/// `MAPE.lift` between the channel's decomposed effect over the experiment window and the
/// measured lift), the mean absolute percentage error of the modelled lifts is added to the
/// hyper-parameter search objective, so the search prefers carry-over and saturation that agree
/// with the experiments. `σ²` is the residual variance of a first linear fit (baseline and
/// untransformed spend), estimated once before the search.
///
/// A calibrated fit keeps each channel's effectiveness constant over time: the varying-
/// coefficient paths (`MMMTimeVaryingEffect`) are not fitted with the tests.
public struct MMMLiftTest: Codable, Sendable, Equatable {
    public var channel: String
    /// First and last day of the test, `YYYY-MM-DD`, inclusive.
    public var start: String
    public var end: String
    /// Incremental revenue the channel's spend brought over the period, as measured.
    public var lift: Double
    /// The measurement's standard error, positive.
    public var standardError: Double

    public init(channel: String, start: String, end: String, lift: Double, standardError: Double) {
        self.channel = channel
        self.start = start
        self.end = end
        self.lift = lift
        self.standardError = standardError
    }

    /// Checks `tests` against a data set and returns each test's rows in the fitting window.
    /// - Parameters:
    ///   - dates: the data's dates; `channels`: its channel names.
    ///   - fitCount: the periods fitted (the rest is the holdout).
    /// - Throws: `MMMError` whose row is the test's index and whose column is the field at fault
    ///   (`channel`, `start`, `end`, `lift`, `standard_error`).
    public static func check(_ tests: [MMMLiftTest], dates: [String], channels: [String], fitCount: Int) throws
        -> [Range<Int>]
    {
        let days = dates.map { MMMCalendarDate(iso: $0)?.day ?? .min }
        return try tests.enumerated().map { k, test in
            guard channels.contains(test.channel) else {
                throw MMMError(
                    .unknownChannel, column: "channel", row: k,
                    "no channel '\(test.channel)' in the model (it has \(channels.joined(separator: ", ")))")
            }
            guard let first = MMMCalendarDate(iso: test.start) else {
                throw MMMError(.badDate, column: "start", row: k, "'\(test.start)' is not a YYYY-MM-DD date")
            }
            guard let last = MMMCalendarDate(iso: test.end) else {
                throw MMMError(.badDate, column: "end", row: k, "'\(test.end)' is not a YYYY-MM-DD date")
            }
            guard last >= first else {
                throw MMMError(
                    .badSetting, column: "end", row: k, "the test ends (\(last)) before it starts (\(first))")
            }
            guard test.lift.isFinite else {
                throw MMMError(.nonFinite, column: "lift", row: k, "lift is not a finite number")
            }
            guard test.standardError.isFinite, test.standardError > 0 else {
                throw MMMError(.badSetting, column: "standard_error", row: k, "the standard error must be positive")
            }
            let rows = (0..<min(fitCount, days.count)).filter { days[$0] >= first.day && days[$0] <= last.day }
            guard let lo = rows.first, let hi = rows.last else {
                throw MMMError(
                    .badSetting, column: "start", row: k,
                    "the test (\(first) to \(last)) does not overlap the fitting window (\(dates.first ?? "") to \(dates[max(0, min(fitCount, dates.count) - 1)]))"
                )
            }
            return lo..<(hi + 1)
        }
    }

    /// The checked tests as ridge terms, in the scaled target's units.
    static func resolve(
        _ tests: [MMMLiftTest], dates: [String], channels: [String], fitCount: Int, yScale: Double,
        noiseVariance: Double
    ) throws -> [MMMRidge.Calibration] {
        let rows = try check(tests, dates: dates, channels: channels, fitCount: fitCount)
        return zip(tests, rows).map { test, range in
            let se = test.standardError / yScale
            return MMMRidge.Calibration(
                channel: channels.firstIndex(of: test.channel)!, rows: range, lift: test.lift / yScale,
                weight: noiseVariance / (se * se))
        }
    }
}

/// A lift test beside what the calibrated fit credits the channel with over the same period.
public struct MMMLiftCalibration: Codable, Sendable, Equatable {
    public var test: MMMLiftTest
    /// The channel's modelled contribution over the test period.
    public var modelled: Double
    /// `(modelled − lift) / standardError`.
    public var zScore: Double
}
