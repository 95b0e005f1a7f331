/// A revenue forecast after the recent actuals: the actual line, then the forecast line with its
/// prediction band, over one axis of dates.
public struct ForecastChart: Sendable {
    public var title: String
    /// Recent periods: label and actual value.
    public var history: [(date: String, value: Double)]
    /// Forecast periods: label, estimate and interval.
    public var forecast: [(date: String, estimate: Double, lower: Double, upper: Double)]
    /// The band's coverage, e.g. 0.9.
    public var level: Double
    public var unit: ChartUnit

    public init(
        title: String, history: [(date: String, value: Double)],
        forecast: [(date: String, estimate: Double, lower: Double, upper: Double)], level: Double, unit: ChartUnit
    ) {
        self.title = title
        self.history = history
        self.forecast = forecast
        self.level = level
        self.unit = unit
    }

    /// The chart as an `<svg>` element.
    public func svg() -> String { scene().svg() }

    /// The chart as drawing primitives.
    public func scene() -> ChartScene {
        let frame = ChartFrame()
        let labels = history.map { $0.date } + forecast.map { $0.date }
        let n = labels.count
        let finite = (history.map { $0.value } + forecast.flatMap { [$0.lower, $0.upper, $0.estimate] }).filter {
            $0.isFinite
        }
        let y = ChartScale(covering: finite + [0], range: (frame.plotBottom, frame.plotTop))
        func x(_ i: Int) -> Double {
            n <= 1
                ? (frame.plotLeft + frame.plotRight) / 2
                : frame.plotLeft + Double(i) / Double(n - 1) * (frame.plotRight - frame.plotLeft)
        }
        func v(_ value: Double) -> Double { y(value.isFinite ? value : 0) }
        let percent = Int((level * 100).rounded())
        let total = forecast.map { $0.estimate }.filter { $0.isFinite }.reduce(0, +)
        var scene = frame.scene(
            title: title,
            description:
                "Forecast of \(forecast.count) periods: total \(unit.format(total)), with a \(percent)% prediction band"
        )
        scene.shapes.append(
            frame.yAxisShape(y, unit: unit, title: unit.axisTitle("Revenue"))
        )
        scene.shapes.append(
            frame.xAxisShape(ticks: ChartFrame.labelIndices(n).map { (x($0), labels[$0]) }, title: "Date"))
        let h0 = history.count
        if !forecast.isEmpty {
            let upper = forecast.indices.map { ChartPoint(x(h0 + $0), v(forecast[$0].upper)) }
            let lower = forecast.indices.reversed().map { ChartPoint(x(h0 + $0), v(forecast[$0].lower)) }
            scene.shapes.append(
                .polygon(
                    points: upper + lower, fill: ChartPalette.color(1), opacity: 0.2, stroke: nil, role: "band",
                    tooltip: "\(percent)% prediction interval"))
        }
        if !history.isEmpty {
            scene.shapes.append(
                .polyline(
                    points: history.indices.map { ChartPoint(x($0), v(history[$0].value)) },
                    stroke: ChartPalette.color(0),
                    width: 2, role: "series", tooltip: "Actual revenue"))
        }
        if !forecast.isEmpty {
            // The forecast line starts at the last actual so the two read as one series.
            var points = history.last.map { [ChartPoint(x(h0 - 1), v($0.value))] } ?? []
            points += forecast.indices.map { ChartPoint(x(h0 + $0), v(forecast[$0].estimate)) }
            scene.shapes.append(
                .polyline(
                    points: points, stroke: ChartPalette.color(1), width: 2.5, role: "series", tooltip: "Forecast"))
        }
        scene.shapes.append(
            frame.legendShape([
                ("Actual revenue", ChartPalette.color(0)), ("Forecast (\(percent)% band)", ChartPalette.color(1)),
            ]))
        return scene
    }
}
