import Foundation

/// Removes a data subject from the files Beacon owns under its data directory's `exports/`
/// folder (workspace exports, subject exports kept there): every line that mentions one of
/// the subject's identifier values (as written, lower-cased, JSON-escaped or URL-encoded) is
/// dropped and the file rewritten; a file that is not UTF-8 text and contains one is deleted.
/// The `exports/` folder is registered as holding personal data in `docs/privacy.md`.
struct ExportFileScrubber {
    let directory: URL

    /// The forms of `value` a file may hold it in.
    static func needles(_ value: String) -> [String] {
        var out: Set<String> = [value, value.lowercased()]
        let escaped = String(String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self).dropFirst().dropLast())
        if !escaped.isEmpty { out.insert(escaped) }
        if let url = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { out.insert(url) }
        return out.filter { !$0.isEmpty }.sorted()
    }

    /// Rewrites or deletes the files that mention any of `values`; returns their paths
    /// relative to the folder.
    func scrub(values: [String]) throws -> [String] {
        let fm = FileManager.default
        guard fm.fileExists(atPath: directory.path), !values.isEmpty else { return [] }
        let needles = values.flatMap(Self.needles)
        var touched: [String] = []
        guard let walker = fm.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let data = try Data(contentsOf: url)
            let relative = String(url.path.dropFirst(directory.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            guard let text = String(data: data, encoding: .utf8) else {
                let hit = needles.contains { data.range(of: Data($0.utf8)) != nil }
                if hit {
                    try fm.removeItem(at: url)
                    touched.append(relative)
                }
                continue
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let kept = lines.filter { line in !needles.contains { line.contains($0) } }
            guard kept.count != lines.count else { continue }
            // Written to a new file and renamed over the old one, so no half-written export remains.
            try Data(kept.joined(separator: "\n").utf8).write(to: url, options: .atomic)
            touched.append(relative)
        }
        return touched.sorted()
    }
}
