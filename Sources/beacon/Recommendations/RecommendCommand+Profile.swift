import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

extension RecommendCommand {
    /// `beacon recommend profile`: the top products for one profile.
    struct ProfileList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "The top products for a profile (by id or any identifier) from the orders up to --as-of.",
            discussion: """
                Strategies: co-occurrence (items bought in the same orders as theirs, new to them; Linden \
                et al. 2003), personal-popularity (their own items by how many of their orders held them) \
                and popularity. Ties go to the more popular item, then to a random order fixed by --seed.
                Example: beacon recommend profile --workspace shop user-42 --k 5
                """)

        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "A profile id or identifier (user id, email…).") var profile: String
        @Option(help: "How many products, 1 to 100.") var k = 5
        @Option(help: "co-occurrence, personal-popularity or popularity.") var strategy = "co-occurrence"
        @Option(help: "The seed that breaks ties.") var seed: UInt64 = 0
        @OptionGroup var asOf: AsOfOption
        @Option(help: "Output: text, csv or json.") var format: OutputFormat = .text

        func validate() throws {
            guard (1...100).contains(k) else { throw ValidationError("--k must be from 1 to 100, got \(k)") }
            guard ProductRecommendations.strategies.contains(strategy) else {
                throw ValidationError(
                    "--strategy must be one of \(ProductRecommendations.strategies.joined(separator: ", "))")
            }
        }

        func run() async throws {
            let (runtime, ws) = try await RecommendCommand.open(workspace)
            let profiles = runtime.profiles.profileStore
            var found = try await profiles.profile(workspaceId: ws.id, id: profile)
            if found == nil, let id = try await profiles.profileId(workspaceId: ws.id, identifierValue: profile, kind: nil) {
                found = try await profiles.profile(workspaceId: ws.id, id: id)
            }
            guard let found else {
                try await runtime.close()
                throw CommandError("<profile>: no profile with id or identifier '\(profile)'")
            }
            let date: Date
            if let day = asOf.endOfDay { date = day } else { date = try await runtime.profiles.today(workspaceId: ws.id) }
            let items = try await RecommendCommand.run {
                try await runtime.recommendations.recommend(
                    workspaceId: ws.id, persons: Set(found.identifiers.map(\.value)), asOf: date, k: k,
                    strategy: strategy, seed: seed)
            }
            try await runtime.close()
            RecommendCommand.write(
                ["rank", "item", "name", "score"],
                items.enumerated().map { i, r in [String(i + 1), r.item, r.name ?? "", RecommendCommand.number(r.score)] },
                format: format)
        }
    }
}
