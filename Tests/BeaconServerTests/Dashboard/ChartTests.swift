import Foundation
import Testing

@testable import BeaconServer

@Suite("SVG charts")
struct ChartTests {
    @Test("Scales widen to nice bounds and tick at 1-2-5 steps")
    func scale() {
        let s = ChartScale(covering: [3, 87], range: (0, 100))
        #expect(s.domain == 0...100)
        #expect(s.ticks() == [0, 20, 40, 60, 80, 100])
        #expect(s(50) == 50)
        let flipped = ChartScale(covering: [0, 87], range: (300, 0))
        #expect(flipped(0) == 300 && flipped(100) == 0)
        // Empty and constant data still give a usable domain.
        #expect(ChartScale(covering: [], range: (0, 1)).domain == 0...1)
        #expect(ChartScale(covering: [5, 5], range: (0, 1), includeZero: false).domain.contains(5))
        #expect(ChartScale.niceStep(0.03) == 0.05)
        #expect(ChartScale.niceStep(230) == 250)
    }

    @Test("Units format compactly")
    func units() {
        #expect(ChartUnit.money(symbol: "$").format(12_345) == "$12k")
        #expect(ChartUnit.money(symbol: "$").format(1_500) == "$1.5k")
        #expect(ChartUnit.count.format(2_500_000) == "2.5M")
        #expect(ChartUnit.percent.format(0.25) == "25%")
        #expect(ChartUnit.ratio.format(8.2) == "8.2×")
        #expect(ChartUnit.count.format(.nan) == "–")
        // A currency without an English symbol is written as its code and a space before the
        // amount, and bare in an axis title.
        #expect(ChartUnit.money(symbol: "CHF ").format(12_345) == "CHF 12k")
        #expect(ChartUnit.money(symbol: "CHF ").axisTitle("Revenue") == "Revenue (CHF)")
        #expect(ChartUnit.money(symbol: "€").axisTitle("Spend per day") == "Spend per day (€)")
        #expect(ChartUnit.count.axisTitle("Customers") == "Customers")
    }

    @Test("A stacked area's top edge is the total of the series")
    func stacked() {
        // Two series over two days: totals 3 and 7; with a 0…8 axis over 16…256 px the tops sit at
        // 256 − 3/8·240 = 166 and 256 − 7/8·240 = 46.
        let svg = LineChart(
            title: "t", categories: ["d1", "d2"],
            series: [ChartSeries(name: "a", values: [1, 4]), ChartSeries(name: "b", values: [2, 3])],
            style: .stackedArea, unit: .count, xTitle: "x", yTitle: "y"
        ).svg()
        #expect(svg.contains("points=\"64,166 700,46 "))
        #expect(svg.contains(">a</text>") && svg.contains(">b</text>"), "legend names both series")
        #expect(svg.contains("role=\"img\""))
    }

    @Test("A donut gives each slice its share and leaves out empty slices")
    func donut() {
        let svg = DonutChart(title: "Health", slices: [("Healthy", 3), ("At risk", 1), ("None", 0)], unit: .count).svg()
        #expect(svg.contains("Healthy — 75%"))
        #expect(svg.contains("At risk — 25%"))
        #expect(!svg.contains("None"))
    }

    @Test("A response curve marks its points in the legend and tooltips")
    func responseCurve() {
        let svg = ResponseCurveChart(
            title: "c", curve: [(0, 0, 0, 0), (100, 150, 140, 160)],
            markers: [.init(name: "Current spend", spend: 50, response: 90)], unit: .money(symbol: "$")
        ).svg()
        #expect(svg.contains("Current spend: $50/day → $90/day"))
        #expect(svg.contains("Spend per day ($)"))
    }

    @Test("Bars and scatter points: one element per value")
    func counts() {
        let bars = BarChart(
            title: "b", categories: ["x", "y", "z"],
            series: [ChartSeries(name: "m", values: [1, 2, 3]), ChartSeries(name: "n", values: [1, 2, 3])],
            unit: .count, xTitle: "c", yTitle: "v"
        ).svg()
        #expect(bars.components(separatedBy: "<rect x=").count - 1 == 6 + 2, "six bars and two legend swatches")
        let scatter = ScatterChart(
            title: "s", points: (0..<10).map { .init(x: Double($0), y: Double($0 * 10), group: $0 % 2) },
            groupNames: ["a", "b"], xUnit: .days, yUnit: .money(symbol: "$"), xTitle: "r", yTitle: "m", logY: true
        ).svg()
        #expect(scatter.components(separatedBy: "<circle").count - 1 == 10)
        #expect(scatter.contains("(log scale)"))
    }
}
