/// The SVG rendering of a chart scene: the `<svg>` element the dashboard embeds, every text
/// escaped (`SVGText`), coordinates with two decimals.
extension ChartScene {
    /// The scene as an `<svg>` element with `role="img"`, its title and description.
    public func svg() -> String {
        ChartScene.open(width: width, height: height, title: title, description: description)
            + ChartScene.svg(shapes) + "</svg>"
    }

    /// The opening `<svg>` tag with its accessible title and description.
    static func open(width: Double, height: Double, title: String, description: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(SVGText.coordinate(width)) \(SVGText.coordinate(height))\" role=\"img\" "
            + "aria-label=\"\(SVGText.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(SVGText.escape(title))</title><desc>\(SVGText.escape(description))</desc>"
    }

    /// The SVG elements of `shapes`, in order.
    static func svg(_ shapes: [ChartShape]) -> String { shapes.map { svg($0) }.joined() }

    private static func c(_ x: Double) -> String { SVGText.coordinate(x) }
    private static func attr(_ name: String, _ value: String?) -> String {
        value.map { " \(name)=\"\($0)\"" } ?? ""
    }
    private static func points(_ p: [ChartPoint]) -> String { p.map { "\(c($0.x)),\(c($0.y))" }.joined(separator: " ") }
    private static func close(_ element: String, tooltip: String?) -> String {
        tooltip.map { "><title>\(SVGText.escape($0))</title></\(element)>" } ?? "/>"
    }

    static func svg(_ shape: ChartShape) -> String {
        switch shape {
        case .group(let role, let children):
            return "<g class=\"\(role)\">" + svg(children) + "</g>"
        case .line(let from, let to, let role, let color, let dash):
            return "<line x1=\"\(c(from.x))\" x2=\"\(c(to.x))\" y1=\"\(c(from.y))\" y2=\"\(c(to.y))\""
                + attr("class", role) + attr("stroke", color) + attr("stroke-dasharray", dash) + "/>"
        case .rect(let x, let y, let width, let height, let fill, let tooltip):
            return "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"\(fill)\""
                + close("rect", tooltip: tooltip)
        case .polyline(let p, let stroke, let width, let role, let tooltip):
            return "<polyline" + attr("class", role) + " fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\""
                + " points=\"\(points(p))\"" + close("polyline", tooltip: tooltip)
        case .polygon(let p, let fill, let opacity, let stroke, let role, let tooltip):
            return "<polygon" + attr("class", role) + " fill=\"\(fill)\" fill-opacity=\"\(c(opacity))\""
                + attr("stroke", stroke) + " points=\"\(points(p))\"" + close("polygon", tooltip: tooltip)
        case .circle(let center, let radius, let fill, let stroke, let strokeWidth, let role, let tooltip):
            return "<circle" + attr("class", role) + " cx=\"\(c(center.x))\" cy=\"\(c(center.y))\" r=\"\(c(radius))\""
                + " fill=\"\(fill)\"" + attr("stroke", stroke) + attr("stroke-width", strokeWidth.map { c($0) })
                + close("circle", tooltip: tooltip)
        case .text(let text, let at, let anchor, let middle, let role, let rotation):
            var s = "<text" + attr("class", role)
            if let rotation {
                s += " transform=\"translate(\(c(at.x)) \(c(at.y))) rotate(\(c(rotation)))\""
            } else {
                s += " x=\"\(c(at.x))\" y=\"\(c(at.y))\""
            }
            if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
            if middle { s += " dominant-baseline=\"middle\"" }
            return s + ">" + SVGText.escape(text) + "</text>"
        }
    }
}
