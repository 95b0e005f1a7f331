/// A heat-map of a matrix (Markov transition probabilities, segment overlaps): rows and
/// columns labelled, each cell shaded by its value on a white-to-blue ramp and labelled
/// with it; `nil` cells are left blank.
public struct HeatMap: Sendable {
    public var title: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var values: [[Double?]]
    public var unit: ChartUnit

    public init(title: String, rowLabels: [String], columnLabels: [String], values: [[Double?]], unit: ChartUnit) {
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.unit = unit
    }

    public func svg() -> String {
        let left = 130.0, top = 90.0, cell = 54.0
        let width = max(left + cell * Double(columnLabels.count) + 140, 420)
        let height = top + cell * Double(rowLabels.count) + 40
        let maxValue = values.flatMap { $0.compactMap { $0 } }.filter(\.isFinite).max() ?? 0
        var out =
            "<svg class=\"chart heatmap\" viewBox=\"0 0 \(SVGText.coordinate(width)) \(SVGText.coordinate(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(SVGText.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title>\(SVGText.escape(title))</title><desc>rows: from; columns: to</desc>"
        for (j, label) in columnLabels.enumerated() {
            let x = SVGText.coordinate(left + (Double(j) + 0.5) * cell)
            out +=
                "<text transform=\"translate(\(x) \(SVGText.coordinate(top - 6))) rotate(-40)\" text-anchor=\"start\">\(SVGText.escape(String(label.prefix(18))))</text>"
        }
        for (i, label) in rowLabels.enumerated() {
            let y = top + Double(i) * cell
            out +=
                "<text x=\"\(SVGText.coordinate(left - 6))\" y=\"\(SVGText.coordinate(y + cell / 2))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(SVGText.escape(String(label.prefix(20))))</text>"
            for j in columnLabels.indices {
                let value = i < values.count && j < values[i].count ? values[i][j] : nil
                let x = left + Double(j) * cell
                let t = value.map { maxValue > 0 ? max(0, min(1, $0 / maxValue)) : 0 } ?? 0
                // White → #0072B2 as t goes 0 → 1; text turns white on dark cells for contrast.
                let r = Int(255 - t * (255 - 0)), g = Int(255 - t * (255 - 114)), b = Int(255 - t * (255 - 178))
                let fill = value == nil ? "#f4f4f4" : "rgb(\(r),\(g),\(b))"
                out +=
                    "<rect x=\"\(SVGText.coordinate(x))\" y=\"\(SVGText.coordinate(y))\" width=\"\(Int(cell - 2))\" height=\"\(Int(cell - 2))\" fill=\"\(fill)\">"
                out +=
                    "<title>\(SVGText.escape("\(label) → \(columnLabels[j]): \(value.map(unit.format) ?? "—")"))</title></rect>"
                if let value {
                    out +=
                        "<text x=\"\(SVGText.coordinate(x + cell / 2 - 1))\" y=\"\(SVGText.coordinate(y + cell / 2))\" text-anchor=\"middle\" dominant-baseline=\"middle\" fill=\"\(t > 0.55 ? "#fff" : "#111")\">\(SVGText.escape(unit.format(value)))</text>"
                }
            }
        }
        out +=
            "<text x=\"\(SVGText.coordinate(left))\" y=\"\(SVGText.coordinate(height - 12))\">\(SVGText.escape("Rows against columns; darker is larger"))</text>"
        return out + "</svg>"
    }
}
