import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// `MMMForecast` and `MMMBacktest` on simulated data whose truth is known: a fit on all but the
/// last four weeks forecasts those weeks from the spend actually made, close to what happened
/// and inside its intervals; intervals widen with the horizon; the backtest is reproducible for a
/// seed; bad input names the field.
@Suite(.computeBound) struct MMMForecastTests {
    static let spec = MMMSpecification(population: 16, generations: 30, seed: 1, bootstrapSamples: 60)

    /// The first `count` rows of `data` and the rest.
    static func split(_ data: MMMDataset, at count: Int) -> (head: MMMDataset, tail: MMMDataset) {
        func part(_ rows: Range<Int>) -> MMMDataset {
            func cut(_ c: MMMDataset.Column) -> MMMDataset.Column { .init(name: c.name, values: Array(c.values[rows])) }
            return MMMDataset(
                dates: Array(data.dates[rows]), targetName: data.targetName, target: Array(data.target[rows]),
                channels: data.channels.map(cut), controls: data.controls.map(cut), events: data.events.map(cut))
        }
        return (part(0..<count), part(count..<data.count))
    }

    /// Fits the constant-effect family (seed 3) on all but the last `held` days.
    static func heldOut(_ held: Int) throws -> (fit: MMMFit, head: MMMDataset, tail: MMMDataset) {
        let data = TechStyleGenerator(days: 730, seed: 3).generate(family: .constantEffect).data
        let (head, tail) = split(data, at: data.count - held)
        return (try MarketingMixModel(spec).fit(head), head, tail)
    }

    /// One fit shared by the tests (a fit takes seconds in a debug build).
    static let shared = try? heldOut(28)

