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
    public func svg() -> String {
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
        var out = frame.open(title: title, description: desc)
        out += frame.yAxis(y, unit: unit, title: yTitle + (unit.axisSuffix.isEmpty ? "" : " (\(unit.axisSuffix))"))
        out += frame.xAxis(ticks: ChartFrame.labelIndices(n).map { (x($0), categories[$0]) }, title: xTitle)
        for k in layers.indices.reversed() where n > 0 {
            let color = ChartPalette.color(k)
            let top = (0..<n).map { "\(SVGText.coordinate(x($0))),\(SVGText.coordinate(y(layers[k][$0])))" }
            switch style {
            case .line:
                out +=
                    "<polyline class=\"series\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(top.joined(separator: " "))\">"
                out += "<title>\(SVGText.escape(series[k].name))</title></polyline>"
            case .area, .stackedArea:
                let bottom = (0..<n).reversed().map {
                    "\(SVGText.coordinate(x($0))),\(SVGText.coordinate(y(style == .area ? 0 : bases[k][$0])))"
                }
                out +=
                    "<polygon class=\"series\" fill=\"\(color)\" fill-opacity=\"0.85\" stroke=\"\(color)\" points=\"\((top + bottom).joined(separator: " "))\">"
                out += "<title>\(SVGText.escape(series[k].name))</title></polygon>"
            }
        }
        out += frame.legend(series.enumerated().map { ($0.element.name, ChartPalette.color($0.offset)) })
        return out + "</svg>"
    }
}
