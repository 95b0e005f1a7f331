import Foundation

/// The drawing instructions of one page (a content stream, ISO 32000-1 §7.8.2) built with
/// typed calls: path construction and painting (§8.5.2, §8.5.3), line width (§8.4.4), RGB
/// colour (§8.6.8), the graphics-state stack (§8.4.2), dash patterns (§8.4.3.6) and text objects in the embedded font
/// (§9.4).
///
/// Coordinates are PDF user space: points, origin at the bottom-left of the page, y upwards.
/// Text is written as 2-byte glyph ids (the font is `Identity-H` with CID = GID), and every
/// glyph shown is remembered with the characters it stands for, so the document can write
/// the glyph widths and the ToUnicode map that makes the text searchable.
public struct PDFContentStream: Sendable {
    public let font: TrueTypeFont
    /// The operators written so far.
    public private(set) var operators = ""
    /// Each glyph shown and the text it stands for.
    public private(set) var glyphText: [UInt16: String] = [:]
    /// The resource name of the font on the page.
    static let fontResource = "F1"

    public init(font: TrueTypeFont) { self.font = font }

    private mutating func emit(_ line: String) { operators += line + "\n" }
    private func n(_ x: Double) -> String { PDFObject.number(x) }

    /// `q`: saves the graphics state.
    public mutating func save() { emit("q") }
    /// `Q`: restores the graphics state.
    public mutating func restore() { emit("Q") }
    /// `w`: the stroke width in points.
    public mutating func lineWidth(_ w: Double) { emit("\(n(w)) w") }
    /// `d`: the dash pattern, lengths of dashes and gaps in points (§8.4.3.6); empty for solid lines.
    public mutating func dash(_ lengths: [Double]) {
        emit("[\(lengths.map { PDFObject.number($0) }.joined(separator: " "))] 0 d")
    }
    /// `rg`: the fill colour.
    public mutating func fillColor(_ c: PDFColor) { emit("\(c.operands) rg") }
    /// `RG`: the stroke colour.
    public mutating func strokeColor(_ c: PDFColor) { emit("\(c.operands) RG") }
    /// `m`: starts a subpath.
    public mutating func move(_ x: Double, _ y: Double) { emit("\(n(x)) \(n(y)) m") }
    /// `l`: a straight segment to (x, y).
    public mutating func line(_ x: Double, _ y: Double) { emit("\(n(x)) \(n(y)) l") }
    /// `re`: a rectangle with its lower-left corner at (x, y).
    public mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        emit("\(n(x)) \(n(y)) \(n(width)) \(n(height)) re")
    }
    /// `c`: a cubic Bézier curve to (x3, y3) with control points (x1, y1) and (x2, y2).
    public mutating func curve(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x3: Double, _ y3: Double
    ) {
        emit("\(n(x1)) \(n(y1)) \(n(x2)) \(n(y2)) \(n(x3)) \(n(y3)) c")
    }
    /// `h`: closes the current subpath.
    public mutating func close() { emit("h") }
    /// `S`: strokes the path.
    public mutating func stroke() { emit("S") }
    /// `f`: fills the path (non-zero winding rule).
    public mutating func fill() { emit("f") }
    /// `B`: fills, then strokes the path.
    public mutating func fillAndStroke() { emit("B") }

    /// A straight line from (x1, y1) to (x2, y2) in `color`, `width` points wide.
    public mutating func strokeLine(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, color: PDFColor, width: Double = 1
    ) {
        strokeColor(color)
        lineWidth(width)
        move(x1, y1)
        line(x2, y2)
        stroke()
    }

    /// A filled rectangle.
    public mutating func fillRect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, color: PDFColor) {
        fillColor(color)
        rect(x, y, width, height)
        fill()
    }

    /// Shows `text` with its baseline starting at (x, y), `size` points, in `color`, turned
    /// `rotation` degrees counter-clockwise about its origin (a text matrix, §9.4.2).
    public mutating func text(
        _ text: String, x: Double, y: Double, size: Double, color: PDFColor = .black, rotation: Double = 0
    ) {
        guard !text.isEmpty else { return }
        var hex = ""
        for scalar in text.unicodeScalars {
            let g = font.glyph(for: scalar)
            if glyphText[g] == nil { glyphText[g] = String(scalar) }
            hex += PDFObject.hex(UInt8(g >> 8)) + PDFObject.hex(UInt8(g & 0xFF))
        }
        let radians = rotation * .pi / 180
        let c = Foundation.cos(radians), s = Foundation.sin(radians)
        emit("BT")
        emit("/\(Self.fontResource) \(n(size)) Tf")
        emit("\(color.operands) rg")
        emit("\(n(c)) \(n(s)) \(n(-s)) \(n(c)) \(n(x)) \(n(y)) Tm")
        emit("<\(hex)> Tj")
        emit("ET")
    }
}
