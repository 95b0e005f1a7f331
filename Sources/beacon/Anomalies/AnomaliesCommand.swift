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
            Example: beacon anomalies --workspace shop --as-of 2025-06-30
            """)

    @OptionGroup var workspace: WorkspaceCommandOptions

    @OptionGroup var asOf: AsOfOption

    @Option(help: "Output: text or json.") var format: OutputFormat = .text
    var json: Bool { format == .json }

    func validate() throws { try format.check([.text, .json]) }

    func run() async throws {
        let (runtime, ws) = try await workspace.open()
        let date = asOf.endOfDay
        let scan: AnomalyScan
        do {
            scan = try await runtime.analytics.anomalies(of: ws.id, asOf: date)
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
            print(JSONValue.array(series).serialized())
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
    }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }
}
