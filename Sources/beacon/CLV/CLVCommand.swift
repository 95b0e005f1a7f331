import ArgumentParser

/// `beacon clv`: fit buy-till-you-die customer-lifetime-value models and score customers.
///
/// The models live in BeaconAnalytics (`BGNBDModel`, `ParetoNBDModel`, …); these commands
/// only read files, call them and print.
struct CLVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv",
        abstract: "Customer lifetime value: BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB and sBG models.",
        subcommands: [Fit.self, Predict.self, Bench.self])
}
