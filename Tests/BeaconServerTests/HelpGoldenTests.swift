import BeaconTestSupport
import Foundation
import Testing

/// Every command's `--help`, kept as a file under `Golden/help/`: a change to the CLI's words,
/// options or defaults shows up in review as a diff of these files, never by accident.
/// `BEACON_UPDATE_GOLDEN=1 swift test --filter HelpGolden` rewrites them after an intended change.
@Suite("CLI: golden --help")
struct HelpGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/help")

    /// The help text of `beacon <path…> --help`, as a person sees it in an 80-column terminal.
    /// Awaits the child without holding a thread of the pool (`runProcess`): the `--workspace`
    /// walk asks for some 150 help texts.
    static func help(_ binary: URL, _ path: [String]) async throws -> String {
        let run = try await runProcess(
            binary.path, path + ["--help"], environment: ["COLUMNS": "80", "PATH": "/usr/bin:/bin"])
        return run.stdout + run.stderr
    }

    /// The subcommand names listed under `SUBCOMMANDS:` in a help text.
    static func subcommands(of help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                !line.contains("See '")
            else { return nil }
            return String(name)
        }
    }

    @Test("every command's --help equals its golden file, and every command has one",
          .enabled(if: DurabilityTests.binary != nil, "build the beacon executable first"))
    func goldenHelp() async throws {
        let binary = try #require(DurabilityTests.binary)
        let update = ProcessInfo.processInfo.environment["BEACON_UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true) }
        var queue: [[String]] = [[]]
        var seen: Set<String> = []
        while let path = queue.popLast() {
            let text = try await Self.help(binary, path)
            let name = (["beacon"] + path).joined(separator: "-") + ".txt"
            seen.insert(name)
            let file = Self.goldenDirectory.appendingPathComponent(name)
            if update {
                try text.write(to: file, atomically: true, encoding: .utf8)
            } else if let golden = try? String(contentsOf: file, encoding: .utf8) {
                #expect(text == golden, "beacon \(path.joined(separator: " ")) --help changed; if intended, run BEACON_UPDATE_GOLDEN=1 swift test --filter HelpGolden")
            } else {
                Issue.record("no golden help for 'beacon \(path.joined(separator: " "))': run BEACON_UPDATE_GOLDEN=1 swift test --filter HelpGolden")
            }
            for sub in Self.subcommands(of: text) where sub != "help" { queue.append(path + [sub]) }
        }
        #expect(seen.count > 40, "the walk reached the commands (\(seen.count))")
        let stale = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDirectory.path)
            .filter { $0.hasSuffix(".txt") && !seen.contains($0) }
        if update {
            for name in stale { try FileManager.default.removeItem(at: Self.goldenDirectory.appendingPathComponent(name)) }
        } else {
            #expect(stale.isEmpty, "golden help for commands that no longer exist: \(stale.sorted())")
        }
    }
}
