/// Reads the few elements Beacon needs from S3's XML answers (`ListBucketResult`, `Error`).
///
/// S3 answers are flat and machine-written, so a scan for `<Tag>…</Tag>` is enough and keeps
/// the binary free of an XML parser dependency; the five predefined entities are decoded.
enum S3XML {
    /// The text of every `<tag>…</tag>` element in `xml`, in document order.
    static func values(_ tag: String, in xml: Substring) -> [String] {
        blocks(tag, in: xml).map { decode($0) }
    }

    /// The text of the first `<tag>…</tag>` element, or nil.
    static func value(_ tag: String, in xml: Substring) -> String? {
        values(tag, in: xml).first
    }

    /// The raw contents of every `<tag>…</tag>` element (for nested elements like `Contents`).
    static func blocks(_ tag: String, in xml: Substring) -> [Substring] {
        let open = "<\(tag)>"
        let close = "</\(tag)>"
        var out: [Substring] = []
        var rest = xml[...]
        while let start = rest.range(of: open), let end = rest.range(of: close, range: start.upperBound..<rest.endIndex) {
            out.append(rest[start.upperBound..<end.lowerBound])
            rest = rest[end.upperBound...]
        }
        return out
    }

    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        return String(text).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#34;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
