import ArgumentParser
import BeaconAnalytics
import Foundation

/// `beacon mmm whatif`: predicts revenue and ROAS, with intervals, for a proposed allocation.
struct MMMWhatIfCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif", abstract: "Predict revenue and ROAS of a proposed allocation with a fitted model.")

    @Option(help: "Fitted model JSON written by `mmm fit --output`.") var model: String
    @Option(help: "Spend per channel over the horizon, e.g. google_ads=400000,tiktok=300000 (others stay current).")
    var allocation: String
    @Option(help: "Planning horizon in periods (default: the model's current-spend window).") var horizon: Int?
    @Option(help: "Output: text or json (the prediction).") var format: OutputFormat = .text
    var json: Bool { format == .json }

    func validate() throws {
        try format.check([.text, .json])
        if let horizon, horizon < 1 { throw ValidationError("--horizon must be at least 1") }
    }

    func run() async throws {
        let fit = try MMMJSON.readFit(model)
        let names = fit.channels.map(\.name)
        let periods = horizon ?? fit.currentPeriods
        let given = try MMMJSON.amounts(allocation, option: "--allocation", channels: names)
        var amounts: [Double] = []
        for c in fit.channels {
            if let text = given[c.name] {
                guard let v = Double(text), v >= 0 else {
                    throw ValidationError("--allocation: '\(c.name)=\(text)' is not a non-negative amount")
                }
                amounts.append(v)
            } else {
                amounts.append(c.currentSpend * Double(periods))
            }
        }
        let result: MMMWhatIf
        do {
            result = try MMMWhatIf(
                responses: fit.responses, current: fit.channels.map(\.currentSpend), allocation: amounts,
                horizon: periods, baselinePerPeriod: fit.baselinePerPeriod, level: fit.specification.intervalLevel)
        } catch let error as MMMError {
            throw CommandError("--allocation: \(error.description)")
        }
        if json {
            try MMMJSON.write(result, to: nil)
            return
        }
        func band(_ i: MMMInterval) -> String {
            "\(MMMJSON.money(i.estimate)) [\(MMMJSON.money(i.lower)), \(MMMJSON.money(i.upper))]"
        }
        print("horizon \(periods) periods")
        for l in result.lines {
            print(
                MMMJSON.column(l.name, 16, left: true) + " spend " + MMMJSON.column(MMMJSON.money(l.spend), 10)
                    + "  revenue " + band(l.revenue)
                    + String(format: "  ROAS %.2f [%.2f, %.2f]", l.roas.estimate, l.roas.lower, l.roas.upper))
        }
        print("media revenue \(band(result.mediaRevenue)) (current plan \(MMMJSON.money(result.currentMediaRevenue)))")
        print("total revenue \(band(result.totalRevenue)) incl. baseline \(MMMJSON.money(result.baselineRevenue))")
        print(String(format: "ROAS %.2f [%.2f, %.2f]", result.roas.estimate, result.roas.lower, result.roas.upper))
    }
}
