import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its named parts: how a browser sends a
/// form with a file, as the data page's upload does.
///
/// Each part starts after a `--boundary` line, has headers (`Content-Disposition: form-data;
/// name="…"; filename="…"`, optionally `Content-Type`) and a blank line, and ends before the
/// CRLF of the next boundary; `--boundary--` ends the body. Parts without a name are skipped.
struct MultipartFormData: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var contentType: String?
        var body: [UInt8]
    }

    /// A body that is not well-formed multipart, with what is wrong.
    struct Malformed: Error, Sendable {
        var reason: String
    }

    var parts: [Part]

    /// The boundary of a `multipart/form-data` content type, nil for any other type.
    static func boundary(contentType: String) -> String? {
        let params = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let type = params.first, type.lowercased() == "multipart/form-data" else { return nil }
        for p in params.dropFirst() {
            let pair = p.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                ? String(pair[1].dropFirst().dropLast()) : pair[1]
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    /// Splits `body` at `boundary`.
    /// - Throws: `Malformed` when the first boundary, a part's headers or the closing boundary is missing.
    init(body: [UInt8], boundary: String) throws {
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        guard var start = Self.find(delimiter, in: body, from: 0) else {
            throw Malformed(reason: "the body has no '--\(boundary)' boundary")
        }
        var parts: [Part] = []
        while true {
            var p = start + delimiter.count
            if p + 1 < body.count, body[p] == 45, body[p + 1] == 45 { break }  // "--": the closing boundary
            guard let eol = Self.find(crlf, in: body, from: p) else { throw Malformed(reason: "a boundary line does not end") }
            p = eol + 2
            var headers: [String: String] = [:]
            let contentStart: Int
            if p + 1 < body.count, body[p] == 13, body[p + 1] == 10 {
                contentStart = p + 2
            } else {
                guard let end = Self.find([13, 10, 13, 10], in: body, from: p) else {
                    throw Malformed(reason: "a part's headers do not end with a blank line")
                }
                for line in String(decoding: body[p..<end], as: UTF8.self).components(separatedBy: "\r\n") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                contentStart = end + 4
            }
            guard let next = Self.find(crlf + delimiter, in: body, from: contentStart) else {
                throw Malformed(reason: "the body ends before its closing boundary (a truncated upload?)")
            }
            let disposition = Self.parameters(headers["content-disposition"] ?? "")
            if let name = disposition["name"] {
                parts.append(Part(
                    name: name, filename: disposition["filename"], contentType: headers["content-type"],
                    body: Array(body[contentStart..<next])))
            }
            start = next + 2
        }
        self.parts = parts
    }

    /// The first part called `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The text of the first part called `name` (a plain form field).
    func value(_ name: String) -> String? { part(name).map { String(decoding: $0.body, as: UTF8.self) } }

    /// The `key=value` and `key="quoted; value"` parameters of a header such as
    /// `form-data; name="file"; filename="orders.csv"`, keys lower-cased.
    static func parameters(_ header: String) -> [String: String] {
        var out: [String: String] = [:]
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let eq = rest.firstIndex(of: "=") else { break }
            let key = rest[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: eq)...]
            if rest.first == "\"" {
                // Browsers write a quote in a name as %22 and keep backslashes (WHATWG's form encoding),
                // so a quoted value runs to the next quote.
                rest = rest.dropFirst()
                let end = rest.firstIndex(of: "\"") ?? rest.endIndex
                out[key] = rest[..<end].replacingOccurrences(of: "%22", with: "\"")
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                out[key] = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
        }
        return out
    }

    /// The first index at or after `from` where `needle` occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
