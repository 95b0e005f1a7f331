import Foundation
import Testing

@testable import BeaconServer

/// Twelve made-up weekly values for series `k` of the stacked golden chart.
private func stackedValues(_ k: Int) -> [Double] {
    (0..<12).map { (i: Int) -> Double in Double((i * 37 + k * 11) % 50) * 10 }
}

/// The charts' SVG is compared byte for byte with files written before the charts were drawn
/// through `ChartScene`, so the dashboard looks exactly as it did. After a deliberate change,
/// regenerate with `BEACON_UPDATE_GOLDEN=1 swift test --skip-build --filter ChartSVGGolden`.
@Suite("Chart SVG golden files")
struct ChartSVGGoldenTests {
    static let charts: [(name: String, svg: @Sendable () -> String)] = [
        (
            "line",
            {
                LineChart(
                    title: "Spend & <revenue>", categories: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"],
                    series: [
                        ChartSeries(name: "Spend", values: [120, 80.5, .nan, 300]),
                        ChartSeries(name: "Revenue", values: [400, 390, 1_250, 980]),
                    ], style: .line, unit: .money(symbol: "$"), xTitle: "Day", yTitle: "Amount"
                ).svg()
            }
        ),
        (
            "area",
            {
                LineChart(
                    title: "Area", categories: ["a", "b", "c"], series: [ChartSeries(name: "x", values: [-1, 2, 3])],
                    style: .area, unit: .count, xTitle: "k", yTitle: "v"
                ).svg()
            }
        ),
        (
            "stacked",
            {
                LineChart(
                    title: "Weekly revenue by channel", categories: (0..<12).map { "w\($0)" },
                    series: (0..<3).map { ChartSeries(name: "ch\($0)", values: stackedValues($0)) }, style: .stackedArea, unit: .money(symbol: "€"), xTitle: "Week starting", yTitle: "Revenue"
                ).svg()
            }
        ),
        (
            "bars",
            {
                BarChart(
                    title: "Attribution", categories: ["Email", "Paid social", "Search"],
                    series: [
                        ChartSeries(name: "Last touch", values: [0.2, 0.5, 0.3]),
                        ChartSeries(name: "Markov", values: [0.25, -0.05, 0.8]),
                    ], unit: .percent, xTitle: "Channel", yTitle: "Share"
                ).svg()
            }
        ),
        (
            "scatter",
            {
                ScatterChart(
                    title: "s", points: (0..<6).map { .init(x: Double($0) * 3, y: Double($0 * $0) + 1, group: $0 % 2) },
                    groupNames: ["a", "b"], xUnit: .days, yUnit: .money(symbol: "$"), xTitle: "r", yTitle: "m",
                    logY: true
                ).svg()
            }
        ),
        (
            "response",
            {
                ResponseCurveChart(
                    title: "c", curve: [(0, 0, 0, 0), (50, 90, 80, 100), (100, 150, 140, 160)],
                    markers: [.init(name: "Current spend", spend: 50, response: 90)], unit: .money(symbol: "$")
                ).svg()
            }
        ),
    ]

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/charts")
    }

    @Test("Each chart's SVG equals its golden file", arguments: charts.map(\.name))
    func golden(name: String) throws {
        let svg = try #require(Self.charts.first { $0.name == name }).svg()
        let file = Self.directory.appendingPathComponent("\(name).svg")
        if ProcessInfo.processInfo.environment["BEACON_UPDATE_GOLDEN"] == "1" {
            try svg.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(svg == expected)
    }
}
