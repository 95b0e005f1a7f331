import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// `MMMChannelSeasonality` on a simulated set whose weekday pattern is known: Meta's effect is
/// 1.2–1.3 × its average Thursday to Saturday and 0.8–0.9 × on the other days, Google's is the
/// same every day. The fit names Thu–Sat for Meta, its multipliers land near the truth inside
/// their intervals, and Google shows no pattern.
@Suite(.computeBound) struct MMMChannelSeasonalityTests {
    /// Meta's true multipliers, Monday first (mean 1).
    static let metaWeekday = [0.8, 0.8, 0.9, 1.2, 1.3, 1.2, 0.8]

    /// Two years of daily revenue: a baseline with its own weekday and yearly pattern, Google and
    /// Meta with geometric adstock and Hill saturation (in dollars), Meta's effect scaled by its
    /// weekday multiplier, noise N(0, 1000²). Spend drifts, is re-planned weekly and goes dark
    /// for two weeks twice a year, as in `TechStyleGenerator`.
    static func simulated(seed: UInt64) -> MMMDataset {
        var rng = Xoshiro256StarStar(seed: seed)
        func normal() -> Double {
            let u1 = max(rng.nextDouble(), 1e-300)
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * rng.nextDouble())
        }
        let n = 730
        let start = MMMCalendarDate(year: 2022, month: 1, day: 3)
        let dates = (0..<n).map { start.adding(days: $0) }
        let levels = [5000.0, 3000]
        var spend = [[Double]](repeating: [Double](repeating: 0, count: n), count: 2)
        var walk = [0.0, 0.0]
        var flight = [0.0, 0.0]
        for t in 0..<n {
            if t % 7 == 0 { for c in 0..<2 { flight[c] = 0.35 * normal() } }
            for c in 0..<2 {
                walk[c] = 0.9 * walk[c] + 0.1 * normal()
                // Daily jitter too, so a channel's pressure differs between the days of one week.
                spend[c][t] = levels[c] * exp(walk[c] + flight[c] + 0.25 * normal())
                let dark = [150 + 40 * c, 480 + 40 * c]
                if dark.contains(where: { (0..<14).contains(t - $0) }) { spend[c][t] = 0 }
            }
        }
        let google = MMMAdstock.geometric(rate: 0.3, maxLag: 28, normalized: true).apply(spend[0])
            .map { 16000 * MMMSaturation.hill(halfSaturation: 4000, slope: 1.2).value($0) }
        let meta = MMMAdstock.geometric(rate: 0.4, maxLag: 28, normalized: true).apply(spend[1])
            .map { 12000 * MMMSaturation.hill(halfSaturation: 3000, slope: 1).value($0) }
        let baseWeekday = [0.0, -500, 0, 300, 800, 1200, -400]
        let target = (0..<n).map { t -> Double in
            let d = dates[t]
            let season = 2000 * sin(2 * Double.pi * Double(d.dayOfYear) / 365.25)
            return 20000 + 3 * Double(t) + season + baseWeekday[d.weekday] + google[t]
                + metaWeekday[d.weekday] * meta[t] + 1000 * normal()
        }
        return MMMDataset(
            dates: dates.map(\.description), target: target,
            channels: [.init(name: "google_ads", values: spend[0]), .init(name: "meta_ads", values: spend[1])])
    }

    @Test func metaPerformsBestThursdayToSaturday() throws {
        let spec = MMMSpecification(population: 16, generations: 30, seed: 1, bootstrapSamples: 100, effectKnots: 0)
        let fit = try MarketingMixModel(spec).fit(Self.simulated(seed: 11))
        let seasonality = try #require(fit.seasonality)
        #expect(seasonality.map(\.name) == ["google_ads", "meta_ads"])
        let meta = try #require(seasonality[1].weekdays)
        #expect(meta.map(\.label) == MMMChannelSeasonality.weekdayLabels)
        #expect(seasonality[1].bestDays == "Thu–Sat", "\(meta.map { ($0.label, $0.multiplier.estimate) })")
        #expect(seasonality[1].sentences.first?.hasPrefix("meta_ads performs best Thu–Sat") == true)
        var covered = 0
        for (effect, truth) in zip(meta, Self.metaWeekday) {
            #expect(abs(effect.multiplier.estimate - truth) < 0.12, "\(effect.label): \(effect.multiplier) against \(truth)")
            if effect.multiplier.lower <= truth && truth <= effect.multiplier.upper { covered += 1 }
        }
        #expect(covered >= 5, "\(covered) of 7 intervals cover the truth")
        let google = try #require(seasonality[0].weekdays)
        for effect in google {
            #expect(abs(effect.multiplier.estimate - 1) < 0.12, "google_ads \(effect.label): \(effect.multiplier)")
        }
        // Two years of daily data: months are estimated too, one per month.
        #expect(seasonality[1].months?.map(\.label) == MMMChannelSeasonality.monthLabels)
    }

    @Test func runsOfDaysAreNamedAsTheyWrap() {
        func effects(_ lows: [Double], _ labels: [String] = MMMChannelSeasonality.weekdayLabels)
            -> [MMMChannelSeasonality.Effect]
        {
            zip(labels, lows).map { .init(label: $0, multiplier: MMMInterval(estimate: $1 + 0.1, lower: $1, upper: $1 + 0.2, level: 0.9)) }
        }
        let s = MMMChannelSeasonality.span
        #expect(s(effects([0.9, 0.9, 0.9, 1.05, 1.1, 1.02, 0.9]), true) == "Thu–Sat")
        #expect(s(effects([1.1, 0.9, 0.9, 0.9, 0.9, 0.9, 1.1]), true) == "Sun–Mon")
        #expect(s(effects([1.1, 0.9, 1.1, 0.9, 0.9, 0.9, 0.9]), true) == "Mon, Wed")
        #expect(s(effects([0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]), true) == nil)
        #expect(s(effects([0.5, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]), false) == "Mon")
        #expect(s(effects([Double](repeating: 1.1, count: 7)), true) == "Mon–Sun")
        #expect(s(nil, true) == nil)
    }
}
