import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// Beacon against the ChannelAttribution package on the same path file. The expected numbers
/// were computed once by `bench/attribution/peer_expected.py` and committed beside this file.
@Suite("Attribution vs ChannelAttribution", .computeBound)
struct AttributionPeerComparisonTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Expected: Decodable {
        struct Markov: Decodable {
            var result: [String: [String: Double]]
            var removal_effects: [String: [String: Double]]
        }
        var heuristic: [String: [String: Double]]
        var markov: [String: Markov]
        var total_conversions: Double
        var total_conversion_value: Double
    }

    static func load(from directory: URL = fixtures) throws -> (AttributionDataset, Expected) {
        let text = try String(contentsOf: directory.appendingPathComponent("peer_paths.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ";").map(String.init)
        let rows = lines.enumerated().map {
            (
                line: $0.offset + 2,
                fields: $0.element.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            )
        }
        let data = try AttributionPathTable.dataset(header: header, rows: rows)
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: directory.appendingPathComponent("peer_expected.json")))
        return (data, expected)
    }

    static func expectHeuristicsMatch(_ data: AttributionDataset, _ expected: Expected) throws {
        #expect(abs(data.totalConversions - expected.total_conversions) < 1e-9)
        let report = try AttributionEngine.run(data, models: [.rule(.firstTouch), .rule(.lastTouch), .rule(.linear)])
        for (c, channel) in data.channels.enumerated() {
            let peer = try #require(expected.heuristic[channel])
            for (model, key) in [("first", "first_touch"), ("last", "last_touch"), ("linear", "linear_touch")] {
                let ours = try #require(report.model(model))
                #expect(abs(ours.conversions[c] - peer["\(key)_conversions"]!) < 1e-9, "\(model) \(channel)")
                #expect(abs(ours.value[c] - peer["\(key)_value"]!) < 1e-6, "\(model) \(channel) value")
            }
        }
    }

    static func expectMarkovWithinSimulationError(_ data: AttributionDataset, _ expected: Expected, order: Int) throws {
        let peer = try #require(expected.markov["\(order)"])
        let ours = try MarkovChainAttribution(order: order).attribute(data)
        for (c, channel) in data.channels.enumerated() {
            let re = try #require(peer.removal_effects[channel]?["removal_effects_conversion"])
            let result = try #require(peer.result[channel])
            #expect(abs(ours.removalEffects[c] - re) < 0.01, "order \(order) RE \(channel)")
            let conversions = result["total_conversions"]!
            #expect(abs(ours.attribution.conversions[c] - conversions) < 0.03 * conversions, "conversions \(channel)")
            let value = result["total_conversion_value"]!
            #expect(abs(ours.attribution.value[c] - value) < 0.04 * value, "value \(channel)")
        }
    }

    @Test func heuristicsMatchExactly() throws {
        let (data, expected) = try Self.load()
        try Self.expectHeuristicsMatch(data, expected)
    }

    /// ChannelAttribution simulates 2·10⁶ walks (10 folds of 2·10⁵, about 2·10⁴ conversions
    /// each), so its removal effects carry a standard error near 0.003 and its attributed
    /// conversions about 1 %; the exact values must lie within roughly three of those. Orders 3
    /// and 4 (259 and 1,290 states) go through the Gauss–Seidel solver, 1 and 2 through dense LU.
    @Test(arguments: [1, 2, 3, 4]) func markovWithinSimulationError(order: Int) throws {
        let (data, expected) = try Self.load()
        try Self.expectMarkovWithinSimulationError(data, expected, order: order)
    }

    /// Reruns the peer live on data the fixture never saw (another seed), when `BEACON_PYTHON`
    /// names a Python with `channelattribution`, `pandas` and `matplotlib`.
    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["BEACON_PYTHON"] != nil,
            "set BEACON_PYTHON to a Python with channelattribution to rerun the peer live"))
    func livePeerOnFreshData() throws {
        let python = ProcessInfo.processInfo.environment["BEACON_PYTHON"]!
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = root.appendingPathComponent("bench/attribution/peer_expected.py")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-attribution-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runProcessBlocking(
            python, [script.path, "--out", directory.path, "--seed", "99", "--users", "6000", "--orders", "1,3"])
        try #require(run.status == 0, "\(python) \(script.path) failed: \(run.stderr)")
        let (data, expected) = try Self.load(from: directory)
        try Self.expectHeuristicsMatch(data, expected)
        for order in [1, 3] { try Self.expectMarkovWithinSimulationError(data, expected, order: order) }
    }

    /// Every model's credits sum to the observed conversions and value.
    @Test func creditsSumToTotals() throws {
        let (data, _) = try Self.load()
        let models = try AttributionEngine.parseModels(
            "first,last,last_non_direct,linear,time_decay,u_shaped,w_shaped,"
                + "markov_1,markov_2,markov_3,markov_4,shapley,shapley_ordered,shapley_coalition")
        let report = try AttributionEngine.run(data, models: models)
        #expect(report.models.count == models.count)
        for m in report.models {
            #expect(abs(m.conversions.reduce(0, +) - data.totalConversions) < 1e-9, "\(m.model)")
            #expect(abs(m.value.reduce(0, +) - data.totalValue) < 1e-9 * data.totalValue, "\(m.model) value")
        }
    }
}
