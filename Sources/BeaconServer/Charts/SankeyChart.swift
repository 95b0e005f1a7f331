/// A Sankey diagram: nodes in columns (touchpoint steps, then the outcome), each a bar as
/// tall as the journeys through it, and a band per link from one column's node to the next
/// column's, as wide as the journeys it carries (Schmidt 2008, "The Sankey diagram in energy
/// and material flow management", *J. Industrial Ecology* 12(1)).
///
/// Nodes in a column are stacked largest first; a node's outgoing bands leave from its top
/// down in the order of their targets, and incoming bands arrive in the order of their
/// sources, so bands cross as little as that order allows. Bands are closed polygons along
/// two cubic Bézier curves (sampled, so the PDF renderer draws the same picture) coloured by
/// their source node; every band and node carries a tooltip with its exact count. All text is
/// escaped by the scene's renderer.
public struct SankeyChart: Sendable {
    public struct Node: Sendable, Equatable {
        public var column: Int
        public var label: String

        public init(column: Int, label: String) {
            self.column = column
            self.label = label
        }
    }

    public struct Link: Sendable, Equatable {
        public var from: Node
        public var to: Node
        public var value: Double

        public init(from: Node, to: Node, value: Double) {
            self.from = from
            self.to = to
            self.value = value
        }
    }

    public var title: String
    public var columnTitles: [String]
    public var links: [Link]
    /// Colours by node label, so a channel keeps its colour in every column; others are grey.
    public var colors: [String: String]

    public init(title: String, columnTitles: [String], links: [Link], colors: [String: String]) {
        self.title = title
        self.columnTitles = columnTitles
        self.links = links
        self.colors = colors
    }

    func colorOf(_ label: String) -> String { colors[label] ?? "#6B6B6B" }

    /// The chart as an `<svg>` element.
    public func svg() -> String { scene().svg() }

    /// Each node's total: the larger of what flows in and what flows out.
    func totals() -> [Node: Double] {
        var inflow: [Node: Double] = [:], outflow: [Node: Double] = [:]
        for l in links where l.value > 0 && l.value.isFinite {
            outflow[l.from, default: 0] += l.value
            inflow[l.to, default: 0] += l.value
        }
        var out: [Node: Double] = [:]
        for node in Set(inflow.keys).union(outflow.keys) { out[node] = max(inflow[node] ?? 0, outflow[node] ?? 0) }
        return out
    }

    /// The chart as drawing primitives.
    public func scene() -> ChartScene {
        let width = 860.0, height = 420.0, top = 34.0, bottom = 16.0, nodeWidth = 14.0, gap = 10.0
        let totals = totals()
        let columns = (totals.keys.map(\.column).max() ?? -1) + 1
        var scene = ChartScene(
            width: width, height: height, title: title,
            description: "\(links.count) flows between \(totals.count) nodes in \(columns) columns")
        guard columns > 1 else { return scene }
        // One scale for every column: the fullest column (with its gaps) fills the height.
        var byColumn = [[Node]](repeating: [], count: columns)
        for node in totals.keys { byColumn[node.column].append(node) }
        for c in 0..<columns {
            byColumn[c].sort { totals[$0]! == totals[$1]! ? $0.label < $1.label : totals[$0]! > totals[$1]! }
        }
        let available = height - top - bottom
        let scale =
            byColumn.map { col in
                let sum = col.reduce(0) { $0 + totals[$1]! }
                return sum > 0 ? (available - gap * Double(max(col.count - 1, 0))) / sum : 0
            }.filter { $0 > 0 }.min() ?? 0
        let left = 20.0, right = width - 150
        func x(_ column: Int) -> Double { left + (right - left) * Double(column) / Double(columns - 1) }
        var y0: [Node: Double] = [:]
        for c in 0..<columns {
            var y = top
            for node in byColumn[c] {
                y0[node] = y
                y += totals[node]! * scale + gap
            }
        }
        // Band ends: outgoing bands stacked by target position, incoming by source position.
        let rank = Dictionary(uniqueKeysWithValues: byColumn.flatMap { $0.enumerated().map { ($1, $0) } })
        let shown = links.filter { $0.value > 0 && $0.value.isFinite && y0[$0.from] != nil && y0[$0.to] != nil }
        var outOffset: [Node: Double] = [:]
        var bands: [ChartShape] = []
        for l in shown.sorted(by: { (rank[$0.from]!, rank[$0.to]!) < (rank[$1.from]!, rank[$1.to]!) }) {
            let h = l.value * scale
            let sy = y0[l.from]! + outOffset[l.from, default: 0]
            outOffset[l.from, default: 0] += h
            let ty = y0[l.to]! + inOffsetFor(l, shown: shown, rank: rank, scale: scale)
            let sx = x(l.from.column) + nodeWidth, tx = x(l.to.column)
            let upper = Self.curve(from: ChartPoint(sx, sy), to: ChartPoint(tx, ty))
            let lower = Self.curve(from: ChartPoint(tx, ty + h), to: ChartPoint(sx, sy + h))
            bands.append(
                .polygon(
                    points: upper + lower, fill: colorOf(l.from.label), opacity: 0.35, stroke: nil, role: "band",
                    tooltip: "\(l.from.label) → \(l.to.label): \(ChartUnit.count.format(l.value)) journeys"))
        }
        scene.shapes.append(.group(role: "bands", bands))
        var nodes: [ChartShape] = []
        for c in 0..<columns {
            for node in byColumn[c] {
                let h = max(totals[node]! * scale, 1)
                nodes.append(
                    .rect(
                        x: x(c), y: y0[node]!, width: nodeWidth, height: h, fill: colorOf(node.label),
                        tooltip: "\(node.label): \(ChartUnit.count.format(totals[node]!)) journeys"))
                if h >= 9 {
                    nodes.append(
                        .text(
                            node.label, at: ChartPoint(x(c) + nodeWidth + 4, y0[node]! + h / 2), anchor: .start,
                            middle: true, role: "label", rotation: nil))
                }
            }
            if c < columnTitles.count {
                nodes.append(
                    .text(
                        columnTitles[c], at: ChartPoint(x(c), top - 14), anchor: .start, middle: false,
                        role: "axis-title", rotation: nil))
            }
        }
        scene.shapes.append(.group(role: "nodes", nodes))
        return scene
    }

    /// Where a link arrives in its target node: below the links from sources ranked above it.
    private func inOffsetFor(_ link: Link, shown: [Link], rank: [Node: Int], scale: Double) -> Double {
        shown.filter {
            $0.to == link.to && (rank[$0.from]!, $0.from.column) < (rank[link.from]!, link.from.column)
        }.reduce(0) { $0 + $1.value * scale }
    }

    /// A horizontal S-curve from `a` to `b` (a cubic Bézier with both handles halfway across), sampled.
    static func curve(from a: ChartPoint, to b: ChartPoint, steps: Int = 16) -> [ChartPoint] {
        let mx = (a.x + b.x) / 2
        return (0...steps).map { i in
            let t = Double(i) / Double(steps), u = 1 - t
            let x = u * u * u * a.x + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * b.x
            let y = u * u * u * a.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * b.y
            return ChartPoint(x, y)
        }
    }
}

extension SankeyChart.Node: Hashable {}
