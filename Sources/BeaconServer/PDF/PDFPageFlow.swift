/// Lays text, tables and charts down a sequence of pages, top to bottom, starting a new page
/// when the next block does not fit: the report's typesetting, on top of `PDFContentStream`.
///
/// Text wraps at word boundaries using the font's advance widths (`TrueTypeFont.width`), so
/// a line never runs past the right margin; a word longer than a line is left whole. Each page
/// gets a footer line with its number.
public struct PDFPageFlow: Sendable {
    /// One table column: title, width in points, right-aligned (numbers) or not.
    public struct Column: Sendable {
        public var title: String
        public var width: Double
        public var rightAligned: Bool
        public init(_ title: String, width: Double, rightAligned: Bool = false) {
            self.title = title
            self.width = width
            self.rightAligned = rightAligned
        }
    }

    public private(set) var document: PDFDocument
    public let margin: Double
    public var footer: String
    private var page: PDFContentStream
    /// The baseline-free top of the next block, in points from the bottom of the page.
    public private(set) var y: Double

    public static let ink = PDFColor(hex: "#1b1f24")
    public static let muted = PDFColor(hex: "#4a5360")
    public static let rule = PDFColor(hex: "#d8dde3")
    public static let up = PDFColor(hex: "#0a7a3d")
    public static let down = PDFColor(hex: "#b3261e")

    public init(font: TrueTypeFont, margin: Double = 48, footer: String = "") {
        let document = PDFDocument(font: font)
        self.document = document
        self.margin = margin
        self.footer = footer
        page = PDFContentStream(font: font)
        y = document.pageHeight - margin
    }

    /// The width between the margins.
    public var contentWidth: Double { document.pageWidth - 2 * margin }
    var font: TrueTypeFont { document.font }

    /// Starts a new page unless `height` points still fit above the bottom margin.
    public mutating func ensure(_ height: Double) {
        if y - height < margin + 14 { newPage() }
    }

    /// Ends the current page and starts the next.
    public mutating func newPage() {
        finishPage()
        page = PDFContentStream(font: font)
        y = document.pageHeight - margin
    }

    private mutating func finishPage() {
        let number = "\(document.pages.count + 1)"
        page.text(footer, x: margin, y: margin - 20, size: 8, color: Self.muted)
        page.text(
            number, x: document.pageWidth - margin - font.width(of: number, size: 8), y: margin - 20, size: 8,
            color: Self.muted)
        document.addPage(page)
    }

    /// Vertical space.
    public mutating func space(_ points: Double) { y -= points }

    /// A heading at `size` points with a rule under it when `rule`.
    public mutating func heading(_ text: String, size: Double = 15, rule: Bool = true) {
        ensure(size * 2.6 + 40)
        y -= size
        page.text(text, x: margin, y: y, size: size, color: Self.ink)
        y -= size * 0.5
        if rule {
            page.strokeLine(margin, y, margin + contentWidth, y, color: Self.rule, width: 0.75)
        }
        y -= size * 0.6
    }

    /// The lines of `text` wrapped to `width` at `size` points.
    public func wrap(_ text: String, size: Double, width: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if font.width(of: candidate, size: size) <= width || line.isEmpty {
                    line = candidate
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// A wrapped paragraph.
    public mutating func paragraph(_ text: String, size: Double = 10, color: PDFColor = ink, indent: Double = 0) {
        let leading = size * 1.4
        for line in wrap(text, size: size, width: contentWidth - indent) {
            ensure(leading)
            y -= leading
            page.text(line, x: margin + indent, y: y + size * 0.3, size: size, color: color)
        }
    }

    /// Text at an absolute position on the current page (for cards laid side by side).
    public mutating func text(_ text: String, x: Double, y: Double, size: Double, color: PDFColor = ink) {
        page.text(text, x: x, y: y, size: size, color: color)
    }

    /// A filled or outlined box at an absolute position on the current page.
    public mutating func box(x: Double, y: Double, width: Double, height: Double, fill: PDFColor, stroke: PDFColor) {
        page.fillColor(fill)
        page.strokeColor(stroke)
        page.lineWidth(0.75)
        page.rect(x, y, width, height)
        page.fillAndStroke()
    }

    /// Moves the cursor down by `height` after drawing at absolute positions.
    public mutating func advance(_ height: Double) { y -= height }

    /// A table: a header row, a rule, then one row per entry (cells wrapped to their column).
    public mutating func table(_ columns: [Column], rows: [[String]], size: Double = 9) {
        let leading = size * 1.45
        func drawRow(_ cells: [String], color: PDFColor) {
            let wrapped = columns.enumerated().map { i, c in
                wrap(i < cells.count ? cells[i] : "", size: size, width: c.width - 6)
            }
            let height = Double(wrapped.map(\.count).max() ?? 1) * leading
            ensure(height + 2)
            var x = margin
            for (i, column) in columns.enumerated() {
                for (k, line) in wrapped[i].enumerated() {
                    let lineX = column.rightAligned ? x + column.width - 6 - font.width(of: line, size: size) : x
                    page.text(line, x: lineX, y: y - leading * Double(k + 1) + size * 0.3, size: size, color: color)
                }
                x += column.width
            }
            y -= height
        }
        ensure(leading * 3)
        drawRow(columns.map(\.title), color: Self.muted)
        page.strokeLine(margin, y, margin + columns.reduce(0) { $0 + $1.width }, y, color: Self.rule, width: 0.75)
        y -= 2
        for row in rows { drawRow(row, color: Self.ink) }
        y -= leading * 0.5
    }

    /// A chart scene scaled to `width` points (default: the full content width).
    public mutating func chart(_ scene: ChartScene, width: Double? = nil) {
        let w = width ?? contentWidth
        let height = scene.height * w / max(scene.width, 1)
        ensure(height + 8)
        PDFChartRenderer().draw(scene, into: &page, x: margin, top: y, width: w)
        y -= height + 8
    }

    /// The finished document (the current page included).
    public func finished() -> PDFDocument {
        var copy = self
        copy.finishPage()
        return copy.document
    }
}
