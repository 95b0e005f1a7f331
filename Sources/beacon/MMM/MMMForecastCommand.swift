import ArgumentParser
import BeaconAnalytics
import BeaconEngine
import Foundation

/// `beacon mmm forecast`: revenue for the next periods from a planned spend per channel (or the
/// current run rate), with prediction intervals (`MMMForecast`) and a rolling-origin backtest
/// beside it (`MMMBacktest`).
struct MMMForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast revenue from planned spend, with prediction intervals and a rolling-origin backtest.")

    @Option(help: "Wide CSV: one row per day or week.") var input: String?
    @Option(help: "Instead of --input: a workspace whose 'Ad Spend' events and order revenue make the table.")
    var workspace: String?
    @Flag(help: "With --workspace: weekly rows instead of daily.") var weekly = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: "Date column (YYYY-MM-DD).") var date = "date"
    @Option(help: "Target column (default: the model's, else revenue).") var target: String?
    @Option(help: "Comma-separated spend columns (default: the model's channels; with --workspace every channel).")
    var channels = ""
    @Option(help: "Comma-separated control columns (default: the model's).") var controls = ""
    @Option(help: "Comma-separated numeric event columns (default: the model's).") var events = ""
    @Option(help: "Fitted model JSON from `mmm fit --output` (default: fit one now).") var model: String?
    @Option(help: "Periods to forecast (days for daily data, weeks for weekly).") var horizon = 30
    @Option(help: "Planned spend per period, e.g. google_ads=6000,tiktok=2500 (other channels: current run rate).")
    var spend = ""
    @Option(help: "Backtest origins (0: no backtest).") var origins = 4
    @Flag(help: "Backtest keeping the model's adstock and saturation (faster; they have seen the later data).")
    var keepTransforms = false
    @Option(help: "Simulated replicates behind the intervals.") var samples = 1000
    @Option(help: "Differential-evolution population (when fitting).") var population = 40
    @Option(help: "Differential-evolution generations (when fitting).") var generations = 150
    @Option(help: "Bootstrap replicates of the fit (when fitting).") var bootstrap = 200
    @Option(help: "Random seed of the fit and the simulation.") var seed: UInt64 = 1
    @Option(help: "Write the answer here instead of standard output.") var output: String?
    @Option(help: "Output: text, csv (one row per period) or json (forecast, backtest and seasonality).")
    var format: OutputFormat = .text

    func validate() throws {
        try format.check([.text, .csv, .json])
        if (input == nil) == (workspace == nil) {
            throw ValidationError("give exactly one of --input FILE or --workspace NAME")
        }
        if horizon < 1 { throw ValidationError("--horizon must be at least 1") }
        if horizon > 730 { throw ValidationError("--horizon must be at most 730 periods") }
        if origins < 0 { throw ValidationError("--origins must not be negative") }
        if samples < 20 { throw ValidationError("--samples must be at least 20") }
        if population < 5 { throw ValidationError("--population must be at least 5") }
        if generations < 0 { throw ValidationError("--generations must not be negative") }
        if bootstrap < 0 { throw ValidationError("--bootstrap must not be negative") }
    }

    /// What the command computed, as `--format json` writes it.
    struct Answer: Encodable {
        var forecast: MMMForecast
        var backtest: MMMBacktest?
        var seasonality: [MMMChannelSeasonality]
    }

    func run() async throws {
        let saved = try model.map(MMMJSON.readFit)
        var csv: MMMCSVInput?
        var data: MMMDataset
        if let workspace {
            data = try await store.marketingDataset(
                workspace: workspace, weekly: weekly,
                channels: channels.isEmpty ? (saved?.channels.map(\.name) ?? []) : MMMFitCommand.list(channels))
        } else {
            let table = try MMMCSVInput(path: input ?? "")
            csv = table
            let terms = saved?.baselineTerms ?? []
            func names(_ option: String, _ group: MMMBaseline.Group) -> [String] {
                option.isEmpty ? terms.filter { $0.group == group }.map(\.name) : MMMFitCommand.list(option)
            }
            let channelNames = channels.isEmpty ? (saved?.channels.map(\.name) ?? []) : MMMFitCommand.list(channels)
            guard !channelNames.isEmpty else { throw ValidationError("--channels: name at least one spend column") }
            data = try table.dataset(
                date: date, target: target ?? saved?.targetName ?? "revenue", channels: channelNames,
                controls: names(controls, .control), events: names(events, .event))
        }
        func explain(_ error: MMMError) -> any Error {
            csv?.explain(error)
                ?? CommandError(
                    "--workspace \(workspace ?? ""): \(error.column.map { "'\($0)': " } ?? "")\(error.message)")
        }
        if let day = asOf.day {
            let keep = data.dates.prefix { (MMMCalendarDate(iso: $0)?.day ?? Int.max) <= day }.count
            guard keep > 0 else { throw ValidationError("--as-of \(asOf.text ?? ""): the data starts after it") }
            data = Self.prefix(data, keep)
        }
        let spec =
            saved?.specification
            ?? MMMSpecification(
                population: population, generations: generations, seed: seed, bootstrapSamples: bootstrap)
        let fit: MMMFit
        do {
            fit = try saved ?? MarketingMixModel(spec).fit(data)
        } catch let error as MMMError {
            throw explain(error)
        }
        let overrides = try MMMJSON.amounts(spend, option: "--spend", channels: fit.channels.map(\.name))
        var amounts: [String: Double] = [:]
        for (name, text) in overrides {
            guard let v = Double(text), v.isFinite, v >= 0 else {
                throw ValidationError("--spend: '\(name)=\(text)' is not a non-negative amount")
            }
            amounts[name] = v
        }
        let forecast: MMMForecast
        var backtest: MMMBacktest?
        do {
            forecast = try MMMForecast(
                fit: fit, data: data, spend: MMMForecast.plan(fit: fit, horizon: horizon, overrides: amounts),
                horizon: horizon, samples: samples, seed: seed)
            if origins > 0 {
                backtest = try MMMBacktest(
                    data: data, specification: spec, horizon: horizon, origins: origins,
                    refitSearch: !keepTransforms, fit: fit, samples: samples, seed: seed)
            }
        } catch let error as MMMError where ["horizon", "origins"].contains(error.column ?? "") {
            throw ValidationError("--\(error.column!): \(error.message)")
        } catch let error as MMMError {
            throw explain(error)
        }
        let seasonality = fit.seasonality ?? []
        let text: String
        switch format {
        case .json:
            text = String(
                decoding: try MMMJSON.encoder().encode(
                    Answer(forecast: forecast, backtest: backtest, seasonality: seasonality)), as: UTF8.self)
        case .csv:
            text = Self.csv(forecast)
        case .text:
            text = Self.report(forecast, backtest: backtest, seasonality: seasonality, overrides: amounts)
        }
        if let output {
            do { try (text + "\n").write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw CommandError("cannot write '\(output)': \(error.localizedDescription)")
            }
        } else {
            print(text)
        }
    }

    /// The first `count` rows of `data`.
    static func prefix(_ data: MMMDataset, _ count: Int) -> MMMDataset {
        func cut(_ c: MMMDataset.Column) -> MMMDataset.Column {
            .init(name: c.name, values: Array(c.values.prefix(count)))
        }
        return MMMDataset(
            dates: Array(data.dates.prefix(count)), targetName: data.targetName,
            target: Array(data.target.prefix(count)),
            channels: data.channels.map(cut), controls: data.controls.map(cut), events: data.events.map(cut))
    }

    static func csv(_ f: MMMForecast) -> String {
        var lines = ["date,revenue,lower,upper,baseline,media,cumulative,cumulative_lower,cumulative_upper"]
        for p in f.periods {
            lines.append(
                [
                    p.date, p.revenue.estimate, p.revenue.lower, p.revenue.upper, p.baseline, p.media,
                    p.cumulative.estimate, p.cumulative.lower, p.cumulative.upper,
                ].map { "\($0)" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    static func report(
        _ f: MMMForecast, backtest: MMMBacktest?, seasonality: [MMMChannelSeasonality], overrides: [String: Double]
    ) -> String {
        let unit = f.stepDays == 1 ? "days" : "weeks"
        let percent = Int((f.level * 100).rounded())
        func band(_ i: MMMInterval) -> String {
            "\(MMMJSON.money(i.estimate)) [\(MMMJSON.money(i.lower)), \(MMMJSON.money(i.upper))]"
        }
        var out = [
            "forecast of \(f.horizon) \(unit) from \(f.periods.first?.date ?? "") (\(percent)% prediction intervals, \(f.samples) simulations); "
                + (overrides.isEmpty
                    ? "spend at the current run rate"
                    : "planned spend for \(overrides.keys.sorted().joined(separator: ", ")), others at the current run rate")
        ]
        out.append("date              revenue            interval      baseline      media")
        for p in f.periods {
            out.append(
                MMMJSON.column(p.date, 10, left: true) + MMMJSON.column(MMMJSON.money(p.revenue.estimate), 13)
                    + MMMJSON.column("[\(MMMJSON.money(p.revenue.lower)), \(MMMJSON.money(p.revenue.upper))]", 22)
                    + MMMJSON.column(MMMJSON.money(p.baseline), 12) + MMMJSON.column(MMMJSON.money(p.media), 11))
        }
        out.append("total revenue \(band(f.total)) on spend \(MMMJSON.money(f.spend))")
        for c in f.channels {
            out.append(
                MMMJSON.column(c.name, 16, left: true) + " spend " + MMMJSON.column(MMMJSON.money(c.spend), 10)
                    + "  revenue " + band(c.revenue) + "  of which carry-over " + MMMJSON.money(c.carryover))
        }
        if let b = backtest {
            out.append(
                "backtest: \(b.origins.count) rolling origins, \(b.refitSearch ? "refitted with the search" : "transforms kept")"
                    + String(
                        format: "; MAPE %.1f%%, coverage %.0f%% per period; totals: MAPE %.1f%%, coverage %.0f%%",
                        b.mape * 100, b.coverage * 100, b.totalMAPE * 100, b.totalCoverage * 100))
            out.append("ahead     MAPE  coverage")
            for s in b.steps {
                out.append(
                    MMMJSON.column("\(s.ahead)", 5)
                        + String(format: "  %6.1f%%  %7.0f%%", s.mape * 100, s.coverage * 100))
            }
        }
        for s in seasonality { out += s.sentences }
        return out.joined(separator: "\n")
    }

}
