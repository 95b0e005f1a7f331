import BeaconTestSupport
import Foundation

/// The PDF checkers the report tests run side by side: `qpdf` and poppler's `pdftotext`,
/// `pdffonts`, `pdfinfo` and `pdftoppm` (Debian `qpdf`, `poppler-utils`), found on `PATH`; and
/// the DejaVu Sans font. Pages rendered by `pdftoppm` are kept in the artefacts folder.
enum PDFTools {
    /// The executable `name` on `PATH`, nil when absent.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Why the tools are unusable here, nil when qpdf, pdftotext, pdffonts, pdfinfo and pdftoppm are all installed.
    static var missing: String? {
        let absent = ["qpdf", "pdftotext", "pdffonts", "pdfinfo", "pdftoppm"].filter { find($0) == nil }
        return absent.isEmpty ? nil : "skipped: \(absent.joined(separator: ", ")) not installed (apt-get install qpdf poppler-utils)"
    }

    /// Why the font is unusable here, nil when DejaVu Sans is installed.
    static var fontMissing: String? {
        FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
            ? nil : "skipped: DejaVu Sans is not installed (apt-get install fonts-dejavu-core)"
    }

    /// Writes `bytes` to a temporary file and returns its path.
    static func write(_ bytes: [UInt8], name: String = "test") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-\(name)-\(UUID().uuidString).pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs `tool` with `arguments`; returns its exit status and standard output + error.
    static func run(_ tool: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let r = try await runProcess(find(tool) ?? tool, arguments)
        return (r.status, r.stdout + r.stderr)
    }

    /// The text of the PDF at `path` (`pdftotext -layout`).
    static func text(_ path: String) async throws -> String { try await run("pdftotext", ["-layout", path, "-"]).output }

    /// The folder CI keeps for people to look at after a run: `BEACON_ARTIFACTS`, by default
    /// `.build/artifacts` under the package root; created if needed.
    static func artifactsDirectory() throws -> URL {
        let url: URL
        if let named = ProcessInfo.processInfo.environment["BEACON_ARTIFACTS"], !named.isEmpty {
            url = URL(fileURLWithPath: named)
        } else {
            // Tests/BeaconServerTests/Reports/PDFTools.swift → the package root.
            url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/artifacts")
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Renders page 1 of the PDF at `path` with `pdftoppm -png -f 1 -l 1 -r <dpi> -singlefile`
    /// into `<output>.png` and returns that file's path; throws with pdftoppm's output if it fails.
    static func renderFirstPage(_ path: String, to output: String, dpi: Int) async throws -> String {
        let r = try await run("pdftoppm", ["-png", "-f", "1", "-l", "1", "-r", "\(dpi)", "-singlefile", path, output])
        guard r.status == 0 else { throw PDFToolFailure(tool: "pdftoppm", output: r.output) }
        return output + ".png"
    }

    /// The size of page 1 of the PDF at `path` in points, as `pdfinfo` reads it
    /// ("Page size: 595.28 x 841.89 pts (A4)"); nil when pdfinfo prints no such line.
    static func firstPageSize(_ path: String) async throws -> (width: Double, height: Double)? {
        let info = try await run("pdfinfo", [path]).output
        for line in info.split(separator: "\n") where line.hasPrefix("Page size:") {
            let words = line.split(separator: " ")
            // ["Page", "size:", "595.28", "x", "841.89", "pts", …]
            guard words.count >= 5, words[3] == "x", let w = Double(words[2]), let h = Double(words[4]) else {
                return nil
            }
            return (w, h)
        }
        return nil
    }
}

/// A PDF tool that exited with a failure status, with what it printed.
struct PDFToolFailure: Error, CustomStringConvertible {
    var tool: String
    var output: String
    var description: String { "\(tool) failed: \(output)" }
}