    @Test func heldOutWeeksAreForecastWithinTheirIntervals() throws {
        let (fit, head, tail) = try #require(Self.shared)
        let forecast = try MMMForecast(
            fit: fit, data: head, spend: tail.channels.map(\.values), horizon: 28, samples: 1000, seed: 7)
        #expect(forecast.periods.map(\.date) == tail.dates)
        let actual = tail.target.reduce(0, +)
        // The four weeks' revenue: close to what happened and inside the interval.
        #expect(abs(forecast.total.estimate - actual) / actual < 0.05, "total \(forecast.total) against \(actual)")
        #expect(forecast.total.lower <= actual && actual <= forecast.total.upper, "\(forecast.total) against \(actual)")
        // Day by day: a small error and about the promised share inside the 90 % intervals.
        let errors = zip(forecast.periods, tail.target).map { abs($0.revenue.estimate - $1) / $1 }
        #expect(errors.reduce(0, +) / Double(errors.count) < 0.12)
        let inside = zip(forecast.periods, tail.target).filter { $0.revenue.lower <= $1 && $1 <= $0.revenue.upper }.count
        #expect(inside >= 21, "\(inside) of 28 days inside their 90% interval")
        // The parts add up, and media revenue is what the channels' lines say.
        for p in forecast.periods { #expect(abs(p.baseline + p.media - p.revenue.estimate) < 1e-6 * p.revenue.estimate) }
        let media = forecast.periods.reduce(0) { $0 + $1.media }
        #expect(abs(forecast.channels.reduce(0) { $0 + $1.revenue.estimate } - media) < 1e-6 * media)
    }

    @Test func carryOverOfPastSpendIsCounted() throws {
        let (fit, head, _) = try #require(Self.shared)
        let none = try MMMForecast(
            fit: fit, data: head, spend: [[Double]](repeating: [Double](repeating: 0, count: 28), count: 3),
            horizon: 28, samples: 200)
        for (line, summary) in zip(none.channels, fit.channels) {
            // With no new spend each channel's revenue is its carry-over, which is positive for a
            // channel with adstock and fades day by day.
            #expect(abs(line.revenue.estimate - line.carryover) < 1e-9 * max(1, line.carryover))
            if summary.response.coefficient > 0, summary.carryoverShare > 0.05 {
                #expect(line.carryover > 0, "\(line.name)")
            }
        }
        let first = none.periods[0].media
        let last = none.periods[27].media
        #expect(first > last)
        // The first day's media: each channel's response run over its history then zeros.
        let got = fit.channels.indices.map { k in
            fit.channels[k].response.coefficient
                * fit.channels[k].response.regressor(head.channels[k].values + [Double](repeating: 0, count: 28))[head.count]
        }.reduce(0, +)
        #expect(abs(got - first) < 1e-6 * max(1, first))
    }

    @Test func intervalsWidenWithTheHorizon() throws {
        let (fit, head, _) = try #require(Self.shared)
        // Two years ahead, so the first and the last month fall in the same season.
        let forecast = try MMMForecast(
            fit: fit, data: head, spend: MMMForecast.plan(fit: fit, horizon: 730), horizon: 730, samples: 4000,
            seed: 3)
        let cumulative = forecast.periods.map { $0.cumulative.upper - $0.cumulative.lower }
        // The total's interval over one week, four, a quarter, a year and two years (day-to-day
        // steps late in the horizon are within the simulation's own jitter).
        let steps = [7, 28, 91, 365, 730].map { cumulative[$0 - 1] }
        for k in 1..<steps.count { #expect(steps[k] > steps[k - 1] * 1.1, "\(steps)") }
        // Per day, the extrapolated trend fans out: the last month's intervals are wider than the first's.
        let width = forecast.periods.map { $0.revenue.upper - $0.revenue.lower }
        let early = width[0..<30].reduce(0, +) / 30
        let late = width[700..<730].reduce(0, +) / 30
        #expect(late > early, "first month \(early), last month \(late)")
    }

    @Test func backtestIsReproducibleForASeed() throws {
        let data = TechStyleGenerator(days: 400, seed: 5).generate(family: .constantEffect).data
        let quick = MMMSpecification(population: 8, generations: 8, seed: 2, bootstrapSamples: 20)
        let a = try MMMBacktest(data: data, specification: quick, horizon: 14, origins: 2, samples: 200, seed: 4)
        let b = try MMMBacktest(data: data, specification: quick, horizon: 14, origins: 2, samples: 200, seed: 4)
        #expect(a == b)
        let other = try MMMBacktest(data: data, specification: quick, horizon: 14, origins: 2, samples: 200, seed: 5)
        #expect(other != a)
        #expect(a.steps.map(\.ahead) == Array(1...14))
        #expect(a.origins.map(\.start) == [data.dates[372], data.dates[386]])
        #expect(a.origins.allSatisfy { $0.actual == Array(data.target[data.dates.firstIndex(of: $0.start)!...].prefix(14)) })
        #expect(a.mape < 0.2 && (0...1).contains(a.coverage), "MAPE \(a.mape), coverage \(a.coverage)")
        // Hand check of one step's scores from the origins' own numbers.
        let ape = a.origins.map { abs($0.predicted[0] - $0.actual[0]) / $0.actual[0] }
        #expect(abs(a.steps[0].mape - ape.reduce(0, +) / 2) < 1e-12)
    }

    @Test func badInputNamesTheField() throws {
        let (fit, head, _) = try #require(Self.shared)
        func column(_ body: () throws -> Any) -> String? {
            do {
                _ = try body()
                return nil
            } catch let e as MMMError {
                return e.column
            } catch {
                return "\(error)"
            }
        }
        let plan = try MMMForecast.plan(fit: fit, horizon: 5)
        #expect(column { try MMMForecast(fit: fit, data: head, spend: plan, horizon: 0) } == "horizon")
        #expect(column { try MMMForecast(fit: fit, data: head, spend: Array(plan.prefix(2)), horizon: 5) } == "spend")
        var negative = plan
        negative[1][2] = -1
        #expect(column { try MMMForecast(fit: fit, data: head, spend: negative, horizon: 5) } == "spend.meta_ads")
        #expect(column { try MMMForecast(fit: fit, data: head, spend: plan, horizon: 4) } == "spend.google_ads")
        #expect(column { try MMMForecast.plan(fit: fit, horizon: 5, overrides: ["nope": 1]) } == "spend.nope")
        #expect(column { try MMMForecast.plan(fit: fit, horizon: 5, overrides: ["tiktok": .nan]) } == "spend.tiktok")
        #expect(column { try MMMBacktest(data: head, specification: Self.spec, horizon: 200, origins: 2) } == "horizon")
        #expect(column { try MMMBacktest(data: head, specification: Self.spec, horizon: 5, origins: 0) } == "origins")
    }
}
