import Foundation

/// A scatter plot of points in groups (customers coloured by cluster), optionally on log
/// axes for heavy-tailed values such as spend, with group centroids drawn as crosses.
public struct ScatterChart: Sendable {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public var group: Int
        public init(x: Double, y: Double, group: Int) {
            self.x = x
            self.y = y
            self.group = group
        }
    }

    public var title: String
    public var points: [Point]
    public var groupNames: [String]
    public var xUnit: ChartUnit
    public var yUnit: ChartUnit
    public var xTitle: String
    public var yTitle: String
    /// Draw y on a log1p scale (tick labels stay in original units).
    public var logY: Bool
    public var centroids: [(x: Double, y: Double)]

    public init(
        title: String, points: [Point], groupNames: [String], xUnit: ChartUnit, yUnit: ChartUnit, xTitle: String,
        yTitle: String, logY: Bool = false, centroids: [(x: Double, y: Double)] = []
    ) {
        self.title = title
        self.points = points
        self.groupNames = groupNames
        self.xUnit = xUnit
        self.yUnit = yUnit
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.logY = logY
        self.centroids = centroids
    }

    public func svg() -> String {
        let frame = ChartFrame()
        let ty: (Double) -> Double = logY ? { Foundation.log1p(max($0, 0)) } : { $0 }
        let xs = ChartScale(covering: points.map(\.x), range: (frame.plotLeft, frame.plotRight))
        let ys = ChartScale(covering: points.map { ty($0.y) }, range: (frame.plotBottom, frame.plotTop), nice: !logY)
        var out = frame.open(title: title, description: "\(points.count) points in \(groupNames.count) groups")
        if logY {
            // Tick labels at round original values inside the transformed domain.
            var s = "<g class=\"axis y\">"
            for v in [0.0, 10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000] where ys.domain.contains(ty(v)) {
                let y = SVGText.coordinate(ys(ty(v)))
                s +=
                    "<line x1=\"\(SVGText.coordinate(frame.plotLeft))\" x2=\"\(SVGText.coordinate(frame.plotRight))\" y1=\"\(y)\" y2=\"\(y)\" class=\"grid\"/>"
                s +=
                    "<text x=\"\(SVGText.coordinate(frame.plotLeft - 6))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(SVGText.escape(yUnit.format(v)))</text>"
            }
            let cy = SVGText.coordinate((frame.plotTop + frame.plotBottom) / 2)
            s +=
                "<text class=\"axis-title\" transform=\"translate(14 \(cy)) rotate(-90)\" text-anchor=\"middle\">\(SVGText.escape(yTitle + " (log scale)"))</text></g>"
            out += s
        } else {
            out += frame.yAxis(ys, unit: yUnit, title: yTitle)
        }
        out += frame.xAxis(ticks: xs.ticks().map { (xs($0), xUnit.format($0)) }, title: xTitle)
        for p in points where p.x.isFinite && p.y.isFinite {
            out +=
                "<circle cx=\"\(SVGText.coordinate(xs(p.x)))\" cy=\"\(SVGText.coordinate(ys(ty(p.y))))\" r=\"2.5\" fill=\"\(ChartPalette.color(p.group))\" fill-opacity=\"0.6\"/>"
        }
        for (k, c) in centroids.enumerated() where c.x.isFinite && c.y.isFinite {
            let cx = xs(c.x), cy = ys(ty(c.y))
            let name = k < groupNames.count ? groupNames[k] : "cluster \(k)"
            out +=
                "<path d=\"M \(SVGText.coordinate(cx - 7)) \(SVGText.coordinate(cy)) H \(SVGText.coordinate(cx + 7)) M \(SVGText.coordinate(cx)) \(SVGText.coordinate(cy - 7)) V \(SVGText.coordinate(cy + 7))\" stroke=\"#000\" stroke-width=\"3\"><title>\(SVGText.escape("centre of \(name)"))</title></path>"
        }
        out += frame.legend(groupNames.enumerated().map { ($0.element, ChartPalette.color($0.offset)) })
        return out + "</svg>"
    }
}
