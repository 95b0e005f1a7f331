import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// STL against statsmodels: its reference output of the original Fortran on the CO2 series
/// (`statsmodels/tsa/stl/tests/results/stl_test_results.csv`) and its own STL run side by side.
/// Needs `BEACON_STATSMODELS_PYTHON`, an interpreter with statsmodels (`.ci/run` makes one).
@Suite(
    "STL against statsmodels", .computeBound,
    .enabled(
        if: ProcessInfo.processInfo.environment["BEACON_STATSMODELS_PYTHON"] != nil,
        "set BEACON_STATSMODELS_PYTHON to a Python with statsmodels (pip install statsmodels)"))
struct SeasonalTrendLoessTests {
    static func peer(_ arguments: [String], input: Data? = nil) throws -> Data {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("bench/anomalies/stl_peer.py")
        let run = try runProcessBlocking(
            ProcessInfo.processInfo.environment["BEACON_STATSMODELS_PYTHON"]!, [script.path] + arguments,
            input: input ?? Data())
        try #require(run.status == 0, "stl_peer.py \(arguments) failed: \(run.stderr)")
        return Data(run.stdout.utf8)
    }

    static func referenceDirectory() throws -> URL {
        let path = String(decoding: try peer(["reference"]), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return URL(fileURLWithPath: path)
    }

    static func co2() throws -> [Double] {
        let text = try String(contentsOf: referenceDirectory().appendingPathComponent("stl_co2.csv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The Fortran's season, trend and robustness weights for one scenario, by index.
    static func fortran(_ scenario: String) throws -> (season: [Double], trend: [Double], weights: [Double]) {
        let text = try String(
            contentsOf: referenceDirectory().appendingPathComponent("stl_test_results.csv"), encoding: .utf8)
        var rows: [(Int, Double, Double, Double)] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count == 5, f[0] == scenario, let i = Int(f[1]), let s = Double(f[2]), let t = Double(f[3]),
                let w = Double(f[4])
            else { continue }
            rows.append((i, s, t, w))
        }
        rows.sort { $0.0 < $1.0 }
        return (rows.map(\.1), rows.map(\.2), rows.map(\.3))
    }

    /// The scenarios of statsmodels' test_stl.py: CO2, period 12, ns 35, nt 19, nl 13, degrees 1,
    /// jumps 4/2/2 (varied), one inner and two outer passes.
    static let scenarios: [(name: String, dropLast: Bool, trendJump: Int, lowPassJump: Int)] = [
        ("baseline", false, 2, 2), ("short", true, 2, 2), ("nljump-1", false, 2, 1), ("ntjump-1", false, 1, 2),
        ("nljump-1-ntjump-1", false, 1, 1),
    ]

    @Test("Season, trend and weights equal the original Fortran's on CO2 (1e-8)", arguments: scenarios.indices)
    func fortranReference(index: Int) throws {
        let scenario = Self.scenarios[index]
        var y = try Self.co2()
        #expect(y.count == 348)
        if scenario.dropLast { y.removeLast() }
        var stl = SeasonalTrendLoess(period: 12, seasonal: 35, trend: 19, lowPass: 13)
        stl.seasonalJump = 4
        stl.trendJump = scenario.trendJump
        stl.lowPassJump = scenario.lowPassJump
        let result = stl.decompose(y, inner: 1, outer: 2)
        let expected = try Self.fortran(scenario.name)
        try #require(expected.trend.count == y.count, "\(scenario.name): \(expected.trend.count) reference rows")
        let worst = [
            zip(result.seasonal, expected.season).map { abs($0 - $1) }.max() ?? .nan,
            zip(result.trend, expected.trend).map { abs($0 - $1) }.max() ?? .nan,
            zip(result.weights, expected.weights).map { abs($0 - $1) }.max() ?? .nan,
        ]
        #expect(worst.allSatisfy { $0 <= 1e-8 }, "\(scenario.name): max |Δ| season, trend, weights = \(worst)")
        for i in y.indices {
            #expect(abs(result.remainder[i] - (y[i] - result.seasonal[i] - result.trend[i])) < 1e-12)
        }
    }

    @Test("Robust STL with default spans equals statsmodels' STL run side by side (1e-8)")
    func robustDefaults() throws {
        let y = try Self.co2()
        let stl = SeasonalTrendLoess(period: 12, seasonal: 13)
        let spec: [String: Any] = ["y": y, "period": 12, "seasonal": 13, "inner": 2, "outer": 15]
        let data = try Self.peer(["fit"], input: try JSONSerialization.data(withJSONObject: spec))
        let peer = try JSONDecoder().decode([String: [Double]].self, from: data)
        let result = stl.decompose(y, inner: 2, outer: 15)
        #expect(stl.trend == 21)  // statsmodels' default: smallest odd ≥ 1.5·12/(1 − 1.5/13) = 20.35
        #expect(stl.lowPass == 13)
        for (name, mine) in [("season", result.seasonal), ("trend", result.trend), ("weights", result.weights)] {
            let theirs = try #require(peer[name])
            let worst = zip(mine, theirs).map { abs($0 - $1) }.max() ?? .nan
            #expect(worst <= 1e-8, "\(name): max |Δ| = \(worst)")
        }
    }
}
