import ArgumentParser

/// How a command writes its answer (`--format`): one option name and one set of values for
/// every command; each command names its default and the formats it writes.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// A table or report for people.
    case text
    /// Comma-separated rows with a header.
    case csv
    /// One JSON document.
    case json

    /// Refuses a format the command does not write.
    /// - Throws: `ValidationError` naming `--format` and the formats it takes.
    func check(_ written: [OutputFormat]) throws {
        guard written.contains(self) else {
            throw ValidationError(
                "--format must be \(written.map(\.rawValue).joined(separator: " or ")) here, got '\(rawValue)'")
        }
    }
}
