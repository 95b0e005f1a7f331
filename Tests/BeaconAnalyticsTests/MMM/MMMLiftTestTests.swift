import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// Lift-test calibration (`MMMLiftTest`): on the confounded family with its confounder left out,
/// a static fit credits a channel wrongly; a lift test on that channel — its true contribution
/// over eight weeks, computed here from the generator's documented parameters — moves the
/// channel's estimate toward the truth. Bad tests name the field and the test.
@Suite(.computeBound) struct MMMLiftTestTests {
    static let spec = MMMSpecification(population: 16, generations: 30, seed: 1, bootstrapSamples: 40, effectKnots: 0)

    /// The family's channels as `TechStyleGenerator.generate(family:)` documents them.
    static let adstockRates = [0.3, 0.5, 0.6]
    static let curves: [MMMSaturation] = [
        .hill(halfSaturation: 4000, slope: 1.2), .hill(halfSaturation: 3000, slope: 1), .hill(halfSaturation: 5000, slope: 1),
    ]
    static let betas = [16000.0, 9000, 14000]

    /// Channel `c`'s true contribution in every period of `spend`.
    static func truth(_ c: Int, _ spend: [Double]) -> [Double] {
        MMMAdstock.geometric(rate: adstockRates[c], maxLag: 28, normalized: true).apply(spend)
            .map { betas[c] * curves[c].value($0) }
    }

    @Test func aLiftTestMovesAWrongChannelTowardTheTruth() throws {
        let generated = TechStyleGenerator(days: 730, seed: 3).generate(family: .confounded)
        var data = generated.data
        let truth = generated.truth
        // Leave the confounder out: demand now reaches the channels' credit.
        data.controls = []
        let plain = try MarketingMixModel(Self.spec).fit(data)
        // The truth computed here agrees with the generator's own totals.
        for c in 0..<3 {
            let total = Self.truth(c, data.channels[c].values).reduce(0, +)
            #expect(abs(total - truth.channels[c].totalContribution) < 1e-6 * total)
        }
        let errors = (0..<3).map { c in
            (plain.channels[c].totalContribution - truth.channels[c].totalContribution) / truth.channels[c].totalContribution
        }
        let c = errors.indices.max { abs(errors[$0]) < abs(errors[$1]) }!
        #expect(abs(errors[c]) > 0.15, "the uncalibrated fit is wrong somewhere: \(errors)")
        // Eight weeks of the channel live, measured to ±5 %.
        let rows = 400..<456
        let lift = Self.truth(c, data.channels[c].values)[rows].reduce(0, +)
        let test = MMMLiftTest(
            channel: data.channels[c].name, start: data.dates[rows.lowerBound], end: data.dates[rows.upperBound - 1],
            lift: lift, standardError: 0.05 * lift)
        let calibrated = try MarketingMixModel(Self.spec).fit(data, liftTests: [test])
        let after = (calibrated.channels[c].totalContribution - truth.channels[c].totalContribution)
            / truth.channels[c].totalContribution
        #expect(abs(after) < abs(errors[c]) * 0.7, "\(data.channels[c].name): error \(errors[c]) before, \(after) after")
        // Over the test's own period the fit now agrees with the measurement.
        let report = try #require(calibrated.liftCalibration?.first)
        #expect(report.test == test)
        let plainModelled = rows.reduce(0.0) { s, t in
            s + (plain.decomposition.parts.first { $0.name == test.channel }?.values[t] ?? 0)
        }
        #expect(abs(report.modelled - lift) < abs(plainModelled - lift), "modelled \(report.modelled), before \(plainModelled), lift \(lift)")
        #expect(abs(report.zScore - (report.modelled - lift) / test.standardError) < 1e-9)
    }

    @Test func badTestsNameTheFieldAndTheTest() {
        let dates = (0..<100).map { MMMCalendarDate(year: 2024, month: 1, day: 1).adding(days: $0).description }
        let channels = ["google_ads", "meta_ads"]
        func failure(_ tests: [MMMLiftTest], fitCount: Int = 100) -> (String?, Int?) {
            do {
                _ = try MMMLiftTest.check(tests, dates: dates, channels: channels, fitCount: fitCount)
                return (nil, nil)
            } catch let e as MMMError {
                return (e.column, e.row)
            } catch {
                return ("\(error)", nil)
            }
        }
        let good = MMMLiftTest(channel: "meta_ads", start: "2024-01-10", end: "2024-01-20", lift: 5000, standardError: 500)
        #expect(
            (try? MMMLiftTest.check([good], dates: dates, channels: channels, fitCount: 100)) == [9..<20])
        var bad = good
        bad.channel = "tiktok"
        #expect(failure([good, bad]) == ("channel", 1))
        bad = good
        bad.start = "2024-02-30"
        #expect(failure([bad]) == ("start", 0))
        bad = good
        bad.end = "2024-01-05"
        #expect(failure([bad]) == ("end", 0))
        bad = good
        bad.standardError = 0
        #expect(failure([bad]) == ("standard_error", 0))
        bad = good
        bad.lift = .infinity
        #expect(failure([bad]) == ("lift", 0))
        // A test inside the holdout cannot calibrate the fit.
        #expect(failure([good], fitCount: 5) == ("start", 0))
    }
}
