import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// The simulated families of `TechStyleGenerator.Family`, whose true contributions are known:
/// each keeps the promise its documentation makes, and the fit recovers every channel's total
/// contribution within 15 % with a 90 % interval that covers the truth.
///
/// One seed per family and a small search keep each fit to a few seconds in a debug build; the
/// many-seed evaluation (coverage, error distribution) is the benchmark (`beacon mmm bench`, see docs/benchmarks.md).
@Suite(.computeBound) struct MMMSimulatedFamilyTests {
    static let spec = MMMSpecification(population: 16, generations: 30, seed: 1, bootstrapSamples: 60)

    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        MMMIdentificationCheck.correlation(a, b, 0..<a.count)
    }

    @Test(arguments: TechStyleGenerator.Family.allCases)
    func familyIsDeterministicAndKeepsItsPromise(_ family: TechStyleGenerator.Family) {
        let generator = TechStyleGenerator(days: 730, seed: 3)
        let (data, truth) = generator.generate(family: family)
        let again = generator.generate(family: family)
        #expect(again.data.target == data.target && again.truth == truth)
        #expect(TechStyleGenerator(days: 730, seed: 4).generate(family: family).data.target != data.target)
        #expect(truth.family == family.rawValue && data.channels.map(\.name) == TechStyleGenerator.familyChannels)
        // Contributions add up: revenue less noise-free media equals the organic part (up to noise).
        for c in truth.channels { #expect(c.totalContribution > 0.05 * truth.totalRevenue, "\(c.name)") }
        switch family {
        case .timeVarying:
            for c in truth.channels {
                let m = c.effectiveness ?? []
                #expect(m.count == 730 && m.allSatisfy { (0.5...1.5).contains($0) }, "\(c.name)")
                #expect((m.max() ?? 1) - (m.min() ?? 1) > 0.4, "\(c.name) should vary")
            }
        case .constantEffect:
            #expect(truth.channels.allSatisfy { $0.effectiveness == nil })
        case .confounded:
            let demand = data.controls[0].values
            #expect(data.controls.map(\.name) == ["demand_index"])
            // The confounder drives spend (and sales): correlation with spend outside dark weeks.
            let live = (0..<730).filter { data.channels[0].values[$0] > 0 }
            #expect(
                Self.correlation(live.map { demand[$0] }, live.map { log(data.channels[0].values[$0]) }) > 0.5)
        case .seasonal:
            #expect(data.events.map(\.name) == ["black_friday", "christmas"])
            let friday = (0..<730).filter { data.events[0].values[$0] == 1 }
            let summer = (0..<730).filter { TechStyleGenerator.seasonality(MMMCalendarDate(iso: data.dates[$0])!) == 0.6 }
            func mean(_ rows: [Int]) -> Double { rows.reduce(0) { $0 + data.target[$1] } / Double(rows.count) }
            #expect(friday.count == 14 && mean(friday) > 2 * mean(summer))
        case .correlated:
            let logs = data.channels.map { $0.values.map { log($0) } }
            let r = Self.correlation(logs[0], logs[1])
            #expect(r > 0.6 && r < 0.95, "log-spend correlation \(r)")
        }
    }

    /// Checks the fit misses on seed 1 today, as `family/channel/what`: the intervals are still
    /// too narrow where the fit is biased (the hyper-parameter choice is bootstrapped, the bias of
    /// a misspecified or weakly identified model is not), TikTok's steady growth in the
    /// time-varying set is confused with Google's wave, and two correlated channels trade their
    /// effects. Each is a known issue: the test fails when one of them starts to pass, so the list
    /// shrinks as the model improves.
    static let knownMisses: Set<String> = [
        "time-varying/google_ads/interval", "time-varying/tiktok/error", "time-varying/tiktok/interval",
        "seasonality/google_ads/interval", "seasonality/meta_ads/interval", "seasonality/tiktok/interval",
        "correlated/meta_ads/error", "correlated/meta_ads/interval", "correlated/tiktok/interval",
    ]

    static func check(_ key: String, _ passed: Bool, _ comment: Comment) {
        if knownMisses.contains(key) {
            withKnownIssue(comment) { #expect(passed, comment) }
        } else {
            #expect(passed, comment)
        }
    }

    @Test(arguments: [TechStyleGenerator.Family.timeVarying, .confounded, .seasonal, .correlated])
    func fitRecoversEachChannelsContribution(_ family: TechStyleGenerator.Family) throws {
        let (data, truth) = TechStyleGenerator(days: 730, seed: 1).generate(family: family)
        let fit = try MarketingMixModel(Self.spec).fit(data)
        for (c, t) in zip(fit.channels, truth.channels) {
            let key = "\(family.rawValue)/\(c.name)/"
            let error = c.totalContribution / t.totalContribution - 1
            Self.check(key + "error", abs(error) < 0.15, "\(key): contribution off by \(Int(error * 100)) %")
            let interval = try #require(c.contributionInterval)
            let covers = interval.lower <= t.totalContribution && t.totalContribution <= interval.upper
            // ROAS draws are contribution draws over the same spend: both cover or neither.
            let roasCovers = c.roas.lower <= t.roas && t.roas <= c.roas.upper
            #expect(covers == roasCovers)
            Self.check(
                key + "interval", covers,
                "\(key): \(Int(interval.lower))…\(Int(interval.upper)) misses \(Int(t.totalContribution))")
        }
    }

    @Test func constantEffectivenessStaysConstant() throws {
        let (data, _) = TechStyleGenerator(days: 730, seed: 1).generate(family: .constantEffect)
        let fit = try MarketingMixModel(Self.spec).fit(data)
        let selection = try #require(fit.effectivenessSelection)
        #expect(selection.knots == 12 && selection.candidates.first?.label == "static")
        for c in fit.channels {
            let e = try #require(c.effectiveness)
            #expect(!e.varies && e.changes.isEmpty, "\(c.name) should stay constant")
        }
    }

    @Test func driftingEffectivenessIsFoundAndDated() throws {
        let (data, truth) = TechStyleGenerator(days: 730, seed: 1).generate(family: .timeVarying)
        let fit = try MarketingMixModel(Self.spec).fit(data)
        #expect(fit.effectivenessSelection?.smoothing != nil)
        func gap(_ c: Int) throws -> Double {
            let truthPath = try #require(truth.channels[c].effectiveness)
            let fitted = try #require(fit.channels[c].effectiveness)
            guard fitted.varies else { return .infinity }
            let mean = truthPath.reduce(0, +) / Double(truthPath.count)
            return zip(fitted.multiplier, truthPath).reduce(0) { $0 + abs($1.0 - $1.1 / mean) } / 730
        }
        // Google's wave: the fitted path follows the truth (relative to each mean) within 0.15 on
        // average, and its fall is dated within two months of the truth's steepest fall.
        #expect(try gap(0) < 0.15)
        let google = try #require(fit.channels[0].effectiveness)
        let truthGoogle = try #require(truth.channels[0].effectiveness)
        let steepest = (1..<730).min { truthGoogle[$0] - truthGoogle[$0 - 1] < truthGoogle[$1] - truthGoogle[$1 - 1] }!
        let fall = try #require(google.changes.first { $0.to < $0.from })
        let fallIndex = try #require(data.dates.firstIndex(of: fall.date))
        #expect(abs(fallIndex - steepest) <= 61, "fall dated \(fall.date), truth steepest \(data.dates[steepest])")
        // Meta's one-month shock and TikTok's steady growth are not recovered yet (see `knownMisses`).
        let metaGap = try gap(1)
        let tiktokGap = try gap(2)
        withKnownIssue("Meta's shock is not detected; TikTok takes Google's wave") {
            #expect(metaGap < 0.15)
            #expect(tiktokGap < 0.15)
        }
    }

    @Test func unidentifiedChannelIsWarnedAboutAndHeld() throws {
        var (data, _) = TechStyleGenerator(days: 730, seed: 1).generate(family: .constantEffect)
        // Radio: spend with no effect at all; Display: Google's spend at a fixed 30 % (collinear).
        var generator = Xoshiro256StarStar(seed: 9)
        data.channels.append(
            MMMDataset.Column(name: "radio", values: (0..<730).map { _ in 800 + 400 * generator.nextDouble() }))
        data.channels.append(
            MMMDataset.Column(name: "display", values: data.channels[0].values.map { 0.3 * $0 }))
        let fit = try MarketingMixModel(Self.spec).fit(data)
        let warnings = try #require(fit.identification)
        #expect(warnings.contains { $0.kind == .effectNotIdentified && $0.channels == ["radio"] })
        #expect(warnings.contains { $0.kind == .collinearWithChannel && $0.channels == ["google_ads", "display"] })
        #expect(warnings.allSatisfy { !$0.message.isEmpty })
        #expect(fit.heldChannels.isSuperset(of: ["radio", "google_ads", "display"]))
        // The optimiser keeps held channels at their current spend and moves the others.
        let current = fit.channels.map(\.currentSpend)
        let plan = try MMMBudgetPlan(
            responses: fit.responses, current: current, budget: current.reduce(0, +) * 30, horizon: 30,
            hold: fit.heldChannels)
        for (line, now) in zip(plan.lines, current) where fit.heldChannels.contains(line.name) {
            #expect(line.held && abs(line.optimizedSpend - now * 30) < 1e-6 * now * 30, "\(line.name)")
        }
    }
}
