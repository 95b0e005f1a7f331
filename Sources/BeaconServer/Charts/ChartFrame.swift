/// The common parts of an x/y chart: the SVG element with its accessible title, the plot
/// area inside the margins, both axes with ticks, unit-bearing titles and grid lines, and
/// the legend below the plot. Every text it writes is escaped.
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

    /// Opens the `<svg>` with `role="img"`, a `<title>` and a `<desc>` for screen readers.
    func open(title: String, description: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(SVGText.coordinate(width)) \(SVGText.coordinate(height))\" role=\"img\" "
            + "aria-label=\"\(SVGText.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(SVGText.escape(title))</title><desc>\(SVGText.escape(description))</desc>"
    }

    /// The y axis: grid lines and tick labels at the scale's ticks, and a rotated title.
    func yAxis(_ scale: ChartScale, unit: ChartUnit, title: String) -> String {
        var s = "<g class=\"axis y\">"
        for t in scale.ticks() {
            let y = SVGText.coordinate(scale(t))
            s +=
                "<line x1=\"\(SVGText.coordinate(plotLeft))\" x2=\"\(SVGText.coordinate(plotRight))\" y1=\"\(y)\" y2=\"\(y)\" class=\"grid\"/>"
            s +=
                "<text x=\"\(SVGText.coordinate(plotLeft - 6))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(SVGText.escape(unit.format(t)))</text>"
        }
        let cy = SVGText.coordinate((plotTop + plotBottom) / 2)
        s +=
            "<text class=\"axis-title\" transform=\"translate(14 \(cy)) rotate(-90)\" text-anchor=\"middle\">\(SVGText.escape(title))</text>"
        return s + "</g>"
    }

    /// The x axis with labelled ticks at `ticks` (position, label) and a title.
    func xAxis(ticks: [(x: Double, label: String)], title: String) -> String {
        var s =
            "<g class=\"axis x\"><line x1=\"\(SVGText.coordinate(plotLeft))\" x2=\"\(SVGText.coordinate(plotRight))\" "
        s += "y1=\"\(SVGText.coordinate(plotBottom))\" y2=\"\(SVGText.coordinate(plotBottom))\" class=\"baseline\"/>"
        for t in ticks {
            let x = SVGText.coordinate(t.x)
            s +=
                "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(SVGText.coordinate(plotBottom))\" y2=\"\(SVGText.coordinate(plotBottom + 4))\" class=\"tick\"/>"
            s +=
                "<text x=\"\(x)\" y=\"\(SVGText.coordinate(plotBottom + 16))\" text-anchor=\"middle\">\(SVGText.escape(t.label))</text>"
        }
        s +=
            "<text class=\"axis-title\" x=\"\(SVGText.coordinate((plotLeft + plotRight) / 2))\" y=\"\(SVGText.coordinate(plotBottom + 34))\" text-anchor=\"middle\">\(SVGText.escape(title))</text>"
        return s + "</g>"
    }

    /// A one-row legend under the x-axis title: a swatch and the escaped name per entry.
    func legend(_ entries: [(name: String, color: String)]) -> String {
        var s = "<g class=\"legend\">"
        var x = plotLeft
        let y = height - 12
        for e in entries {
            s +=
                "<rect x=\"\(SVGText.coordinate(x))\" y=\"\(SVGText.coordinate(y - 9))\" width=\"10\" height=\"10\" fill=\"\(e.color)\"/>"
            s +=
                "<text x=\"\(SVGText.coordinate(x + 14))\" y=\"\(SVGText.coordinate(y))\">\(SVGText.escape(e.name))</text>"
            x += 24 + Double(min(e.name.count, 24)) * 6.5
        }
        return s + "</g>"
    }

    /// Picks about `count` evenly spaced label positions among `n` categories.
    static func labelIndices(_ n: Int, count: Int = 8) -> [Int] {
        guard n > 0 else { return [] }
        let step = max(1, Int((Double(n) / Double(count)).rounded(.up)))
        return Array(stride(from: 0, to: n, by: step))
    }
}
