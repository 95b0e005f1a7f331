/// A line, area or stacked-area chart over ordered categories (days, weeks): the overview's
/// channel performance and the channel page's spend-versus-revenue lines.
///
/// Stacked areas draw the running sums bottom-up in series order, so the top edge is the
/// total; negative values are clamped to zero when stacking (a stacked area of negative
/// revenue would overlap the series below it).
public struct LineChart: Sendable {
    public enum Style: Sendable { case line, area, stackedArea }

    public var title: String
    public var categories: [String]
    public var series: [ChartSeries]
    public var style: Style
    public var unit: ChartUnit
    public var xTitle: String
    public var yTitle: String

    public init(
        title: String, categories: [String], series: [ChartSeries], style: Style = .line, unit: ChartUnit,
        xTitle: String, yTitle: String
    ) {
        self.title = title
        self.categories = categories
        self.series = series
        self.style = style
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
        var layers = series.map { s in (0..<n).map { i in i < s.values.count && s.values[i].isFinite ? s.values[i] : 0 }
        }
        var bases = layers.map { _ in [Double](repeating: 0, count: n) }
        if style == .stackedArea {
            var running = [Double](repeating: 0, count: n)
            for k in layers.indices {
                bases[k] = running
                for i in 0..<n { running[i] += max(layers[k][i], 0) }
                layers[k] = running
            }
        }
        let y = ChartScale(covering: layers.flatMap { $0 }, range: (frame.plotBottom, frame.plotTop))
        func x(_ i: Int) -> Double {
            n <= 1
                ? (frame.plotLeft + frame.plotRight) / 2
                : frame.plotLeft + Double(i) / Double(n - 1) * (frame.plotRight - frame.plotLeft)
        }
        let desc = series.map { s in "\(s.name): total \(unit.format(s.values.filter(\.isFinite).reduce(0, +)))" }
            .joined(separator: "; ")
        var scene = frame.scene(title: title, description: desc)
        scene.shapes.append(
            frame.yAxisShape(y, unit: unit, title: unit.axisTitle(yTitle)))
        scene.shapes.append(frame.xAxisShape(ticks: ChartFrame.labelIndices(n).map { (x($0), categories[$0]) }, title: xTitle))
        for k in layers.indices.reversed() where n > 0 {
            let color = ChartPalette.color(k)
            let top = (0..<n).map { ChartPoint(x($0), y(layers[k][$0])) }
            switch style {
            case .line:
                scene.shapes.append(.polyline(points: top, stroke: color, width: 2, role: "series", tooltip: series[k].name))
            case .area, .stackedArea:
                let bottom = (0..<n).reversed().map { ChartPoint(x($0), y(style == .area ? 0 : bases[k][$0])) }
                scene.shapes.append(
                    .polygon(
                        points: top + bottom, fill: color, opacity: 0.85, stroke: color, role: "series",
                        tooltip: series[k].name))
            }
        }
        scene.shapes.append(frame.legendShape(series.enumerated().map { ($0.element.name, ChartPalette.color($0.offset)) }))
        return scene
    }
}
