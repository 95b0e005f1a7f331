import ArgumentParser
import BeaconAnalytics
import Foundation

/// The options of the demo-data generator, shared by `beacon mmm generate` and `beacon generate mmm`.
struct MMMGenerateOptions: ParsableArguments {
    @Option(help: "Number of days.") var days = 730
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Output CSV; the true parameters go to FILE.truth.json beside it.") var output: String
    @Option(
        help: "A simulated family with known truth instead of the TechStyle demo: time-varying, constant, confounder, seasonality or correlated."
    ) var family: TechStyleGenerator.Family?

    func validate() throws {
        if days < 30 { throw ValidationError("--days must be at least 30") }
    }

    /// Generates and writes the CSV and its truth file.
    func run() throws {
        let generator = TechStyleGenerator(days: days, seed: seed)
        let (data, truth) = family.map { generator.generate(family: $0) } ?? generator.generate()
        var lines = [
            (["date", data.targetName] + (data.channels + data.controls + data.events).map(\.name)).joined(
                separator: ",")
        ]
        for t in 0..<data.count {
            let values = [data.target[t]] + (data.channels + data.controls + data.events).map { $0.values[t] }
            lines.append(([data.dates[t]] + values.map { String(format: "%.2f", $0) }).joined(separator: ","))
        }
        do {
            try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CommandError("cannot write '\(output)': \(error.localizedDescription)")
        }
        let truthPath = Self.truthPath(for: output)
        try MMMJSON.write(truth, to: truthPath)
        print("wrote \(output) (\(data.count) days, \(data.channels.count) channels) and \(truthPath)")
    }

    static func truthPath(for csv: String) -> String {
        (csv.hasSuffix(".csv") ? String(csv.dropLast(4)) : csv) + ".truth.json"
    }
}

/// `beacon mmm generate`: writes seed 001's TechStyle Fashion demo data and its true parameters.
struct MMMGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Generate the TechStyle Fashion demo data (seeded) with its true parameters."
    )
    @OptionGroup var options: MMMGenerateOptions
    func run() async throws { try options.run() }
}

extension TechStyleGenerator.Family: ExpressibleByArgument {}
