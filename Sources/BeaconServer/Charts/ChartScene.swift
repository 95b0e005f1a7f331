/// A chart as drawing primitives — lines, rectangles, polylines, polygons, circles and text in
/// a fixed-size box — so one chart model draws the same picture as SVG on the dashboard
/// (`svg()`) and as vector paths in the PDF report (`PDFChartRenderer`).
///
/// Coordinates are SVG user units: origin at the top-left, y downwards, the box `width` ×
/// `height`. Colours are CSS `#RRGGBB`; a `role` is the SVG `class` the dashboard's CSS styles
/// (`grid`, `baseline`, `tick`, `axis-title`, `series`, …), which the PDF renderer maps to the
/// same colours and sizes.
public struct ChartScene: Sendable {
    public var width: Double
    public var height: Double
    /// The accessible title and description (SVG `<title>` and `<desc>`).
    public var title: String
    public var description: String
    public var shapes: [ChartShape]

    public init(width: Double, height: Double, title: String, description: String, shapes: [ChartShape] = []) {
        self.width = width
        self.height = height
        self.title = title
        self.description = description
        self.shapes = shapes
    }
}

/// A point in a chart scene.
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// Where text sits relative to its point: SVG `text-anchor`.
public enum ChartTextAnchor: String, Sendable { case start, middle, end }

/// One drawing primitive of a `ChartScene`.
public indirect enum ChartShape: Sendable {
    /// Shapes drawn together under a role (an SVG `<g class=…>`).
    case group(role: String, [ChartShape])
    /// A straight line styled by its role (grid, baseline, tick) or by an explicit colour and
    /// dash pattern (e.g. `"4 3"`).
    case line(from: ChartPoint, to: ChartPoint, role: String?, color: String?, dash: String?)
    /// A filled rectangle with its top-left corner at (x, y) and an optional tooltip.
    case rect(x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String?)
    /// An open stroked path.
    case polyline(points: [ChartPoint], stroke: String, width: Double, role: String?, tooltip: String?)
    /// A closed filled path at `opacity`, optionally outlined.
    case polygon(points: [ChartPoint], fill: String, opacity: Double, stroke: String?, role: String?, tooltip: String?)
    /// A filled circle, optionally outlined.
    case circle(
        center: ChartPoint, radius: Double, fill: String, stroke: String?, strokeWidth: Double?, role: String?,
        tooltip: String?)
    /// A line of text at (x, y); `middle` centres it vertically on y; `rotation` turns it in
    /// degrees (clockwise, as SVG) about its point.
    case text(
        String, at: ChartPoint, anchor: ChartTextAnchor, middle: Bool, role: String?, rotation: Double?)
}
