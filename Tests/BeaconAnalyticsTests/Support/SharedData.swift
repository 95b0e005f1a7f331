import Foundation

/// Locates `../shared/` (the data sets and published reference numbers) from the test's
/// source file, or from `BEACON_SHARED_DIR`, so tests never copy data into the repository.
enum SharedData {
    /// The `shared` directory, or nil when it is absent (tests that need it are skipped).
    static let directory: URL? = {
        if let env = ProcessInfo.processInfo.environment["BEACON_SHARED_DIR"] {
            return URL(fileURLWithPath: env)
        }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("shared/datasets")
            if FileManager.default.fileExists(atPath: candidate.path) {
                return dir.appendingPathComponent("shared")
            }
            dir.deleteLastPathComponent()
        }
        return nil
    }()

    /// True when the shared data sets are present.
    static var available: Bool { directory != nil }

    /// The path of a data set file, e.g. `dataset("cdnow/cdnow_customers_summary.csv")`.
    static func dataset(_ relative: String) -> String {
        (directory ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent("datasets/\(relative)").path
    }
}
