import BeaconTestSupport
import Foundation
import Testing

/// One way to name a workspace: every command that works inside a workspace takes it as
/// `--workspace ID|NAME`, and an unknown one is an error naming `--workspace` with the close
/// names, never a new workspace. The commands are found by walking `--help`, so a new command
/// is checked without being listed here.
@Suite("CLI: --workspace in every workspace command")
struct WorkspaceOptionTests {
    /// Values for required options whose value is checked before the workspace is looked up.
    static func sample(option: String, directory: String) -> String {
        switch option {
        case "--email": "nobody@example.com"
        case "--kind": "shopify"
        case "--split": "2011-09-01"
        case "--output": directory + "/out.pdf"
        case "--definition": directory + "/journey.json"
        case "--file": directory + "/definition.json"
        case let name where name.hasSuffix("-file"): directory + "/definition.json"
        default: "x"
        }
    }

    /// Options a command checks in `validate()` that its usage line shows as optional.
    static let extra: [String: [String]] = [
        "destinations create": ["--url", "http://127.0.0.1:9/hook"],
        "activations create": ["--segment", "x"],
        "user create": ["--password-stdin"],
        "privacy retention set": ["--days", "30"],
        // A valid schedule, so the workspace is what is refused.
        "report schedule create": ["--schedule", "daily"],
        "archive run": [
            "--archive-s3-endpoint", "http://127.0.0.1:9", "--archive-s3-bucket", "beacon-archive", "--archive-s3-access-key", "k",
            "--archive-s3-secret-key", "s",
        ],
    ]

    /// The arguments that satisfy a command's usage line, with `--workspace` set to `workspace`.
    static func arguments(usage: String, workspace: String, directory: String) -> [String] {
        var result: [String] = []
        var depth = 0
        let tokens = usage.split(separator: " ").map(String.init)
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            let opens = token.filter { $0 == "[" }.count, closes = token.filter { $0 == "]" }.count
            defer { depth += opens - closes; i += 1 }
            guard depth == 0, opens == 0 else { continue }
            if token == "--workspace" {
                result += ["--workspace", workspace]
                i += 1
            } else if token.hasPrefix("--"), i + 1 < tokens.count, tokens[i + 1].hasPrefix("<") {
                result += [token, sample(option: token, directory: directory)]
                i += 1
            } else if token.hasPrefix("--") {
                result.append(token)
            } else if token.hasPrefix("<") {
                switch token {
                case "<file>", "<input>": result.append(directory + "/orders.csv")
                case "<kind>": result.append("orders")
                case "<rule>": result.append(#"{"a":{"eq":1}}"#)
                default: result.append("x")
                }
            }
        }
        if !result.contains("--workspace") { result += ["--workspace", workspace] }
        return result
    }

    /// The usage line of a help text, `beacon <path>` dropped.
    static func usage(of help: String, path: [String]) -> String? {
        guard let line = help.split(separator: "\n").first(where: { $0.hasPrefix("USAGE: ") }) else { return nil }
        return String(line.dropFirst(("USAGE: " + (["beacon"] + path).joined(separator: " ")).count))
    }

    @Test("An unknown --workspace is refused by every command that takes one, naming --workspace and the close names",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func unknownWorkspace() async throws {
        let binary = try #require(DurabilityTests.binary)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-wsopt-\(UUID().uuidString)").path
        let data = directory + "/data"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "{}".write(toFile: directory + "/definition.json", atomically: true, encoding: .utf8)
        try #"""
            {"trigger":{"type":"event","event":"signed_up"},"start":"w1","reentry":"once","resume":"retime",
             "steps":[{"id":"w1","type":"wait","seconds":60}]}
            """#.write(toFile: directory + "/journey.json", atomically: true, encoding: .utf8)
        try "order_id,customer_id,timestamp,amount\no1,c1,2024-01-02,10\n"
            .write(toFile: directory + "/orders.csv", atomically: true, encoding: .utf8)
        let created = try await runProcess(binary.path, ["workspace", "create", "shop", "--data-dir", data])
        #expect(created.status == 0, "\(created.stderr)")

        var queue: [[String]] = [[]]
        var checked: [String] = []
        while let path = queue.popLast() {
            let help = try await HelpGoldenTests.help(binary, path)
            for sub in HelpGoldenTests.subcommands(of: help) where sub != "help" { queue.append(path + [sub]) }
            guard let usage = Self.usage(of: help, path: path), !path.isEmpty else { continue }
            let name = path.joined(separator: " ")
            // Only the commands whose subject is the workspace itself name it positionally.
            if ["workspace create", "workspace rename", "workspace delete"].contains(name) { continue }
            #expect(
                !usage.replacingOccurrences(of: "--workspace <workspace>", with: "").contains("<workspace>"),
                "beacon \(name) takes the workspace positionally: \(usage)")
            // `demo --workspace` names the workspace the demo creates.
            guard usage.contains("--workspace <workspace>"), name != "demo" else { continue }
            let arguments = path + Self.arguments(usage: usage, workspace: "shpo", directory: directory) + (Self.extra[name] ?? [])
            let run = try await runProcess(
                binary.path, arguments + ["--data-dir", data], input: Data("a long password\n".utf8))
            checked.append(name)
            #expect(run.status != 0, "beacon \(arguments.joined(separator: " ")) accepted an unknown workspace")
            #expect(
                run.stderr.contains("--workspace: no workspace named 'shpo'") && run.stderr.contains("close names: shop"),
                "beacon \(arguments.joined(separator: " ")): \(run.stderr)")
        }
        #expect(checked.count > 40, "the walk reached the workspace commands: \(checked)")
        let listed = try await runProcess(binary.path, ["workspace", "list", "--data-dir", data])
        #expect(listed.stdout.split(separator: "\n").count == 1, "an unknown --workspace created one: \(listed.stdout)")
    }

    @Test("--workspace takes a workspace's id as well as its name",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func workspaceById() async throws {
        let binary = try #require(DurabilityTests.binary)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-wsid-\(UUID().uuidString)").path
        #expect(try await runProcess(binary.path, ["workspace", "create", "shop", "--data-dir", data]).status == 0)
        let listed = try await runProcess(binary.path, ["workspace", "list", "--data-dir", data])
        let id = try #require(listed.stdout.split(separator: "\t").dropFirst().first.map(String.init))
        let byId = try await runProcess(binary.path, ["token", "create", "--workspace", id, "--label", "ci", "--data-dir", data])
        #expect(byId.status == 0, "\(byId.stderr)")
        let tokens = try await runProcess(binary.path, ["token", "list", "--workspace", "shop", "--data-dir", data])
        #expect(tokens.stdout.contains("\tci\t"), "\(tokens.stdout)")
    }
}
