/// A channel's response curve — spend per day against the revenue it brings — with its
/// uncertainty band and marked points (current spend, optimal spend, diminishing returns).
public struct ResponseCurveChart: Sendable {
    public struct Marker: Sendable, Equatable {
        public var name: String
        public var spend: Double
        public var response: Double
        public init(name: String, spend: Double, response: Double) {
            self.name = name
            self.spend = spend
            self.response = response
        }
    }

    public var title: String
    /// (spend, response, lower, upper) samples in increasing spend.
    public var curve: [(spend: Double, response: Double, lower: Double, upper: Double)]
    public var markers: [Marker]
    public var unit: ChartUnit

    public init(
        title: String, curve: [(spend: Double, response: Double, lower: Double, upper: Double)], markers: [Marker],
        unit: ChartUnit
    ) {
        self.title = title
        self.curve = curve
        self.markers = markers
        self.unit = unit
    }

    public func svg() -> String {
        let frame = ChartFrame()
        let xs = ChartScale(
            covering: curve.map(\.spend) + markers.map(\.spend), range: (frame.plotLeft, frame.plotRight))
        let ys = ChartScale(
            covering: curve.flatMap { [$0.response, $0.upper] } + markers.map(\.response),
            range: (frame.plotBottom, frame.plotTop))
        let desc = markers.map {
            "\($0.name): spend \(unit.format($0.spend)) per day, revenue \(unit.format($0.response)) per day"
        }.joined(separator: "; ")
        var out = frame.open(title: title, description: desc)
        out += frame.yAxis(ys, unit: unit, title: "Revenue per day (\(unit.axisSuffix))")
        out += frame.xAxis(
            ticks: xs.ticks().map { (xs($0), unit.format($0)) }, title: "Spend per day (\(unit.axisSuffix))")
        if !curve.isEmpty {
            let upper = curve.map { "\(SVGText.coordinate(xs($0.spend))),\(SVGText.coordinate(ys($0.upper)))" }
            let lower = curve.reversed().map {
                "\(SVGText.coordinate(xs($0.spend))),\(SVGText.coordinate(ys($0.lower)))"
            }
            out +=
                "<polygon class=\"band\" fill=\"\(ChartPalette.color(0))\" fill-opacity=\"0.18\" points=\"\((upper + lower).joined(separator: " "))\"><title>90% interval</title></polygon>"
            let line = curve.map { "\(SVGText.coordinate(xs($0.spend))),\(SVGText.coordinate(ys($0.response)))" }
            out +=
                "<polyline fill=\"none\" stroke=\"\(ChartPalette.color(0))\" stroke-width=\"2.5\" points=\"\(line.joined(separator: " "))\"><title>Response curve</title></polyline>"
        }
        var legend: [(name: String, color: String)] = [("Response (90% band)", ChartPalette.color(0))]
        for (k, m) in markers.enumerated() where m.spend.isFinite && m.response.isFinite {
            let color = ChartPalette.color(k + 1)
            let x = SVGText.coordinate(xs(m.spend)), y = SVGText.coordinate(ys(m.response))
            out +=
                "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(y)\" y2=\"\(SVGText.coordinate(frame.plotBottom))\" stroke=\"\(color)\" stroke-dasharray=\"4 3\"/>"
            out +=
                "<circle class=\"marker\" cx=\"\(x)\" cy=\"\(y)\" r=\"6\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"2\">"
            out +=
                "<title>\(SVGText.escape("\(m.name): \(unit.format(m.spend))/day → \(unit.format(m.response))/day"))</title></circle>"
            legend.append((m.name, color))
        }
        out += frame.legend(legend)
        return out + "</svg>"
    }
}
