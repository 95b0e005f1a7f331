import Foundation

/// Draws a `ChartScene` onto a PDF page as vector paths and text, so a chart in the report is
/// the picture the dashboard shows as SVG.
///
/// The scene's box (SVG units, y down) is scaled uniformly to `width` points and placed with
/// its top-left corner at (`x`, `top`) in PDF user space (y up). Roles get the dashboard
/// stylesheet's look: `grid` lines #e6e9ed, `baseline`/`tick` #8a939e, text #333b45 at 11
/// units, `axis-title` #4a5360 at 12 units. Opacity is painted as the colour over white (the
/// page is white), so no transparency group is needed. Tooltips are not drawn.
public struct PDFChartRenderer: Sendable {
    static let textColor = PDFColor(hex: "#333b45")
    static let mutedColor = PDFColor(hex: "#4a5360")

    public init() {}

    /// Draws `scene` into `page`; returns the height it took in points.
    @discardableResult
    public func draw(_ scene: ChartScene, into page: inout PDFContentStream, x: Double, top: Double, width: Double)
        -> Double
    {
        let scale = scene.width > 0 ? width / scene.width : 1
        let map = { (p: ChartPoint) in (x + p.x * scale, top - p.y * scale) }
        page.save()
        for shape in scene.shapes { draw(shape, into: &page, scale: scale, map: map) }
        page.restore()
        return scene.height * scale
    }

    private func draw(
        _ shape: ChartShape, into page: inout PDFContentStream, scale: Double,
        map: (ChartPoint) -> (Double, Double)
    ) {
        switch shape {
        case .group(_, let children):
            for child in children { draw(child, into: &page, scale: scale, map: map) }
        case .line(let from, let to, let role, let color, let dash):
            let stroke: PDFColor =
                color.map(PDFColor.init(hex:))
                ?? (role == "grid" ? PDFColor(hex: "#e6e9ed") : PDFColor(hex: "#8a939e"))
            let (x1, y1) = map(from), (x2, y2) = map(to)
            // SVG's stroke-dasharray ("4 3") in scene units.
            let lengths = (dash ?? "").split(separator: " ").compactMap { Double($0) }.map { $0 * scale }
            if !lengths.isEmpty { page.dash(lengths) }
            page.strokeLine(x1, y1, x2, y2, color: stroke, width: max(scale, 0.25))
            if !lengths.isEmpty { page.dash([]) }
        case .rect(let x, let y, let width, let height, let fill, _):
            let (px, py) = map(ChartPoint(x, y + height))
            page.fillRect(px, py, width * scale, height * scale, color: PDFColor(hex: fill))
        case .polyline(let points, let stroke, let width, _, _):
            guard let first = points.first else { return }
            page.strokeColor(PDFColor(hex: stroke))
            page.lineWidth(width * scale)
            path(points, first: first, into: &page, map: map)
            page.stroke()
        case .polygon(let points, let fill, let opacity, let stroke, _, _):
            guard let first = points.first else { return }
            let color = PDFColor(hex: fill).over(white: opacity)
            page.fillColor(color)
            path(points, first: first, into: &page, map: map)
            page.close()
            if let stroke {
                page.strokeColor(PDFColor(hex: stroke))
                page.lineWidth(scale)
                page.fillAndStroke()
            } else {
                page.fill()
            }
        case .circle(let center, let radius, let fill, let stroke, let strokeWidth, _, _):
            circle(center, radius: radius, into: &page, scale: scale, map: map)
            page.fillColor(PDFColor(hex: fill))
            if let stroke {
                page.strokeColor(PDFColor(hex: stroke))
                page.lineWidth((strokeWidth ?? 1) * scale)
                page.fillAndStroke()
            } else {
                page.fill()
            }
        case .text(let text, let at, let anchor, let middle, let role, let rotation):
            let size = (role == "axis-title" ? 12 : 11) * scale
            let color = role == "axis-title" ? Self.mutedColor : Self.textColor
            let advance = page.font.width(of: text, size: size)
            let shift = anchor == .end ? advance : anchor == .middle ? advance / 2 : 0
            // SVG's dominant-baseline="middle" puts the glyphs' middle on y: about 0.35 em below it.
            let drop = middle ? 0.35 * size : 0
            let (px, py) = map(at)
            let degrees = -(rotation ?? 0)
            let radians = degrees * .pi / 180
            // Move back along the text direction by `shift` and down (perpendicular) by `drop`.
            let ox = px - shift * cos(radians) + drop * sin(radians)
            let oy = py - shift * sin(radians) - drop * cos(radians)
            page.text(text, x: ox, y: oy, size: size, color: color, rotation: degrees)
        }
    }

    private func path(
        _ points: [ChartPoint], first: ChartPoint, into page: inout PDFContentStream,
        map: (ChartPoint) -> (Double, Double)
    ) {
        let (x0, y0) = map(first)
        page.move(x0, y0)
        for p in points.dropFirst() {
            let (px, py) = map(p)
            page.line(px, py)
        }
    }

    /// A circle as four Bézier arcs (the usual 0.5523 control-point factor).
    private func circle(
        _ c: ChartPoint, radius: Double, into page: inout PDFContentStream, scale: Double,
        map: (ChartPoint) -> (Double, Double)
    ) {
        let (cx, cy) = map(c)
        let r = radius * scale, k = 0.5523 * r
        page.move(cx + r, cy)
        page.curve(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
        page.curve(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
        page.curve(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
        page.curve(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
        page.close()
    }
}
