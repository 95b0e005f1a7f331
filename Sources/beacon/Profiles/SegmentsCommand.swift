import ArgumentParser
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation

/// `beacon segments list|recompute|preview`: saved segments of a workspace.
struct SegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Segments: list, preview and recompute a workspace's rule-based segments; k-means personas.",
        subcommands: [List.self, Recompute.self, Preview.self, KMeansSubcommand.self, Lookalike.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List segments with their sizes.")
        @OptionGroup var workspace: WorkspaceCommandOptions

        func run() async throws {
            let (runtime, engine, w) = try await open(workspace)
            _ = try await engine.catchUp(workspaceId: w.id)
            for s in try await engine.profileStore.segments(workspaceId: w.id) {
                let size = try await engine.members(workspaceId: w.id, segmentId: s.id).count
                print("\(s.id)\t\(s.name)\t\(size)\t\(s.rule.serialized())")
            }
            try await runtime.close()
        }
    }

    struct Recompute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fold new events, refresh predictions and re-evaluate every segment now (run on a schedule for time-based rules).")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Flag(help: "Skip the P(alive)/CLV/RFM/persona-cluster refresh.") var noPredictions = false
        @Option(help: "Persona clusters (2-20); default: chosen by silhouette.") var clusters: Int?
        @OptionGroup var asOf: AsOfOption

        func validate() throws {
            if let clusters, !(2...20).contains(clusters) { throw ValidationError("--clusters must be from 2 to 20, got \(clusters)") }
            if asOf.isSet, noPredictions { throw ValidationError("--as-of applies to the prediction refresh: leave out --no-predictions") }
        }

        func run() async throws {
            let (runtime, engine, w) = try await open(workspace)
            _ = try await engine.catchUp(workspaceId: w.id)
            let date = asOf.endOfDay
            if !noPredictions {
                let report = try await engine.refreshPredictions(workspaceId: w.id, asOf: date, clusterCount: clusters)
                if let at = report.asOf { print("predictions as of \(Timestamp.format(at))") }
                if let k = report.clusterCount { print("persona clusters (k = \(k)): \(report.personas.joined(separator: ", "))") }
            }
            if let date {
                // The refresh re-evaluated every segment as of the date; a plain recompute would use today.
                print("segments evaluated as of \(Timestamp.format(date))")
                try await runtime.close()
                return
            }
            let start = Date()
            let sizes = try await engine.recomputeSegments(workspaceId: w.id)
            for (id, n) in sizes.sorted(by: { $0.key < $1.key }) { print("\(id)\t\(n)") }
            print(String(format: "recomputed %d segments in %.2f s", sizes.count, Date().timeIntervalSince(start)))
            try await runtime.close()
        }
    }

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count the profiles a rule matches, with a sample.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Rule JSON, e.g. '{\"lifetime_value\": {\"gt\": 1000}}'.") var rule: String
        @OptionGroup var asOf: AsOfOption

        func validate() throws {
            guard let value = try? JSONValue.parse(Data(rule.utf8)) else { throw ValidationError("<rule> is not valid JSON") }
            do { _ = try SegmentRule.parse(value) } catch let e as SegmentRuleError { throw ValidationError("<rule>: \(e)") }
        }

        func run() async throws {
            let (runtime, engine, w) = try await open(workspace)
            _ = try await engine.catchUp(workspaceId: w.id)
            let p = try await engine.preview(
                workspaceId: w.id, rule: try JSONValue.parse(Data(rule.utf8)), sample: 10,
                asOf: asOf.endOfDay)
            print("\(p.count) profiles")
            for profile in p.sample { print("  \(profile.id)\t\(profile.email ?? "")\t\(profile.name ?? "")") }
            try await runtime.close()
        }
    }

    static func open(_ workspace: WorkspaceCommandOptions) async throws -> (BeaconRuntime, ProfileEngine, Workspace) {
        let (runtime, w) = try await workspace.open()
        return (runtime, runtime.profiles, w)
    }
}

private func open(_ workspace: WorkspaceCommandOptions) async throws -> (BeaconRuntime, ProfileEngine, Workspace) {
    try await SegmentsCommand.open(workspace)
}
