import ArgumentParser

/// `beacon bench`: the timing commands the benchmarks under `bench/` and `docs/benchmarks.md`
/// run beside their peers, kept apart from the product's commands.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: time Beacon's models and stores for the side-by-side runs in bench/ (build with -c release).",
        subcommands: [
            CLV.self, Churn.self, Profiles.self, KMeansTiming.self, Journeys.self, Rules.self, Lookalikes.self, Anomalies.self,
        ])
}
