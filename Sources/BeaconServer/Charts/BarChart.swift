/// A grouped bar chart: one group per category, one bar per series — the attribution page's
/// models side by side per channel.
public struct BarChart: Sendable {
    public var title: String
    public var categories: [String]
    public var series: [ChartSeries]
    public var unit: ChartUnit
    public var xTitle: String
    public var yTitle: String

    public init(
        title: String, categories: [String], series: [ChartSeries], unit: ChartUnit, xTitle: String, yTitle: String
    ) {
        self.title = title
        self.categories = categories
        self.series = series
        self.unit = unit
        self.xTitle = xTitle
        self.yTitle = yTitle
    }

    /// The chart as an `<svg>` element.
    public func svg() -> String { scene().svg() }

    /// The chart as drawing primitives (the same picture in SVG and PDF).
    public func scene() -> ChartScene {
        let frame = ChartFrame()
        let n = categories.count
        let y = ChartScale(covering: series.flatMap(\.values), range: (frame.plotBottom, frame.plotTop))
        let groupWidth = n > 0 ? (frame.plotRight - frame.plotLeft) / Double(n) : 0
        let barWidth = series.isEmpty ? 0 : groupWidth * 0.8 / Double(series.count)
        var scene = frame.scene(title: title, description: "\(series.count) series over \(n) categories")
        scene.shapes.append(
            frame.yAxisShape(y, unit: unit, title: unit.axisTitle(yTitle)))
        scene.shapes.append(
            frame.xAxisShape(
                ticks: (0..<n).map { (frame.plotLeft + (Double($0) + 0.5) * groupWidth, categories[$0]) }, title: xTitle))
        for (k, s) in series.enumerated() {
            for i in 0..<min(n, s.values.count) where s.values[i].isFinite {
                let v = s.values[i]
                let x = frame.plotLeft + Double(i) * groupWidth + groupWidth * 0.1 + Double(k) * barWidth
                scene.shapes.append(
                    .rect(
                        x: x, y: min(y(v), y(0)), width: max(barWidth - 1, 1), height: abs(y(v) - y(0)),
                        fill: ChartPalette.color(k), tooltip: "\(s.name) · \(categories[i]): \(unit.format(v))"))
            }
        }
        scene.shapes.append(frame.legendShape(series.enumerated().map { ($0.element.name, ChartPalette.color($0.offset)) }))
        return scene
    }
}
