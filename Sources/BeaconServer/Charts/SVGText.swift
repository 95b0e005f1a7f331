/// Escaping for text placed in SVG or HTML: every chart label, legend entry and tooltip goes
/// through here, so a channel or persona named `<script>` is drawn as text, never run.
enum SVGText {
    /// `text` with `& < > " '` replaced by entities (safe in element content and in
    /// double- or single-quoted attribute values).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A number for an SVG coordinate: two decimals, no exponent, "0" for non-finite input.
    static func coordinate(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }
}
