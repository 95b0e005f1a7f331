import ArgumentParser
import BeaconAnalytics
import Foundation

/// `beacon clv`: fit buy-till-you-die customer-lifetime-value models and score customers.
///
/// The models live in BeaconAnalytics (`BGNBDModel`, `ParetoNBDModel`, …); these commands
/// only read files, call them and print.
struct CLVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv",
        abstract: "Customer lifetime value: BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB and sBG models.",
        subcommands: [Fit.self, Predict.self])
}

extension CLVCommand {
    /// The fitted model, after telling standard error what to know before trusting it.
    static func judged<M>(_ fit: CLVFitResult<M>) -> M {
        if let caution = fit.caution {
            FileHandle.standardError.write(Data("caution: \(caution)\n".utf8))
        }
        return fit.model
    }
}
