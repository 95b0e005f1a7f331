import Foundation

/// A Markov attribution chain drawn as a node-and-edge graph: `(start)` on the left, the
/// channels in a column, `(conversion)` and `(null)` on the right; an arrow per observed
/// transition, its width proportional to the transition probability.
///
/// Transitions between channels are arcs beside the column (moving down the list on the
/// left, up on the right, so the two directions between a pair never overlap); a channel
/// returning to itself is a small loop. Probabilities of 10% and more (20% between
/// channels) are written on their edge, each label at the first of a few points along its
/// edge where it does not cover a label already placed (the fan of edges from `(start)`
/// would otherwise stack them); every edge carries a tooltip with its exact probability.
/// All text is escaped.
public struct MarkovGraphChart: Sendable {
    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        public var probability: Double

        public init(from: String, to: String, probability: Double) {
            self.from = from
            self.to = to
            self.probability = probability
        }
    }

    public static let start = "(start)"
    public static let conversion = "(conversion)"
    public static let null = "(null)"
    /// Stroke width of a transition with probability 1 (0 draws a hairline of 1).
    static let maxWidth = 12.0
    /// Edges from `(start)` and into `(conversion)`/`(null)` at or above this probability are
    /// labelled on the chart; arcs between channels (which crowd the column) from
    /// `channelLabelThreshold`. The heat-map beside the graph gives every value.
    static let labelThreshold = 0.1
    static let channelLabelThreshold = 0.2

    public var title: String
    public var channels: [String]
    public var edges: [Edge]

    public init(title: String, channels: [String], edges: [Edge]) {
        self.title = title
        self.channels = channels
        self.edges = edges
    }

    /// The stroke width drawn for a probability (clamped to 0…1; non-finite draws 1).
    static func width(_ p: Double) -> Double {
        guard p.isFinite else { return 1 }
        return 1 + (maxWidth - 1) * min(max(p, 0), 1)
    }

    public func svg() -> String {
        let rowGap = 54.0, top = 40.0, nodeW = 150.0, nodeH = 28.0
        let width = 820.0
        let height = max(300, top * 2 + Double(max(channels.count, 1)) * rowGap)
        let mid = height / 2
        var centre: [String: (x: Double, y: Double)] = [
            Self.start: (80, mid), Self.conversion: (width - 90, mid - 70), Self.null: (width - 90, mid + 70),
        ]
        for (i, c) in channels.enumerated() { centre[c] = (width / 2, top + (Double(i) + 0.5) * rowGap) }
        let index = Dictionary(channels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

        let described = edges.sorted { $0.probability > $1.probability }.prefix(12)
            .map { "\($0.from) → \($0.to) \(ChartUnit.percent.format($0.probability))" }.joined(separator: "; ")
        var out =
            "<svg class=\"chart markov\" viewBox=\"0 0 \(Int(width)) \(Int(height + 30))\" role=\"img\" aria-label=\"\(SVGText.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title>\(SVGText.escape(title))</title><desc>\(SVGText.escape(described))</desc>"
        out +=
            "<defs><marker id=\"markov-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#4a5360\"/></marker></defs>"
        out += "<g class=\"edges\" fill=\"none\" stroke=\"#4a5360\" stroke-opacity=\"0.55\">"
        var labels = ""
        var placer = LabelPlacer()
        // Larger probabilities choose their spot first.
        for e in edges.sorted(by: { $0.probability > $1.probability }) {
            guard let a = centre[e.from], let b = centre[e.to] else { continue }
            let w = SVGText.coordinate(Self.width(e.probability))
            let tip = SVGText.escape("\(e.from) → \(e.to): \(ChartUnit.percent.format(e.probability))")
            let d: String
            // Where the label may go, in order of preference.
            let spots: [(x: Double, y: Double)]
            if let i = index[e.from], let j = index[e.to] {
                if i == j {
                    let x = a.x - nodeW / 2, y = a.y
                    d = "M \(c(x)) \(c(y - 6)) C \(c(x - 40)) \(c(y - 30)) \(c(x - 40)) \(c(y + 30)) \(c(x)) \(c(y + 6))"
                    spots = [(x - 34, y)]
                } else {
                    // Down the list on the left side, up on the right; the bow grows with distance.
                    let side = i < j ? -1.0 : 1.0
                    let x = a.x + side * nodeW / 2
                    let bow = 24 + 18 * Double(abs(i - j))
                    let cy = (a.y + b.y) / 2
                    d = "M \(c(x)) \(c(a.y)) Q \(c(x + side * bow * 2)) \(c(cy)) \(c(x)) \(c(b.y))"
                    // Points of the quadratic Bézier: its apex (t = ½) first.
                    spots = [0.5, 0.35, 0.65].map { t in
                        (x + 2 * t * (1 - t) * side * bow * 2, (1 - t) * (1 - t) * a.y + 2 * t * (1 - t) * cy + t * t * b.y)
                    }
                }
            } else {
                let fromX = a.x + (e.from == Self.start ? 40 : nodeW / 2)
                let toX = b.x - (index[e.to] != nil ? nodeW / 2 : 60)
                d = "M \(c(fromX)) \(c(a.y)) L \(c(toX)) \(c(b.y))"
                // Labels sit where the straight edges are still apart and clear of the arcs
                // beside the column: near (start) for its edges, near the channel for the others.
                let ts = e.from == Self.start ? [0.25, 0.4, 0.55, 0.15, 0.7] : [0.12, 0.22, 0.32]
                let dx = e.from == Self.start ? 0.0 : 14
                spots = ts.map { t in (fromX + (toX - fromX) * t + dx, a.y + (b.y - a.y) * t - 3) }
            }
            out +=
                "<path class=\"edge\" d=\"\(d)\" stroke-width=\"\(w)\" marker-end=\"url(#markov-arrow)\"><title>\(tip)</title></path>"
            let between = index[e.from] != nil && index[e.to] != nil
            if e.probability >= (between ? Self.channelLabelThreshold : Self.labelThreshold) {
                let text = ChartUnit.percent.format(e.probability)
                let at = placer.place(text, candidates: spots)
                labels +=
                    "<text x=\"\(c(at.x))\" y=\"\(c(at.y))\" text-anchor=\"middle\" class=\"edge-label\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">\(SVGText.escape(text))</text>"
            }
        }
        out += "</g><g class=\"nodes\">"
        let special: [(String, String, Double)] = [
            (Self.start, "#6B6B6B", 80), (Self.conversion, "#0a7a3d", 120), (Self.null, "#b3261e", 120),
        ]
        for (name, color, w) in special {
            guard let p = centre[name] else { continue }
            out += node(name: name, at: p, width: w, height: nodeH, color: color, filled: true)
        }
        for (i, ch) in channels.enumerated() {
            out += node(name: ch, at: centre[ch]!, width: nodeW, height: nodeH, color: ChartPalette.color(i), filled: false)
        }
        out += "</g>" + labels
        out +=
            "<text class=\"axis-title\" x=\"\(c(width / 2))\" y=\"\(c(height + 18))\" text-anchor=\"middle\">Arrow width: transition probability (labelled from 10%; between channels from 20%)</text>"
        return out + "</svg>"
    }

    /// A labelled box: the absorbing and start states filled (white text on a dark fill),
    /// channels outlined in their series colour with dark text (light palette colours would
    /// not give white text enough contrast).
    private func node(name: String, at p: (x: Double, y: Double), width: Double, height: Double, color: String, filled: Bool)
        -> String
    {
        let short = name.count > 20 ? String(name.prefix(19)) + "…" : name
        let paint = filled ? "fill=\"\(color)\"" : "fill=\"#fff\" stroke=\"\(color)\" stroke-width=\"3\""
        return "<g class=\"node\"><title>\(SVGText.escape(name))</title><rect x=\"\(c(p.x - width / 2))\" y=\"\(c(p.y - height / 2))\" width=\"\(c(width))\" height=\"\(c(height))\" rx=\"6\" \(paint)/>"
            + "<text x=\"\(c(p.x))\" y=\"\(c(p.y))\" text-anchor=\"middle\" dominant-baseline=\"middle\"\(filled ? " fill=\"#fff\"" : "")>\(SVGText.escape(short))</text></g>"
    }

    private func c(_ x: Double) -> String { SVGText.coordinate(x) }

    /// Greedy label placement: each label takes the first candidate point whose box (centred
    /// horizontally, baseline at the point, 11 px text) clears every box placed before it, or
    /// the first candidate when none does; the edge's tooltip still names it then.
    struct LabelPlacer {
        struct Box: Equatable {
            var minX, maxX, minY, maxY: Double
            func overlaps(_ o: Box) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
        }

        private(set) var boxes: [Box] = []

        /// The box an 11 px label of `text` covers with its baseline centred at `p`.
        static func box(_ text: String, at p: (x: Double, y: Double)) -> Box {
            let half = (Double(text.count) * 6.5 + 6) / 2
            return Box(minX: p.x - half, maxX: p.x + half, minY: p.y - 11, maxY: p.y + 3)
        }

        mutating func place(_ text: String, candidates: [(x: Double, y: Double)]) -> (x: Double, y: Double) {
            let chosen = candidates.first { p in !boxes.contains { $0.overlaps(Self.box(text, at: p)) } } ?? candidates[0]
            boxes.append(Self.box(text, at: chosen))
            return chosen
        }
    }
}
