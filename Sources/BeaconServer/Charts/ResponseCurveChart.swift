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

    /// The chart as an `<svg>` element.
    public func svg() -> String { scene().svg() }

    /// The chart as drawing primitives (the same picture in SVG and PDF).
    public func scene() -> ChartScene {
        let frame = ChartFrame()
        let xs = ChartScale(
            covering: curve.map(\.spend) + markers.map(\.spend), range: (frame.plotLeft, frame.plotRight))
        let ys = ChartScale(
            covering: curve.flatMap { [$0.response, $0.upper] } + markers.map(\.response),
            range: (frame.plotBottom, frame.plotTop))
        let desc = markers.map {
            "\($0.name): spend \(unit.format($0.spend)) per day, revenue \(unit.format($0.response)) per day"
        }.joined(separator: "; ")
        var scene = frame.scene(title: title, description: desc)
        scene.shapes.append(frame.yAxisShape(ys, unit: unit, title: unit.axisTitle("Revenue per day")))
        scene.shapes.append(
            frame.xAxisShape(
                ticks: xs.ticks().map { (xs($0), unit.format($0)) }, title: unit.axisTitle("Spend per day")))
        if !curve.isEmpty {
            let upper = curve.map { ChartPoint(xs($0.spend), ys($0.upper)) }
            let lower = curve.reversed().map { ChartPoint(xs($0.spend), ys($0.lower)) }
            scene.shapes.append(
                .polygon(
                    points: upper + lower, fill: ChartPalette.color(0), opacity: 0.18, stroke: nil, role: "band",
                    tooltip: "90% interval"))
            scene.shapes.append(
                .polyline(
                    points: curve.map { ChartPoint(xs($0.spend), ys($0.response)) }, stroke: ChartPalette.color(0),
                    width: 2.5, role: nil, tooltip: "Response curve"))
        }
        var legend: [(name: String, color: String)] = [("Response (90% band)", ChartPalette.color(0))]
        for (k, m) in markers.enumerated() where m.spend.isFinite && m.response.isFinite {
            let color = ChartPalette.color(k + 1)
            let point = ChartPoint(xs(m.spend), ys(m.response))
            scene.shapes.append(
                .line(from: point, to: .init(point.x, frame.plotBottom), role: nil, color: color, dash: "4 3"))
            scene.shapes.append(
                .circle(
                    center: point, radius: 6, fill: color, stroke: "#fff", strokeWidth: 2, role: "marker",
                    tooltip: "\(m.name): \(unit.format(m.spend))/day → \(unit.format(m.response))/day"))
            legend.append((m.name, color))
        }
        scene.shapes.append(frame.legendShape(legend))
        return scene
    }
}
