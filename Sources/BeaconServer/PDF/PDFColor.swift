/// An RGB colour for PDF painting operators (`rg`/`RG`, ISO 32000-1 §8.6.8), components 0…1.
public struct PDFColor: Sendable, Equatable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from CSS `#RRGGBB` (or `#RGB`); anything else is black.
    public init(hex: String) {
        var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let v = UInt32(digits, radix: 16) else {
            self.init(red: 0, green: 0, blue: 0)
            return
        }
        self.init(
            red: Double(v >> 16 & 0xFF) / 255, green: Double(v >> 8 & 0xFF) / 255, blue: Double(v & 0xFF) / 255)
    }

    /// This colour painted at `opacity` over white: what `fill-opacity` looks like on a white
    /// page, without a transparency group (PDF transparency needs an ExtGState per opacity).
    public func over(white opacity: Double) -> PDFColor {
        let a = min(max(opacity, 0), 1)
        return PDFColor(red: red * a + 1 - a, green: green * a + 1 - a, blue: blue * a + 1 - a)
    }

    public static let black = PDFColor(red: 0, green: 0, blue: 0)
    public static let white = PDFColor(red: 1, green: 1, blue: 1)

    /// The three operands of a colour operator.
    var operands: String { "\(PDFObject.number(red)) \(PDFObject.number(green)) \(PDFObject.number(blue))" }
}
