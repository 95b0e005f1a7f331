import BeaconTestSupport
import Foundation

/// The PDF checkers the report tests run side by side: `qpdf` and poppler's `pdftotext` and
/// `pdffonts` (Debian `qpdf`, `poppler-utils`), found on `PATH`; and the DejaVu Sans font.
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

    /// Why the tools are unusable here, nil when qpdf, pdftotext and pdffonts are all installed.
    static var missing: String? {
        let absent = ["qpdf", "pdftotext", "pdffonts"].filter { find($0) == nil }
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
}
