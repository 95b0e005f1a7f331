import BeaconTestSupport
import Foundation
import Testing

/// `beacon destinations create-email|pause|resume` and `beacon email-suppressions` against a real data directory.
@Suite(
    "Email commands",
    .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
struct EmailCommandTests {
    @Test("create an email destination (bad input names the field), pause and resume it, manage suppressions")
    func commands() async throws {
        let binary = try #require(DurabilityTests.binary).path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-cli-\(UUID().uuidString)").path
        var env = ProcessInfo.processInfo.environment
        env["BEACON_SECRET_KEY"] = Data(repeating: 5, count: 32).base64EncodedString()
        #expect(
            try await runProcess(binary, ["workspace", "create", "shop", "--data-dir", dir], environment: env).status
                == 0)
        let text = dir + "-text.mustache", html = dir + "-html.mustache"
        try "Hello {{email}}".write(toFile: text, atomically: true, encoding: .utf8)
        try "<p>Hello {{email}}</p>".write(toFile: html, atomically: true, encoding: .utf8)
        func create(_ host: String, _ subject: String) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await runProcess(
                binary,
                [
                    "destinations", "create-email", "--workspace", "shop", "--name", "news", "--host", host, "--port", "2525",
                    "--security", "none", "--from", "news@shop.example", "--subject", subject, "--text-file", text,
                    "--html-file", html, "--unsubscribe-url", "https://beacon.example.com", "--data-dir", dir,
                ], environment: env)
        }
        let bad = try await create("bad host", "Hi")
        #expect(bad.status != 0 && bad.stderr.contains("host: must be a host name"), "\(bad.stderr)")
        let unknown = try await create("127.0.0.1", "Hi {{first_name}}")
        #expect(unknown.status != 0 && unknown.stderr.contains("subject: refers to a trait"), "\(unknown.stderr)")
        let created = try await create("127.0.0.1", "Hi")
        #expect(created.status == 0, "\(created.stderr)")
        let id = try #require(
            created.stdout.split(separator: "\n").first { $0.hasPrefix("destination: ") }?.dropFirst(13))
        let paused = try await runProcess(
            binary, ["destinations", "pause", "--workspace", "shop", String(id), "--data-dir", dir], environment: env)
        #expect(paused.stdout == "\(id)\tpaused\n", "\(paused.stderr)")
        let listed = try await runProcess(
            binary, ["destinations", "list", "--workspace", "shop", "--data-dir", dir], environment: env)
        #expect(listed.stdout.contains("\tnews\tpaused\tsmtp://127.0.0.1:2525\t"), "\(listed.stdout)")
        let resumed = try await runProcess(
            binary, ["destinations", "resume", "--workspace", "shop", String(id), "--data-dir", dir], environment: env)
        #expect(resumed.stdout == "\(id)\tactive\n")

        let added = try await runProcess(
            binary, ["email-suppressions", "add", "--workspace", "shop", "Ann@Example.com", "--detail", "phone", "--data-dir", dir],
            environment: env)
        #expect(added.stdout == "suppressed ann@example.com (manual)\n", "\(added.stderr)")
        let badAddress = try await runProcess(
            binary, ["email-suppressions", "add", "--workspace", "shop", "nope", "--data-dir", dir], environment: env)
        #expect(badAddress.status != 0 && badAddress.stderr.contains("address: 'nope' is not an email address"))
        let list = try await runProcess(
            binary, ["email-suppressions", "list", "--workspace", "shop", "--data-dir", dir], environment: env)
        #expect(
            list.stdout.hasPrefix("ann@example.com\tmanual\t") && list.stdout.hasSuffix("\tphone\n"), "\(list.stdout)")
        let removed = try await runProcess(
            binary, ["email-suppressions", "remove", "--workspace", "shop", "ann@example.com", "--data-dir", dir], environment: env)
        #expect(removed.stdout == "removed ann@example.com\n")
        let again = try await runProcess(
            binary, ["email-suppressions", "remove", "--workspace", "shop", "ann@example.com", "--data-dir", dir], environment: env)
        #expect(again.status != 0 && again.stderr.contains("address:"))
    }
}
