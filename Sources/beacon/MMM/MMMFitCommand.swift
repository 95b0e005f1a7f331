import ArgumentParser
import BeaconAnalytics
import BeaconEngine
import Foundation

extension MMMSpecification.AdstockKind: ExpressibleByArgument {}
extension MMMSpecification.SaturationKind: ExpressibleByArgument {}

/// `beacon mmm fit`: fits a marketing-mix model to a wide CSV and prints ROAS, marginal ROAS
/// and fit statistics, or the whole fit as JSON.
struct MMMFitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit", abstract: "Fit a marketing mix model (ridge + adstock/saturation search) to a CSV.")

    @Option(help: "Wide CSV: one row per day or week.") var input: String?
    @Option(help: "Instead of --input: a workspace whose 'Ad Spend' events and order revenue make the table.")
    var workspace: String?
    @Flag(help: "With --workspace: weekly rows instead of daily.") var weekly = false
    @OptionGroup var store: StoreOptions
    @Option(help: "Date column (YYYY-MM-DD).") var date = "date"
    @Option(help: "Target column, e.g. revenue.") var target = "revenue"
    @Option(help: "Comma-separated spend columns, one per paid channel (default with --workspace: every channel with spend).")
    var channels: String = ""
    @Option(help: "Comma-separated control columns.") var controls = ""
    @Option(help: "Comma-separated event columns (numeric, or labels expanded to dummies).") var events = ""
    @Option(help: "Adstock: \(MMMSpecification.AdstockKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var adstock: MMMSpecification.AdstockKind = .geometric
    @Option(help: "Saturation: \(MMMSpecification.SaturationKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var saturation: MMMSpecification.SaturationKind = .hill
    @Option(help: "Longest adstock lag in periods (default 28 days / 8 weeks; whole series for Weibull).")
    var maxLag: Int?
    @Option(help: "Trend changepoints.") var changepoints = 0
    @Option(help: "Yearly Fourier order.") var yearlyOrder = 3
    @Option(help: "Weekly Fourier order (daily data).") var weeklyOrder = 3
    @Option(help: "Last periods held out and forecast.") var holdout = 0
    @Option(help: "Share of the fitting window used to score hyper-parameters.") var validation = 0.0
    @Option(help: "Weight of DECOMP.RSSD in the search objective.") var rssdWeight = 0.0
    @Option(help: "Differential-evolution population.") var population = 40
    @Option(help: "Differential-evolution generations.") var generations = 150
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Bootstrap replicates for intervals.") var bootstrap = 200
    @Option(help: "Periods whose mean spend is the current spend (default 90 days / 13 weeks).")
    var currentPeriods: Int?
    @Option(help: "Marginal ROAS marking the diminishing-returns point.") var threshold = 1.0
    @Option(help: "Lift-test results to calibrate with: CSV with channel,start,end,lift,standard_error.")
    var liftTests: String?
    @Option(help: "Write the fitted model (JSON) here, for optimize and whatif.") var output: String?
    @Option(help: "Output: text or json (the whole fit).") var format: OutputFormat = .text
    var json: Bool { format == .json }

    func validate() throws {
        try format.check([.text, .json])
        if (input == nil) == (workspace == nil) { throw ValidationError("give exactly one of --input FILE or --workspace NAME") }
        if channelList.isEmpty, workspace == nil { throw ValidationError("--channels: name at least one spend column") }
        if population < 5 { throw ValidationError("--population must be at least 5") }
        if generations < 0 { throw ValidationError("--generations must not be negative") }
        if holdout < 0 { throw ValidationError("--holdout must not be negative") }
        if !(0..<0.5).contains(validation) { throw ValidationError("--validation must be in [0, 0.5)") }
        if bootstrap < 0 { throw ValidationError("--bootstrap must not be negative") }
        if let maxLag, maxLag < 1 { throw ValidationError("--max-lag must be at least 1") }
    }

    private var channelList: [String] { Self.list(channels) }
    static func list(_ s: String) -> [String] {
        s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let data: MMMDataset
        var csv: MMMCSVInput?
        if let workspace {
            data = try await store.marketingDataset(workspace: workspace, weekly: weekly, channels: channelList)
        } else {
            let table = try MMMCSVInput(path: input ?? "")
            csv = table
            data = try table.dataset(
                date: date, target: target, channels: channelList, controls: Self.list(controls), events: Self.list(events))
        }
        let spec = MMMSpecification(
            adstock: adstock, saturation: saturation, maxLag: maxLag,
            baseline: MMMBaseline(changepoints: changepoints, yearlyOrder: yearlyOrder, weeklyOrder: weeklyOrder),
            holdoutPeriods: holdout, validationFraction: validation, rssdWeight: rssdWeight, population: population,
            generations: generations, seed: seed, bootstrapSamples: bootstrap, currentPeriods: currentPeriods,
            diminishingReturnsThreshold: threshold)
        let lift = try liftTests.map(MMMLiftTestsCSV.init(path:))
        try lift?.check(dates: data.dates, channels: data.channels.map(\.name), fitCount: data.count - holdout)
        let fit: MMMFit
        do {
            fit = try MarketingMixModel(spec).fit(data, liftTests: lift?.tests ?? [])
        } catch let error as MMMError {
            throw csv?.explain(error)
                ?? CommandError("--workspace \(workspace ?? ""): \(error.column.map { "'\($0)': " } ?? "")\(error.message)")
        }
        if let out = output { try MMMJSON.write(fit, to: out) }
        if json {
            try MMMJSON.write(fit, to: nil)
            return
        }
        let s = fit.statistics
        print(
            String(
                format: "R² %.3f  NRMSE %.4f  MAPE %.2f%%  DECOMP.RSSD %.3f  (%d periods, λ %.2g)",
                s.rSquared, s.nrmse, s.mape * 100, s.decompRSSD, s.observations, fit.ridgeLambda))
        if let v = s.validationNRMSE { print(String(format: "validation NRMSE %.4f", v)) }
        if !s.crossValidationNRMSE.isEmpty {
            print(
                "time-series CV NRMSE (3 rolling folds): "
                    + s.crossValidationNRMSE.map { String(format: "%.4f", $0) }.joined(separator: ", "))
        }
        if let h = fit.holdout {
            print(
                String(
                    format: "holdout (%d periods): R² %.3f  NRMSE %.4f  MAPE %.2f%%", h.actual.count, h.rSquared,
                    h.nrmse, h.mape * 100))
        }
        print(
            "channel                spend     revenue  ROAS [90% interval]   mROAS  current/period  diminishing at  carryover"
        )
        for c in fit.channels {
            let diminishing = c.responseCurve.diminishingReturns.map { MMMJSON.money($0.spend) } ?? "—"
            let roas = String(format: "%5.2f [%5.2f, %5.2f]", c.roas.estimate, c.roas.lower, c.roas.upper)
            print(
                MMMJSON.column(c.name, 16, left: true) + MMMJSON.column(MMMJSON.money(c.totalSpend), 12)
                    + MMMJSON.column(MMMJSON.money(c.totalContribution), 12) + "  " + roas
                    + MMMJSON.column(String(format: "%.2f", c.marginalROAS.estimate), 8)
                    + MMMJSON.column(MMMJSON.money(c.currentSpend), 16) + MMMJSON.column(diminishing, 16)
                    + MMMJSON.column(String(format: "%.2f", c.carryoverShare), 11))
        }
        for c in fit.channels {
            guard let e = c.effectiveness, e.varies else { continue }
            let changes = e.changes.map { "\($0.date) " + String(format: "(%.2f → %.2f)", $0.from, $0.to) }
            print("\(c.name): effectiveness varies over time; changed " + (changes.isEmpty ? "gradually" : changes.joined(separator: ", ")))
        }
        for warning in fit.identification ?? [] { print(warning.message) }
        for s in fit.seasonality ?? [] { for sentence in s.sentences { print(sentence) } }
        for c in fit.liftCalibration ?? [] {
            print(
                "lift test \(c.test.channel) \(c.test.start)…\(c.test.end): measured \(MMMJSON.money(c.test.lift)) ± \(MMMJSON.money(c.test.standardError)), modelled \(MMMJSON.money(c.modelled))"
                    + String(format: " (z %.1f)", c.zScore))
        }
        print(
            "search: \(fit.search.evaluations) evaluations, \(fit.search.generations) generations, objective \(String(format: "%.4f", fit.search.objective))"
        )
    }
}
