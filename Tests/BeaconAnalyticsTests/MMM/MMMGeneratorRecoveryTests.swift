import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// On the TechStyle demo data, whose generating parameters are known, the fit recovers each
/// channel's carry-over and ROAS.
///
/// Stated tolerances: carry-over share within 0.08 of the true adstock rate; ROAS within
/// 20 % for the channels with dark periods or low-spend stretches (Google, Meta, Email,
/// TikTok) and 35 % for Affiliate, whose spend is never off (its commission follows its
/// revenue), so only the curve's shape ties its level to zero spend.
@Suite(.computeBound) struct MMMGeneratorRecoveryTests {
    static let generated = TechStyleGenerator(days: 730, seed: 1).generate()

    @Test func generatorIsDeterministicAndShowsTheSeedsBehaviours() {
        let (data, truth) = Self.generated
        let again = TechStyleGenerator(days: 730, seed: 1).generate()
        #expect(again.data.target == data.target && again.truth == truth)
        #expect(TechStyleGenerator(days: 730, seed: 2).generate().data.target != data.target)
        #expect(data.dates.first == "2021-01-01" && data.count == 730)
        let tiktok = data.channels[3].values
        let firstMonth = tiktok[0..<28].reduce(0, +) / 28
        let lastSpring = tiktok[(730 - 240)..<(730 - 212)].reduce(0, +) / 28  // April–May of year 2
        #expect(firstMonth > 300 && firstMonth < 800)
        #expect(lastSpring > 2500 && lastSpring < 5000)
        // Affiliate is paid 8 % commission: ROAS exactly 12.5.
        #expect(abs(truth.channels[4].roas - 12.5) < 1e-9)
        // Email brings a steady fifth of revenue.
        let emailShare = truth.channels[2].totalContribution / truth.totalRevenue
        #expect(emailShare > 0.18 && emailShare < 0.25)
        // Google's true marginal ROAS is 1 at $5,000/day (steady state).
        let g = truth.channels[0]
        let google = MMMChannelResponse(
            name: g.name, adstock: .geometric(rate: g.adstockRate, maxLag: g.maxLag, normalized: true),
            saturation: g.saturation!, coefficient: g.coefficient, spendScale: 1)
        #expect(abs(google.marginal(5000) - 1) < 1e-3)
    }

    @Test func trueTransformsGiveTheTrueROAS() throws {
        // The regression itself: with the true adstock and saturation, ROAS comes out right.
        let (data, truth) = Self.generated
        let transforms = truth.channels.map { c in
            MMMChannelResponse(
                name: c.name, adstock: .geometric(rate: c.adstockRate, maxLag: c.maxLag, normalized: true),
                saturation: c.saturation ?? .michaelisMenten(halfSaturation: 1e9), coefficient: 1, spendScale: 1)
        }
        let fit = try MarketingMixModel(MMMSpecification(bootstrapSamples: 0)).fit(data, transforms: transforms)
        for (c, t) in zip(fit.channels, truth.channels) {
            #expect(abs(c.roas.estimate / t.roas - 1) < 0.12, "\(c.name): \(c.roas.estimate) vs \(t.roas)")
        }
    }

    @Test func searchRecoversAdstockAndROAS() throws {
        let (data, truth) = Self.generated
        let spec = MMMSpecification(population: 16, generations: 40, seed: 1, bootstrapSamples: 30)
        let fit = try MarketingMixModel(spec).fit(data)
        for (c, t) in zip(fit.channels, truth.channels) {
            let tolerance = c.name == "affiliate" ? 0.35 : 0.2
            #expect(
                abs(c.carryoverShare - t.adstockRate) < 0.08,
                "\(c.name) carry-over \(c.carryoverShare) vs \(t.adstockRate)")
            #expect(abs(c.roas.estimate / t.roas - 1) < tolerance, "\(c.name) ROAS \(c.roas.estimate) vs \(t.roas)")
        }
        #expect(fit.statistics.rSquared > 0.95)
        // Out of sample, each rolling fold forecasts the next 15 % about as well as in-sample.
        #expect(fit.statistics.crossValidationNRMSE.count == 3)
        #expect(fit.statistics.crossValidationNRMSE.allSatisfy { $0 < 0.1 })
        // The decomposition adds up to the fitted values, and ROAS intervals bracket the estimate.
        let sum = fit.decomposition.parts.reduce([Double](repeating: 0, count: data.count)) { acc, part in
            zip(acc, part.values).map { $0 + $1 }
        }
        for t in [0, 100, 729] {
            #expect(abs(sum[t] - fit.decomposition.fitted[t]) < 1e-6 * fit.decomposition.fitted[t])
        }
        for c in fit.channels {
            #expect(c.roas.lower <= c.roas.estimate + 1e-9 && c.roas.estimate <= c.roas.upper + 1e-9)
        }
        // Google is past its diminishing-returns point, TikTok is not (the seed's story).
        let google = fit.channels[0]
        let tiktok = fit.channels[3]
        #expect(
            google.marginalROAS.estimate < 1 && google.responseCurve.diminishingReturns!.spend < google.currentSpend)
        #expect(tiktok.marginalROAS.estimate > 1)
        // The saved model round-trips through JSON and plans a budget that shifts money to TikTok.
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let saved = try decoder.decode(MMMFit.self, from: encoder.encode(fit))
        #expect(saved.responses == fit.responses)
        #expect(saved.decomposition == fit.decomposition)
        let plan = try MMMBudgetPlan(
            responses: saved.responses, current: saved.channels.map(\.currentSpend),
            budget: saved.channels.map(\.currentSpend).reduce(0, +) * 90, horizon: 90)
        #expect(plan.lines[3].optimizedSpend > plan.lines[3].currentSpend)
        #expect(plan.lines[0].optimizedSpend < plan.lines[0].currentSpend)
        #expect(plan.optimizedRevenue > plan.currentRevenue)
    }

    @Test func holdoutForecast() throws {
        let (data, _) = Self.generated
        let spec = MMMSpecification(holdoutPeriods: 60, population: 10, generations: 15, bootstrapSamples: 0)
        let fit = try MarketingMixModel(spec).fit(data)
        let holdout = try #require(fit.holdout)
        #expect(holdout.actual.count == 60 && holdout.dates.first == data.dates[670])
        #expect(holdout.mape < 0.1)
        #expect(fit.statistics.observations == 670)
    }
}
