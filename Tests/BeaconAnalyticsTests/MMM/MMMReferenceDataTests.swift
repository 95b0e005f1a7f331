import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// Fits on the published simulated data sets: pymc-marketing's example (known generating
/// process, ../shared/reference/README.md), Robyn's weekly demo data and Meridian's national
/// data (reported, no published truth).
@Suite(.computeBound, .enabled(if: SharedData.available, "needs ../shared/datasets"))
struct MMMReferenceDataTests {
    @Test func pymcMarketingExampleRecoversAdstockAndContributions() throws {
        let data = try MMMTestData.dataset(
            "mmm/mmm_example.csv", date: "date_week", targetColumn: "y", channels: ["x1", "x2"],
            events: ["event_1", "event_2"])
        let spec = MMMSpecification(
            saturation: .logistic, maxLag: 8, baseline: MMMBaseline(yearlyOrder: 2), population: 16, generations: 40,
            bootstrapSamples: 30)
        let fit = try MarketingMixModel(spec).fit(data)
        let (x1, x2) = (fit.channels[0], fit.channels[1])
        // Generating process: adstock 0.4 and 0.2.
        #expect(abs(x1.carryoverShare - 0.4) < 0.1)
        #expect(abs(x2.carryoverShare - 0.2) < 0.1)
        // True contributions, recomputed from the generating formula (scale 1002.4):
        // x1 ≈ 276,000–302,000 and x2 ≈ 66,000–71,000 depending on the scaling convention.
        #expect(x1.totalContribution > 2 * x2.totalContribution)
        #expect(x1.totalContribution > 0.75 * 276_000 && x1.totalContribution < 1.25 * 302_000)
        #expect(x2.totalContribution > 0.6 * 66_000 && x2.totalContribution < 1.4 * 71_000)
        #expect(fit.statistics.rSquared > 0.9)
    }

    @Test func robynSimulatedWeekly() throws {
        let (header, rows) = try MMMTestData.columns("mmm/dt_simulated_weekly.csv")
        let events = rows.map { $0[header.firstIndex(of: "events")!] }
        var data = try MMMTestData.dataset(
            "mmm/dt_simulated_weekly.csv", date: "DATE", targetColumn: "revenue",
            channels: ["tv_S", "ooh_S", "print_S", "facebook_S", "search_S"],
            controls: ["competitor_sales_B", "newsletter"])
        data.events = ["event1", "event2"].map { level in .init(name: level, values: events.map { $0 == level ? 1 : 0 })
        }
        let fit = try MarketingMixModel(MMMSpecification(population: 16, generations: 30, bootstrapSamples: 20)).fit(
            data)
        Self.report("Robyn dt_simulated_weekly", fit)
        #expect(fit.statistics.observations == 208 && fit.stepDays == 7)
        #expect(fit.statistics.rSquared > 0.85)
        #expect(fit.statistics.nrmse < 0.1)
        #expect(fit.channels.allSatisfy { $0.roas.estimate.isFinite && $0.roas.estimate >= 0 })
    }

    @Test func meridianNationalAllChannels() throws {
        // Meridian's KPI is conversions; revenue = conversions × revenue_per_conversion.
        let channels = (0..<5).map { "Channel\($0)_spend" }
        let data = try MMMTestData.dataset(
            "mmm/national_all_channels.csv", date: "time",
            target: ("revenue", { $0["conversions"]! * $0["revenue_per_conversion"]! }), channels: channels,
            controls: ["competitor_sales_control", "sentiment_score_control", "Promo", "Organic_channel0_impression"])
        let fit = try MarketingMixModel(MMMSpecification(population: 16, generations: 30, bootstrapSamples: 20)).fit(
            data)
        Self.report("Meridian national_all_channels", fit)
        #expect(fit.statistics.observations == 156)
        // A noisy series (R² about 0.45 at full search): the fit must still track it closely in level.
        #expect(fit.statistics.mape < 0.06)
        #expect(fit.statistics.rSquared > 0.3)
    }

    private static func report(_ name: String, _ fit: MMMFit) {
        let s = fit.statistics
        print("\(name): R² \(s.rSquared), NRMSE \(s.nrmse), MAPE \(s.mape), DECOMP.RSSD \(s.decompRSSD)")
        for c in fit.channels {
            print(
                "  \(c.name): ROAS \(c.roas.estimate) [\(c.roas.lower), \(c.roas.upper)], carry-over \(c.carryoverShare)"
            )
        }
    }
}
