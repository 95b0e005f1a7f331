import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

extension SegmentsCommand {
    /// `beacon segments lookalike`: grows a lookalike segment from a seed segment.
    struct Lookalike: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save the people most like a seed segment (≥ 100 buyers) as a new segment of 1–10 % of the workspace.",
            discussion: """
                Every buyer outside the seed is ranked by a weighted Gower similarity to the seed's centre \
                on standardised behaviour (recency, orders, spend, average order, tenure, category shares) \
                as of --as-of; features that set the seed apart weigh most. The top --size % of the \
                workspace's profiles is saved as segment lookalike-<seed>-<size>; each member is listed \
                with the three features that made them similar.
                Example: beacon segments lookalike shop rfm-champions --size 5
                """)

        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "The seed segment's id.") var seedSegment: String
        @Option(help: "The audience's size in % of the workspace's profiles, 1 to 10.") var size: Double = 1
        @Option(help: "The new segment's name (default: Lookalike <size> % of <seed>).") var name: String?
        @OptionGroup var asOf: AsOfOption
        @Option(help: "Output: text, csv (profile,rank,score,reasons) or json.") var format: OutputFormat = .text

        func validate() throws {
            guard size.isFinite, (1...10).contains(size) else {
                throw ValidationError("--size must be from 1 to 10 (% of the workspace), got \(size)")
            }
        }

        func run() async throws {
            let (runtime, engine, w) = try await SegmentsCommand.open(workspace)
            _ = try await engine.catchUp(workspaceId: w.id)
            let audience: LookalikeAudience
            do {
                audience = try await runtime.lookalike(
                    workspaceId: w.id, seedSegmentId: seedSegment, sizePercent: size, asOf: asOf.endOfDay, name: name)
            } catch let e as SegmentRequestError {
                try await runtime.close()
                let option = ["seed_segment": "<seed-segment>", "size_percent": "--size", "name": "--name"][e.field]
                throw CommandError("\(option ?? e.field): \(e.reason)")
            }
            try await runtime.close()
            if format == .text {
                print(
                    "saved \(audience.segment.id) (\(audience.members.count) profiles, \(audience.seedBuyers) seed buyers, "
                        + "as of \(Timestamp.format(audience.asOf)))")
            }
            RecommendCommand.write(
                ["profile", "rank", "score", "reasons"],
                audience.members.map {
                    [$0.profileId, String($0.rank), String(format: "%.4f", $0.score), $0.reasons.joined(separator: " ")]
                }, format: format)
        }
    }
}
