import ArgumentParser
import BeaconAnalytics
import Foundation

/// `beacon mmm bench`: fits many seeded simulated data sets of each family with known truth
/// (`TechStyleGenerator.Family`) and prints, per family, the median absolute error of the
/// channels' total contributions, the coverage of the 90 % ROAS and contribution intervals and
/// the fit time. Optionally writes the first sets as CSV (with their truth) for a peer to fit.
struct MMMBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Recovery benchmark on seeded simulated data sets with known truth (error, coverage, time).")

    @Option(help: "Comma-separated families (time-varying, confounder, seasonality, correlated, constant).")
    var families = "time-varying,confounder,seasonality,correlated"
    @Option(help: "Data sets per family (seeds first-seed …).") var sets = 50
    @Option(help: "First seed.") var firstSeed: UInt64 = 1
    @Option(help: "Days per data set.") var days = 730
    @Option(help: "Differential-evolution population.") var population = 40
    @Option(help: "Differential-evolution generations.") var generations = 150
    @Option(help: "Bootstrap replicates.") var bootstrap = 200
    @Option(help: "Write each set's per-channel results as JSON lines to this file.") var output: String?
    @Option(help: "Write the first N sets of each family as CSV + truth to --sets-dir (for a peer).")
    var writeSets = 0
    @Option(help: "Directory for --write-sets.") var setsDir = "."

    func validate() throws {
        if sets < 1 { throw ValidationError("--sets must be at least 1") }
        if days < 60 { throw ValidationError("--days must be at least 60") }
        for name in families.split(separator: ",") where TechStyleGenerator.Family(rawValue: String(name)) == nil {
            throw ValidationError("--families: '\(name)' is not a family")
        }
    }

    func run() async throws {
        let chosen = families.split(separator: ",").compactMap { TechStyleGenerator.Family(rawValue: String($0)) }
        let spec = MMMSpecification(
            population: population, generations: generations, bootstrapSamples: bootstrap)
        var lines: [String] = []
        print("family         sets  median |contribution error|  90% ROAS coverage  90% contribution coverage  median fit")
        for family in chosen {
            var errors: [Double] = []
            var roasCovered = 0
            var contributionCovered = 0
            var channelCount = 0
            var seconds: [Double] = []
            for k in 0..<sets {
                let seed = firstSeed + UInt64(k)
                let (data, truth) = TechStyleGenerator(days: days, seed: seed).generate(family: family)
                if k < writeSets { try write(data, truth, family: family, seed: seed) }
                let clock = ContinuousClock()
                let start = clock.now
                let fit = try MarketingMixModel(spec).fit(data)
                let elapsed = start.duration(to: clock.now)
                seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                let score = MMMRecoveryScore(fit: fit, truth: truth)
                for c in score.channels {
                    errors.append(abs(c.contributionError))
                    roasCovered += c.roasCovered ? 1 : 0
                    contributionCovered += c.contributionCovered ? 1 : 0
                    channelCount += 1
                    let fitted = fit.channels.first { $0.name == c.name }
                    lines.append(
                        "{\"family\":\"\(family.rawValue)\",\"seed\":\(seed),\"channel\":\"\(c.name)\","
                            + "\"error\":\(c.contributionError),\"roasCovered\":\(c.roasCovered),"
                            + "\"contributionCovered\":\(c.contributionCovered),"
                            + "\"varies\":\(fitted?.effectiveness?.varies ?? false),\"seconds\":\(seconds.last!)}")
                }
            }
            print(
                MMMJSON.column(family.rawValue, 14, left: true) + MMMJSON.column("\(sets)", 5)
                    + MMMJSON.column(String(format: "%.1f %%", MMMRecoveryScore.median(errors) * 100), 28)
                    + MMMJSON.column(String(format: "%.0f %%", Double(roasCovered) / Double(channelCount) * 100), 19)
                    + MMMJSON.column(
                        String(format: "%.0f %%", Double(contributionCovered) / Double(channelCount) * 100), 27)
                    + MMMJSON.column(String(format: "%.2f s", MMMRecoveryScore.median(seconds)), 12))
        }
        if let out = output {
            do {
                try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw CommandError("cannot write '\(out)': \(error.localizedDescription)")
            }
        }
    }

    private func write(
        _ data: MMMDataset, _ truth: TechStyleGenerator.Truth, family: TechStyleGenerator.Family, seed: UInt64
    ) throws {
        let path = "\(setsDir)/\(family.rawValue)-\(seed).csv"
        let columns = data.channels + data.controls + data.events
        var rows = [(["date", data.targetName] + columns.map(\.name)).joined(separator: ",")]
        for t in 0..<data.count {
            let values = [data.target[t]] + columns.map { $0.values[t] }
            rows.append(([data.dates[t]] + values.map { String(format: "%.4f", $0) }).joined(separator: ","))
        }
        do {
            try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandError("cannot write '\(path)': \(error.localizedDescription)")
        }
        try MMMJSON.write(truth, to: MMMGenerateOptions.truthPath(for: path))
    }
}
