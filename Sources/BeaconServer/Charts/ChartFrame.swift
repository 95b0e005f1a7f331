/// The common parts of an x/y chart: the SVG element with its accessible title, the plot
/// area inside the margins, both axes with ticks, unit-bearing titles and grid lines, and
/// the legend below the plot. Every text it writes is escaped.
///
/// Each part exists as `ChartShape`s (for a `ChartScene`, drawn as SVG or PDF) and as the SVG
/// text of those shapes (for the charts that write SVG directly).
struct ChartFrame {
    var width: Double = 720
    var height: Double = 320
    var marginLeft: Double = 64
    var marginRight: Double = 20
    var marginTop: Double = 16
    var marginBottom: Double = 64

    var plotLeft: Double { marginLeft }
    var plotRight: Double { width - marginRight }
    var plotTop: Double { marginTop }
    var plotBottom: Double { height - marginBottom }

    /// An empty scene of the frame's size.
    func scene(title: String, description: String) -> ChartScene {
        ChartScene(width: width, height: height, title: title, description: description)
    }

    /// Opens the `<svg>` with `role="img"`, a `<title>` and a `<desc>` for screen readers.
    func open(title: String, description: String) -> String {
        ChartScene.open(width: width, height: height, title: title, description: description)
    }

    /// The y axis: grid lines and tick labels at the scale's ticks, and a rotated title.
    func yAxisShape(_ scale: ChartScale, unit: ChartUnit, title: String) -> ChartShape {
        var shapes: [ChartShape] = []
        for t in scale.ticks() {
            let y = scale(t)
            shapes.append(.line(from: .init(plotLeft, y), to: .init(plotRight, y), role: "grid", color: nil, dash: nil))
            shapes.append(
                .text(unit.format(t), at: .init(plotLeft - 6, y), anchor: .end, middle: true, role: nil, rotation: nil))
        }
        shapes.append(
            .text(
                title, at: .init(14, (plotTop + plotBottom) / 2), anchor: .middle, middle: false, role: "axis-title",
                rotation: -90))
        return .group(role: "axis y", shapes)
    }

    /// The y axis as SVG.
    func yAxis(_ scale: ChartScale, unit: ChartUnit, title: String) -> String {
        ChartScene.svg(yAxisShape(scale, unit: unit, title: title))
    }

    /// The x axis with labelled ticks at `ticks` (position, label) and a title.
    func xAxisShape(ticks: [(x: Double, label: String)], title: String) -> ChartShape {
        var shapes: [ChartShape] = [
            .line(from: .init(plotLeft, plotBottom), to: .init(plotRight, plotBottom), role: "baseline", color: nil, dash: nil)
        ]
        for t in ticks {
            shapes.append(
                .line(from: .init(t.x, plotBottom), to: .init(t.x, plotBottom + 4), role: "tick", color: nil, dash: nil))
            shapes.append(
                .text(t.label, at: .init(t.x, plotBottom + 16), anchor: .middle, middle: false, role: nil, rotation: nil))
        }
        shapes.append(
            .text(
                title, at: .init((plotLeft + plotRight) / 2, plotBottom + 34), anchor: .middle, middle: false,
                role: "axis-title", rotation: nil))
        return .group(role: "axis x", shapes)
    }

    /// The x axis as SVG.
    func xAxis(ticks: [(x: Double, label: String)], title: String) -> String {
        ChartScene.svg(xAxisShape(ticks: ticks, title: title))
    }

    /// A one-row legend under the x-axis title: a swatch and the name per entry.
    func legendShape(_ entries: [(name: String, color: String)]) -> ChartShape {
        var shapes: [ChartShape] = []
        var x = plotLeft
        let y = height - 12
        for e in entries {
            shapes.append(.rect(x: x, y: y - 9, width: 10, height: 10, fill: e.color, tooltip: nil))
            shapes.append(.text(e.name, at: .init(x + 14, y), anchor: .start, middle: false, role: nil, rotation: nil))
            x += 24 + Double(min(e.name.count, 24)) * 6.5
        }
        return .group(role: "legend", shapes)
    }

    /// The legend as SVG.
    func legend(_ entries: [(name: String, color: String)]) -> String { ChartScene.svg(legendShape(entries)) }

    /// Picks about `count` evenly spaced label positions among `n` categories.
    static func labelIndices(_ n: Int, count: Int = 8) -> [Int] {
        guard n > 0 else { return [] }
        let step = max(1, Int((Double(n) / Double(count)).rounded(.up)))
        return Array(stride(from: 0, to: n, by: step))
    }
}
