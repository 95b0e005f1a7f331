import ArgumentParser

/// `beacon mmm`: marketing-mix modelling — fit a model, optimise a budget, try a what-if,
/// and generate the TechStyle Fashion demo data.
struct MMMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mmm",
        abstract: "Marketing mix modelling: fit, budget optimisation, what-if, forecasts and demo data.",
        subcommands: [
            MMMFitCommand.self, MMMOptimizeCommand.self, MMMWhatIfCommand.self, MMMForecastCommand.self, MMMGenerateCommand.self,
            MMMBenchCommand.self,
        ])
}
