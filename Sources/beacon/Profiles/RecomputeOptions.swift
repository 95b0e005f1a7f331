import ArgumentParser
import Foundation

/// `--recompute-interval` for the commands that serve: how often the scheduled full segment
/// recompute (prediction refresh, then every segment at the current time) runs.
struct RecomputeOptions: ParsableArguments {
    @Option(
        help: "How often to refresh predictions and recompute every segment, e.g. 30m, 1h, 3600 (seconds); 0 disables.")
    var recomputeInterval: String = "1h"

    @Option(help: "Persona clusters per workspace in the prediction refresh (2-20); default: chosen by silhouette.")
    var clusters: Int?

    func validate() throws {
        guard Self.parse(recomputeInterval) != nil else {
            throw ValidationError(
                "--recompute-interval must be a number of seconds or a duration like 90s, 30m, 1h, 1d; got '\(recomputeInterval)'"
            )
        }
        if let clusters, !(2...20).contains(clusters) {
            throw ValidationError("--clusters must be from 2 to 20, got \(clusters)")
        }
    }

    /// The interval, or nil when disabled.
    var interval: Duration? {
        guard let seconds = Self.parse(recomputeInterval), seconds > 0 else { return nil }
        return .seconds(seconds)
    }

    /// Seconds in `90`, `90s`, `30m`, `1h`, `1d`; nil when malformed or negative.
    static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        var digits = Substring(t), unit = 1
        if let last = t.last, let u = units[last] {
            digits = t.dropLast()
            unit = u
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits), n >= 0, n <= 365 * 86_400 / unit
        else { return nil }
        return n * unit
    }
}
