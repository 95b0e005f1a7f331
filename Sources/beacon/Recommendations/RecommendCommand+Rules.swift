import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

extension RecommendCommand {
    /// `beacon recommend rules`: item-to-item association rules of a workspace's orders.
    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Item-to-item association rules (Apriori) of the orders up to --as-of.",
            discussion: """
                A basket is one completed order's products (product_id, else sku, else name). Itemsets in \
                at least --min-support of the baskets are mined by Apriori (Agrawal & Srikant 1994) and \
                split into rules, kept when --metric reaches --min-threshold; the numbers equal PyPI \
                mlxtend's apriori + association_rules. Conviction is inf for a rule that always holds.
                Example: beacon recommend rules --workspace shop --min-support 0.02 --metric confidence \
                --min-threshold 0.5
                """)

        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "The least share of orders holding a rule's items, 0.005 to 1.") var minSupport = 0.05
        @Option(help: "The measure rules are kept and ranked by: support, confidence, lift, leverage, conviction.")
        var metric = "lift"
        @Option(help: "The least value of --metric.") var minThreshold = 1.0
        @Option(help: "The most items in a rule, 2 to 6.") var maxLength = 4
        @Option(help: "How many rules to show, 1 to 10000.") var limit = 20
        @OptionGroup var asOf: AsOfOption
        @Option(help: "Output: text, csv or json.") var format: OutputFormat = .text

        func validate() throws {
            guard minSupport.isFinite, (0.005...1).contains(minSupport) else {
                throw ValidationError("--min-support must be from 0.005 to 1, got \(minSupport)")
            }
            guard ProductRecommendations.metrics.contains(metric) else {
                throw ValidationError("--metric must be one of \(ProductRecommendations.metrics.joined(separator: ", "))")
            }
            guard minThreshold.isFinite else { throw ValidationError("--min-threshold must be a number") }
            guard (2...6).contains(maxLength) else { throw ValidationError("--max-length must be from 2 to 6") }
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 10000") }
        }

        func run() async throws {
            let (runtime, ws) = try await RecommendCommand.open(workspace)
            let date: Date
            if let day = asOf.endOfDay { date = day } else { date = try await runtime.profiles.today(workspaceId: ws.id) }
            let set = try await RecommendCommand.run {
                try await runtime.recommendations.rules(
                    workspaceId: ws.id, asOf: date, minSupport: minSupport, metric: metric, minThreshold: minThreshold,
                    maxLength: maxLength, limit: limit)
            }
            try await runtime.close()
            let header = [
                "antecedents", "consequents", "support", "confidence", "lift", "leverage", "conviction",
            ]
            let rows = set.rules.map { r in
                [
                    r.antecedents.joined(separator: " + "), r.consequents.joined(separator: " + "),
                    RecommendCommand.number(r.support), RecommendCommand.number(r.confidence),
                    RecommendCommand.number(r.lift), RecommendCommand.number(r.leverage),
                    RecommendCommand.number(r.conviction),
                ]
            }
            if format == .text { print("\(set.basketCount) orders with products as of \(Timestamp.format(date))") }
            RecommendCommand.write(header, rows, format: format)
        }
    }
}
