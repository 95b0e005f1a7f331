import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon anomalies`: unusual days in a workspace's revenue, orders, events, sign-ups and spend.
struct AnomaliesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "Flag unusual days in a workspace's revenue, orders, events, sign-ups and spend per channel.",
        discussion: """
            Each daily series (UTC days, from the first event to --as-of) is decomposed by robust STL \
            (Cleveland et al. 1990) with a weekly period, and the remainder is tested with the generalized \
            ESD test (Rosner 1983) at alpha 0.05 for up to 5 % of the days. Each flag shows the day, the \
            value, the expected value (trend + week pattern) and the band of ordinary values. Series with \
            fewer than 14 days are not scanned.
            Then the data checks of the last --days days (DataChecks): days with spend and no revenue, \
            orders with no known customer, and attribution models (over every journey) whose credits do not \
            add up to the conversions' value. Each check is found, passed or not run (no spend, no journeys).
            Example: beacon anomalies --workspace shop --as-of 2025-06-30 --days 30
            """)

    @OptionGroup var workspace: WorkspaceCommandOptions

    @OptionGroup var asOf: AsOfOption

    @Option(help: "The data checks' period: this many days up to the as-of day.") var days = 30

    @Option(help: "Output: text or json.") var format: OutputFormat = .text
    var json: Bool { format == .json }

    func validate() throws {
        try format.check([.text, .json])
        guard (1...3_650).contains(days) else { throw ValidationError("--days must be 1…3650, got \(days)") }
    }

    func run() async throws {
        let (runtime, ws) = try await workspace.open()
        let date = asOf.endOfDay
        let scan: AnomalyScan
        let checks: DataChecks?
        do {
            let analytics = runtime.analytics
            scan = try await analytics.anomalies(of: ws.id, asOf: date)
            var end = date
            if end == nil { end = try await analytics.span(of: ws.id).last }
            if let end {
                let attribution = try AttributionComparison.run(on: try await analytics.touches(of: ws.id))
                checks = try await analytics.dataChecks(
                    of: ws.id, scan: scan, from: end.addingTimeInterval(-Double(days) * 86_400), asOf: end,
                    attribution: attribution)
            } else {
                checks = nil
            }
            try await runtime.close()
        } catch {
            try? await runtime.close()
            throw error
        }
        if json {
            let series: [JSONValue] = scan.series.map { s in
                .object([
                    "series": .string(s.name), "days": .number(Double(s.values.count)),
                    "flags": .array(
                        s.flags.map { f in
                            .object([
                                "day": .string(s.day(f.index)), "value": .number(f.value),
                                "expected": .number(f.expected), "lower": .number(f.lower), "upper": .number(f.upper),
                            ])
                        }),
                ])
            }
            print(JSONValue.object(["series": .array(series), "checks": .array(Self.checkRows(checks).map(\.json))]).serialized())
            return
        }
        print("series\tday\tvalue\texpected\tlower\tupper")
        for s in scan.series {
            for f in s.flags {
                print(
                    [
                        s.name, s.day(f.index), Self.number(f.value), Self.number(f.expected), Self.number(f.lower),
                        Self.number(f.upper),
                    ].joined(separator: "\t"))
            }
        }
        print("")
        print("check\tresult\tcount\tamount\texamples")
        for row in Self.checkRows(checks) {
            print([row.check, row.result, String(row.count), Self.number(row.amount), row.examples.joined(separator: ", ")]
                .joined(separator: "\t"))
        }
    }

    /// One data check's outcome as printed: found, passed or not run (count and amount 0).
    struct CheckRow {
        var check: String
        var result: String
        var count = 0
        var amount = 0.0
        var examples: [String] = []

        var json: JSONValue {
            .object([
                "check": .string(check), "result": .string(result), "count": .number(Double(count)),
                "amount": .number(amount), "examples": .array(examples.map(JSONValue.string)),
            ])
        }
    }

    /// Every check in `DataChecks.Check.allCases` order (all "not run" for a workspace without events).
    static func checkRows(_ checks: DataChecks?) -> [CheckRow] {
        DataChecks.Check.allCases.map { check in
            if let f = checks?.findings.first(where: { $0.check == check }) {
                return CheckRow(check: check.rawValue, result: "found", count: f.count, amount: f.amount, examples: f.examples)
            }
            return CheckRow(check: check.rawValue, result: checks?.passed.contains(check) == true ? "passed" : "not run")
        }
    }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }
}
