import BeaconTestSupport
import Foundation

/// A command-line program the tests run beside Beacon (`sqlite3`, `psql`), found on `PATH`.
enum ExternalTool {
    /// The program's path, or nil when it is not installed.
    static func path(_ name: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the program with `arguments` and `input` on standard input; returns its output.
    /// - Throws: a `ToolError` with the program's error output when it exits non-zero.
    @discardableResult
    static func run(_ name: String, _ arguments: [String], input: Data? = nil) throws -> String {
        guard let path = path(name) else { throw ToolError(message: "\(name) is not installed") }
        let run = try runProcessBlocking(path, arguments, input: input ?? Data())
        guard run.status == 0 else {
            throw ToolError(message: "\(name) \(arguments.joined(separator: " ")) failed: \(run.stderr)")
        }
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct ToolError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
