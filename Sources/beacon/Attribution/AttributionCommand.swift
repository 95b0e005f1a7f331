import ArgumentParser
import BeaconAnalytics
import BeaconCore
import Foundation

/// `beacon attribution`: multi-touch attribution of conversions to marketing channels, every
/// requested model side by side.
///
/// Input comes from `AttributionInputOptions` (a path file or an event file); that is the one
/// place a live `--workspace` source is added. Models, settings and output are shared by all
/// inputs and run through `AttributionEngine`, the same entry point the API uses.
struct AttributionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribution",
        abstract: "Attribute conversions to channels: rule-based, Markov-chain and Shapley models side by side.",
        discussion: """
            Models: \(AttributionEngine.modelNames.joined(separator: ", ")).
            Output is a CSV table per channel (conversions and value per model, Markov removal \
            effects), or the full report with transition matrices as JSON with --format json.
            Examples:
              beacon attribution --paths paths.csv --models first,last,linear,markov,shapley --order 2
              beacon attribution --events events.csv --models last_non_direct,time_decay,w_shaped,markov --half-life 7
            """)

    @OptionGroup(title: "Input")
    var input: AttributionInputOptions

    @Option(help: "Comma-separated models.")
    var models = "first,last,linear,time_decay,u_shaped,markov,shapley"

    @Option(help: "Markov chain order (1…4) for the model 'markov'.")
    var order = 1

    @Option(help: "Output: text or json (models, transition matrices, removal effects).") var format: OutputFormat = .text
    var json: Bool { format == .json }

    @Option(help: "Write the output to this file instead of standard output.")
    var output: String?

    @Option(help: "Also write every Markov transition (order,from,to,count,probability) as CSV to this file.")
    var transitions: String?

    @Flag(help: "Print the time spent reading the input and running the models to standard error.")
    var timings = false

    @Option(
        help: """
            Time-decay half-life (weight 2^(−age/half-life)): in touches for path files (default 1), \
            in days for event files (default 7).
            """)
    var halfLife: Double?

    @Option(help: "U-shaped shares of the first and last touch, e.g. 0.4,0.4.")
    var uShaped = "0.4,0.4"

    @Option(help: "W-shaped shares of the first, lead-creation and last touch, e.g. 0.3,0.3,0.3.")
    var wShaped = "0.3,0.3,0.3"

    @Option(help: "Channel that last-non-direct skips.")
    var directChannel = "Direct"

    @Option(help: "Absorbing-chain solver: automatic, dense or gauss-seidel.")
    var solver = "automatic"

    @Option(help: "Shapley coalition game: conversion_rate or conversions.")
    var shapleyCharacteristic = "conversion_rate"

    @Option(help: "Largest channel count for exact coalition Shapley values; sampled beyond.")
    var shapleyExactCap = 20

    @Option(help: "Permutations sampled for coalition Shapley values beyond the cap.")
    var shapleySamples = 2000

    @Option(help: "Seed for sampled Shapley values.")
    var seed: UInt64 = 0

    func validate() throws {
        try format.check([.text, .json])
        guard (1...4).contains(order) else { throw ValidationError("--order must be 1, 2, 3 or 4, not \(order)") }
        if let halfLife, !(halfLife > 0 && halfLife.isFinite) {
            throw ValidationError("--half-life must be a positive number")
        }
        guard AbsorbingChainSolver.Method(rawValue: solver) != nil else {
            throw ValidationError("--solver must be automatic, dense or gauss-seidel, not '\(solver)'")
        }
        guard ShapleyAttribution.Characteristic(rawValue: shapleyCharacteristic) != nil else {
            throw ValidationError("--shapley-characteristic must be conversion_rate or conversions")
        }
        guard (1...24).contains(shapleyExactCap) else { throw ValidationError("--shapley-exact-cap must be 1…24") }
        guard shapleySamples > 0 else { throw ValidationError("--shapley-samples must be positive") }
        _ = try shares(uShaped, count: 2, option: "--u-shaped")
        _ = try shares(wShaped, count: 3, option: "--w-shaped")
        do {
            _ = try AttributionEngine.parseModels(models, settings: settings())
        } catch let error as AttributionInputError {
            throw ValidationError("--models: \(error.message)")
        }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let dataset = try await input.dataset()
        let loaded = clock.now
        let report: AttributionReport
        do {
            report = try AttributionEngine.run(
                dataset, models: AttributionEngine.parseModels(models, settings: settings()), settings: settings())
        } catch let error as AttributionInputError {
            throw CommandError(error.description)
        }
        if timings {
            let read = (loaded - started).seconds
            let modelled = (clock.now - loaded).seconds
            let line = "read \(dataset.journeys.count) journeys: \(read) s; models (\(models)): \(modelled) s\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        let text: String
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            text = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        } else {
            text = report.channelCSV()
        }
        try write(text, to: output)
        if let transitions { try write(report.transitionCSV(), to: transitions) }
    }

    private func settings() -> AttributionEngine.Settings {
        var s = AttributionEngine.Settings()
        s.halfLife = halfLife ?? (input.events != nil ? 7 : 1)
        if let u = try? shares(uShaped, count: 2, option: "--u-shaped") { s.uShaped = (u[0], u[1]) }
        if let w = try? shares(wShaped, count: 3, option: "--w-shaped") { s.wShaped = (w[0], w[1], w[2]) }
        s.directChannel = directChannel
        s.markovOrder = order
        s.solver = AbsorbingChainSolver(method: AbsorbingChainSolver.Method(rawValue: solver) ?? .automatic)
        s.shapleyCharacteristic = ShapleyAttribution.Characteristic(rawValue: shapleyCharacteristic) ?? .conversionRate
        s.shapleyExactChannelCap = shapleyExactCap
        s.shapleySamples = shapleySamples
        s.seed = seed
        return s
    }

    /// Parses `count` comma-separated shares in [0, 1] whose sum is at most 1.
    private func shares(_ text: String, count: Int, option: String) throws -> [Double] {
        let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == count, values.allSatisfy({ $0 != nil }) else {
            throw ValidationError("\(option) needs \(count) comma-separated numbers, not '\(text)'")
        }
        let shares = values.map { $0! }
        guard shares.allSatisfy({ (0...1).contains($0) }), shares.reduce(0, +) <= 1 + 1e-12 else {
            throw ValidationError("\(option) shares must lie in [0, 1] and sum to at most 1")
        }
        return shares
    }

    private func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandError("cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    fileprivate var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
