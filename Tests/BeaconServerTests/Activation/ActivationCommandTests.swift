import BeaconTestSupport
import Foundation
import Testing

/// `beacon destinations` and `beacon activations` against a real data directory.
@Suite(
    "Activation commands",
    .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
struct ActivationCommandTests {
    @Test("create, activate, list and replay from the command line; a bad URL names the field and stores nothing")
    func commands() async throws {
        let binary = try #require(DurabilityTests.binary).path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-cli-\(UUID().uuidString)").path
        var env = ProcessInfo.processInfo.environment
        env["BEACON_SECRET_KEY"] = Data(repeating: 3, count: 32).base64EncodedString()
        #expect(
            try await runProcess(binary, ["workspace", "create", "shop", "--data-dir", dir], environment: env).status
                == 0)

        let bad = try await runProcess(
            binary, ["destinations", "create", "--workspace", "shop", "--name", "crm", "--url", "not a url", "--data-dir", dir],
            environment: env)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("url: must be an absolute http or https URL"), "\(bad.stderr)")
        let empty = try await runProcess(binary, ["destinations", "list", "--workspace", "shop", "--data-dir", dir], environment: env)
        #expect(empty.status == 0 && empty.stdout.isEmpty)

        let created = try await runProcess(
            binary,
            ["destinations", "create", "--workspace", "shop", "--name", "crm", "--url", "http://127.0.0.1:9/hook", "--data-dir", dir],
            environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        let id = try #require(
            created.stdout.split(separator: "\n").first { $0.hasPrefix("destination: ") }.map {
                String($0.dropFirst(13))
            })
        #expect(created.stdout.contains("signing secret: whsec_"))
        let activated = try await runProcess(
            binary,
            [
                "activations", "create", "--workspace", "shop", "--destination", id, "--event", "Order Completed", "--where",
                "currency=EUR",
                "--data-dir", dir,
            ],
            environment: env)
        #expect(activated.status == 0, "\(activated.stderr)")
        let list = try await runProcess(binary, ["activations", "list", "--workspace", "shop", "--data-dir", dir], environment: env)
        #expect(list.stdout.contains("\(id)\tevent Order Completed\t{\"currency\":\"EUR\"}"), "\(list.stdout)")
        let unknown = try await runProcess(
            binary, ["activations", "create", "--workspace", "shop", "--destination", id, "--segment", "nope", "--data-dir", dir],
            environment: env)
        #expect(unknown.status != 0 && unknown.stderr.contains("segment: no segment 'nope'"), "\(unknown.stderr)")
        let test = try await runProcess(
            binary, ["destinations", "test", "--workspace", "shop", id, "--data-dir", dir], environment: env)
        #expect(test.status == 0 && test.stdout.hasPrefix("queued msg_"))
        let listed = try await runProcess(
            binary, ["destinations", "list", "--workspace", "shop", "--data-dir", dir], environment: env)
        #expect(
            listed.stdout.contains("\tcrm\tactive\thttp://127.0.0.1:9/hook\tpending 1\tdelivered 0\tdead 0"),
            "\(listed.stdout)")
        let replay = try await runProcess(
            binary, ["destinations", "replay", "--workspace", "shop", id, "--data-dir", dir], environment: env)
        #expect(replay.stdout == "replayed 0\n")
    }
}
