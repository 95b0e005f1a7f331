import Foundation

/// A donut of shares (customer health, revenue share per persona) with its legend giving
/// each slice's value and percentage. Zero and negative slices are left out.
public struct DonutChart: Sendable {
    public var title: String
    public var slices: [(name: String, value: Double)]
    public var unit: ChartUnit
    /// One colour per slice (in `slices` order) where the slices have a meaning of their
    /// own, such as health bands; nil takes the series palette.
    public var colors: [String]?

    public init(title: String, slices: [(name: String, value: Double)], unit: ChartUnit, colors: [String]? = nil) {
        self.title = title
        self.slices = slices
        self.unit = unit
        self.colors = colors
    }

    private func color(_ index: Int) -> String {
        if let colors, index < colors.count { return colors[index] }
        return ChartPalette.color(index)
    }

    public func svg() -> String {
        let width = 420.0, height = 240.0, cx = 110.0, cy = 120.0, r = 90.0, inner = 54.0
        let shown = slices.enumerated().filter { $0.element.value > 0 && $0.element.value.isFinite }
        let total = shown.reduce(0) { $0 + $1.element.value }
        var out =
            "<svg class=\"chart donut\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(SVGText.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out +=
            "<title>\(SVGText.escape(title))</title><desc>\(SVGText.escape(shown.map { "\($0.element.name): \(unit.format($0.element.value))" }.joined(separator: "; ")))</desc>"
        var angle = -Double.pi / 2
        for (index, slice) in shown {
            let sweep = total > 0 ? slice.value / total * 2 * .pi : 0
            let color = color(index)
            let label = SVGText.escape(
                "\(slice.name): \(unit.format(slice.value)) (\(ChartUnit.percent.format(slice.value / total)))")
            if sweep >= 2 * .pi - 1e-9 {
                out +=
                    "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\((r + inner) / 2)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(r - inner)\"><title>\(label)</title></circle>"
            } else {
                let a0 = angle, a1 = angle + sweep
                let large = sweep > .pi ? 1 : 0
                func p(_ radius: Double, _ a: Double) -> String {
                    "\(SVGText.coordinate(cx + radius * cos(a))) \(SVGText.coordinate(cy + radius * sin(a)))"
                }
                out +=
                    "<path d=\"M \(p(r, a0)) A \(Int(r)) \(Int(r)) 0 \(large) 1 \(p(r, a1)) L \(p(inner, a1)) A \(Int(inner)) \(Int(inner)) 0 \(large) 0 \(p(inner, a0)) Z\" fill=\"\(color)\"><title>\(label)</title></path>"
            }
            angle += sweep
        }
        if shown.isEmpty {
            out += "<text x=\"\(cx)\" y=\"\(cy)\" text-anchor=\"middle\">No data</text>"
        }
        var y = 30.0
        for (index, slice) in shown {
            out +=
                "<rect x=\"230\" y=\"\(SVGText.coordinate(y - 10))\" width=\"12\" height=\"12\" fill=\"\(color(index))\"/>"
            out +=
                "<text x=\"248\" y=\"\(SVGText.coordinate(y))\">\(SVGText.escape("\(slice.name) — \(ChartUnit.percent.format(slice.value / total))"))</text>"
            y += 22
        }
        return out + "</svg>"
    }
}
