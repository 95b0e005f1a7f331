import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

extension RecommendCommand {
    /// `beacon recommend evaluate`: precision@k, recall@k and MAP@k of each strategy on a time split.
    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Precision@k, recall@k and MAP@k of each top-N strategy on a time split of the orders.",
            discussion: """
                Orders before --split train; the products each customer buys from --split up to --as-of \
                are what the list should hold. Only customers who bought on both sides are scored; the \
                numbers are reproducible for a --seed.
                Example: beacon recommend evaluate --workspace retail --split 2011-09-01 --k 10
                """)

        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "The first day of the test period, YYYY-MM-DD.") var split: String
        @Option(help: "List length k, 1 to 100.") var k = 10
        @Option(help: "The seed that breaks ties.") var seed: UInt64 = 0
        @OptionGroup var asOf: AsOfOption
        @Option(help: "Output: text, csv or json.") var format: OutputFormat = .text

        func validate() throws {
            guard Timestamp.parse(split) != nil, split.count == 10 else {
                throw ValidationError("--split must be a date YYYY-MM-DD, got '\(split)'")
            }
            guard (1...100).contains(k) else { throw ValidationError("--k must be from 1 to 100, got \(k)") }
        }

        func run() async throws {
            let (runtime, ws) = try await RecommendCommand.open(workspace)
            let date: Date
            if let day = asOf.endOfDay { date = day } else { date = try await runtime.profiles.today(workspaceId: ws.id) }
            let results = try await RecommendCommand.run {
                try await runtime.recommendations.evaluate(
                    workspaceId: ws.id, split: Timestamp.parse(split)!, asOf: date, k: k, seed: seed)
            }
            try await runtime.close()
            RecommendCommand.write(
                ["strategy", "k", "customers", "precision", "recall", "map"],
                results.map {
                    [
                        $0.strategy.rawValue, String($0.k), String($0.customers), RecommendCommand.number($0.precision),
                        RecommendCommand.number($0.recall), RecommendCommand.number($0.meanAveragePrecision),
                    ]
                }, format: format)
        }
    }
}
