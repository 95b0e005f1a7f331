import ArgumentParser

/// `beacon generate`: seeded demo data sets (`beacon generate mmm …`).
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Generate seeded demo data.", subcommands: [GenerateMMMCommand.self])
}

/// `beacon generate mmm`: the same generator as `beacon mmm generate`.
struct GenerateMMMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mmm", abstract: "Generate the TechStyle Fashion marketing-mix demo data with its true parameters."
    )
    @OptionGroup var options: MMMGenerateOptions
    func run() async throws { try options.run() }
}
