import Foundation

/// A table read back out of a dashboard page's HTML the way a person sees it (row header and
/// cell texts), so tests compare a CSV download with the page rather than with the code that
/// wrote both.
struct DashboardHTMLTable {
    var headers: [String]
    var rows: [[String]]

    /// The `<table … id="<elementId>"…>` of `html` (`table-<id>` for a download's table `id`),
    /// nil when the page has none.
    init?(elementId: String, in html: String) {
        guard
            let open = html.range(
                of: #"<table[^>]*\sid=""# + NSRegularExpression.escapedPattern(for: elementId) + "\"",
                options: .regularExpression),
            let start = html.range(of: ">", range: open.upperBound..<html.endIndex),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return nil }
        let body = String(html[start.upperBound..<end.lowerBound])
        headers = Self.matches(#"<th scope="col"[^>]*>(.*?)</th>"#, in: body).map(Self.unescape)
        rows = Self.matches(#"<tr><th scope="row">(.*?)</tr>"#, in: body).map { row in
            let head = String(row[..<(row.range(of: "</th>")?.lowerBound ?? row.endIndex)])
            return [Self.unescape(head)] + Self.matches(#"<td[^>]*>(.*?)</td>"#, in: row).map(Self.unescape)
        }
    }

    /// The KPI cards of `html` in page order: (label, shown value).
    static func cards(in html: String) -> [(label: String, value: String)] {
        let pattern = #"<div class="label">(.*?)</div><div class="value">(.*?)</div>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { m in
            (
                unescape(String(html[Range(m.range(at: 1), in: html)!])),
                unescape(String(html[Range(m.range(at: 2), in: html)!]))
            )
        }
    }

    /// The number a shown value stands for: `$1,234` → 1234, `12.5%` → 0.125, `2.10×` → 2.1, `1,234` → 1234; nil for `–`.
    static func number(_ shown: String) -> Double? {
        var s = shown.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "")
            .replacingOccurrences(of: "×", with: "")
        let percent = s.hasSuffix("%")
        if percent { s.removeLast() }
        guard let v = Double(s) else { return nil }
        return percent ? v / 100 : v
    }

    /// Half a unit of the last digit `shown` gives (`$1,234` → 0.5, `12.3%` → 0.0005, `2.10×` → 0.005):
    /// how far the number behind it may be from what it says.
    static func tolerance(_ shown: String) -> Double {
        let digits = shown.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
        let unit = 0.5 * pow(10, -Double(digits)) * (shown.hasSuffix("%") ? 0.01 : 1)
        return unit * 1.000_001 + 1e-12
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    /// Cell text without markup (links, line breaks and notes in row headers are dropped with their tags).
    private static func unescape(_ s: String) -> String {
        var s = s
        if let br = s.range(of: "<br>") { s = String(s[..<br.lowerBound]) }
        s = s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        return s.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
