import ArgumentParser

/// `beacon segment`: customer segmentation by clustering.
struct SegmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Cluster customers into personas.",
        subcommands: [KMeansSubcommand.self, BenchSubcommand.self])
}
