import ArgumentParser
import BeaconAnalytics
import Foundation

/// `beacon mmm optimize`: splits a budget across a fitted model's channels to maximise
/// predicted revenue, and prints current against optimised spend and the projected lift.
struct MMMOptimizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize", abstract: "Optimise a budget across channels with a fitted model.")

    @Option(help: "Fitted model JSON written by `mmm fit --output`.") var model: String
    @Option(help: "Total budget over the horizon.") var budget: Double?
    @Option(help: "Instead of --budget: the largest budget whose optimised media ROAS reaches this.")
    var targetRoas: Double?
    @Option(help: "With --target-roas: the largest budget to consider (default 3 × current spend).")
    var maxBudget: Double?
    @Option(help: "Planning horizon in periods (default: the model's current-spend window).") var horizon: Int?
    @Option(
        help: "Per-channel totals over the horizon, e.g. google_ads=1000:50000,tiktok=:20000 (default 0.5–2 × current)."
    )
    var bounds = ""
    @Option(help: "Output: text or json (the plan).") var format: OutputFormat = .text
    var json: Bool { format == .json }

    func validate() throws {
        try format.check([.text, .json])
        if (budget == nil) == (targetRoas == nil) { throw ValidationError("give either --budget or --target-roas") }
        if let budget, !(budget > 0) { throw ValidationError("--budget must be positive") }
        if let targetRoas, !(targetRoas > 0) { throw ValidationError("--target-roas must be positive") }
        if let maxBudget, !(maxBudget > 0) { throw ValidationError("--max-budget must be positive") }
        if let horizon, horizon < 1 { throw ValidationError("--horizon must be at least 1") }
    }

    func run() async throws {
        let fit = try MMMJSON.readFit(model)
        let names = fit.channels.map(\.name)
        let periods = horizon ?? fit.currentPeriods
        let currentTotal = fit.channels.map(\.currentSpend).reduce(0, +) * Double(periods)
        let ceiling = budget ?? maxBudget ?? 3 * currentTotal
        let given = try MMMJSON.amounts(bounds, option: "--bounds", channels: names)
        var ranges: [ClosedRange<Double>?] = []
        for name in names {
            guard let text = given[name] else {
                ranges.append(nil)
                continue
            }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let lo = parts[0].isEmpty ? 0 : Double(parts[0]),
                let hi = parts[1].isEmpty ? ceiling : Double(parts[1]), lo >= 0, lo <= hi
            else { throw ValidationError("--bounds: '\(name)=\(text)' is not low:high with 0 ≤ low ≤ high") }
            ranges.append(lo...hi)
        }
        let plan: MMMBudgetPlan
        do {
            if let targetRoas {
                plan = try MMMBudgetPlan.forTargetROAS(
                    targetRoas, responses: fit.responses, current: fit.channels.map(\.currentSpend), horizon: periods,
                    maxBudget: ceiling, bounds: ranges, level: fit.specification.intervalLevel,
                    hold: fit.heldChannels)
            } else {
                plan = try MMMBudgetPlan(
                    responses: fit.responses, current: fit.channels.map(\.currentSpend), budget: ceiling,
                    horizon: periods, bounds: ranges, level: fit.specification.intervalLevel, hold: fit.heldChannels)
            }
        } catch let error as MMMError {
            throw CommandError("--\(error.column ?? "budget"): \(error.message)")
        }
        if json {
            try MMMJSON.write(plan, to: nil)
            return
        }
        print(
            "horizon \(periods) periods; budget \(MMMJSON.money(plan.budget)) (current spend \(MMMJSON.money(currentTotal)))"
        )
        print("channel               current     optimised   change   revenue now  revenue then  mROAS")
        for l in plan.lines {
            let change =
                l.currentSpend > 0 ? String(format: "%+.0f%%", (l.optimizedSpend / l.currentSpend - 1) * 100) : "new"
            print(
                MMMJSON.column(l.name, 16, left: true) + MMMJSON.column(MMMJSON.money(l.currentSpend), 12)
                    + MMMJSON.column(MMMJSON.money(l.optimizedSpend), 14) + MMMJSON.column(change, 9)
                    + MMMJSON.column(MMMJSON.money(l.currentRevenue), 14)
                    + MMMJSON.column(MMMJSON.money(l.optimizedRevenue), 14)
                    + MMMJSON.column(String(format: "%.2f", l.marginalROAS), 7))
        }
        print(
            "media revenue \(MMMJSON.money(plan.currentRevenue)) → \(MMMJSON.money(plan.optimizedRevenue)); lift \(MMMJSON.money(plan.lift.estimate)) [\(MMMJSON.money(plan.lift.lower)), \(MMMJSON.money(plan.lift.upper))] (\(String(format: "%+.1f%%", plan.liftPercent)))"
        )
        print(
            String(format: "media ROAS %.2f; check (projected gradient) revenue ", plan.optimizedROAS)
                + MMMJSON.money(plan.checkRevenue))
        for warning in fit.identification ?? [] { print(warning.message) }
        for l in plan.lines where !l.effectIdentified && !l.held {
            print("\(l.name): no effect distinguishable from zero (its bootstrap interval starts at 0): not given more than its current spend")
        }
    }
}
