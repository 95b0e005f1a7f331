import BeaconTestSupport
import Foundation
import Testing

/// `beacon user …` and `beacon workspace keys|revoke-key` run as a person would run them:
/// the built executable, a fresh data directory, passwords on standard input.
@Suite("CLI: users and write keys")
struct UserCommandTests {
    struct Run {
        var status: Int32
        var output: String
    }

    static func beacon(_ arguments: [String], dataDir: String, stdin: String? = nil) async throws -> Run {
        let run = try await runProcess(
            try #require(DurabilityTests.binary).path, arguments + ["--data-dir", dataDir],
            input: Data((stdin ?? "").utf8), mergeErrors: true)
        return Run(status: run.status, output: run.stdout)
    }

    @Test("Create, list, grant, change password, delete; errors name the option",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func users() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-cli-\(UUID().uuidString)").path
        #expect(try await Self.beacon(["workspace", "create", "shop"], dataDir: dir).status == 0)
        let created = try await Self.beacon(
            ["user", "create", "--email", "Ana@Example.com", "--name", "Ana", "--workspace", "shop", "--password-stdin"],
            dataDir: dir, stdin: "a long password\n")
        #expect(created.status == 0, "\(created.output)")
        #expect(created.output.contains("user ana@example.com (member) with access to shop"))
        let listed = try await Self.beacon(["user", "list"], dataDir: dir)
        #expect(listed.output.contains("ana@example.com\tAna\tmember\tshop"))

        let short = try await Self.beacon(
            ["user", "create", "--email", "b@example.com", "--name", "B", "--password-stdin"], dataDir: dir, stdin: "short\n")
        #expect(short.status != 0 && short.output.contains("--password: a password needs at least 10 characters"))
        let duplicate = try await Self.beacon(
            ["user", "create", "--email", "ana@example.com", "--name", "A2", "--password-stdin"], dataDir: dir,
            stdin: "another long one\n")
        #expect(duplicate.status != 0 && duplicate.output.contains("already exists"))
        let noTTY = try await Self.beacon(["user", "passwd", "--email", "ana@example.com"], dataDir: dir)
        #expect(noTTY.status != 0 && noTTY.output.contains("--password-stdin"), "no terminal: says how to pipe it in")
        let unknownWorkspace = try await Self.beacon(
            ["user", "grant", "--email", "ana@example.com", "--workspace", "nope"], dataDir: dir)
        #expect(unknownWorkspace.status != 0 && unknownWorkspace.output.contains("--workspace: no workspace named 'nope'"))
        #expect(try await Self.beacon(["user", "delete", "--email", "ana@example.com"], dataDir: dir).status == 0)
        #expect(!(try await Self.beacon(["user", "list"], dataDir: dir).output.contains("ana@example.com")))
    }

    @Test("Write keys: list by fingerprint, revoke one, ambiguous or unknown fingerprints refused",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func keys() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-cli-\(UUID().uuidString)").path
        #expect(try await Self.beacon(["workspace", "create", "shop"], dataDir: dir).status == 0)
        #expect(try await Self.beacon(["workspace", "add-key", "--workspace", "shop", "--label", "app"], dataDir: dir).status == 0)
        let listed = try await Self.beacon(["workspace", "keys", "--workspace", "shop"], dataDir: dir).output
        let lines = listed.split(separator: "\n").filter { $0.contains("\t") }
        #expect(lines.count == 2)
        let app = try #require(lines.first { $0.contains("\tapp\t") })
        let fingerprint = String(app.prefix(12))
        let short = try await Self.beacon(["workspace", "revoke-key", "--workspace", "shop", "abc"], dataDir: dir)
        #expect(short.status != 0 && short.output.contains("fingerprint: give at least 8 hex digits"))
        let revoked = try await Self.beacon(["workspace", "revoke-key", "--workspace", "shop", fingerprint], dataDir: dir)
        #expect(revoked.status == 0 && revoked.output.contains("revoked write key \(fingerprint) (app)"))
        #expect(try await Self.beacon(["workspace", "keys", "--workspace", "shop"], dataDir: dir).output.split(separator: "\n").filter { $0.contains("\t") }.count == 1)
        let again = try await Self.beacon(["workspace", "revoke-key", "--workspace", "shop", fingerprint], dataDir: dir)
        #expect(again.status != 0 && again.output.contains("has no write key"))
    }
}
