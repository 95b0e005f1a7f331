import BeaconTestSupport
import Foundation
import Testing

/// `beacon destinations create --type hubspot|mailchimp|klaviyo` and the scheduled sync commands.
@Suite(
    "Audience sync commands",
    .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
struct AudienceCommandTests {
    @Test("create an audience destination (the key never printed), schedule and sync it; bad input names the field")
    func commands() async throws {
        let binary = try #require(DurabilityTests.binary).path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-cli-\(UUID().uuidString)").path
        var env = ProcessInfo.processInfo.environment
        env["BEACON_SECRET_KEY"] = Data(repeating: 5, count: 32).base64EncodedString()
        func beacon(_ args: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await runProcess(binary, args + ["--data-dir", dir], environment: env)
        }
        #expect(try await beacon(["workspace", "create", "shop"]).status == 0)
        // Listing the segments projects the workspace, which installs the system segments.
        #expect(try await beacon(["segments", "list", "--workspace", "shop"]).stdout.contains("vip-customers"))

        let noList = try await beacon(["destinations", "create", "--workspace", "shop", "--name", "mc", "--type", "mailchimp", "--api-key", "k-us6"])
        #expect(noList.status != 0 && noList.stderr.contains("--list-id"), "\(noList.stderr)")
        let badKey = try await beacon([
            "destinations", "create", "--workspace", "shop", "--name", "mc", "--type", "mailchimp", "--api-key", "nodatacentre!",
            "--list-id", "a1",
        ])
        #expect(badKey.status != 0 && badKey.stderr.contains("apiKey: a Mailchimp API key ends"), "\(badKey.stderr)")
        let badSetting = try await beacon([
            "destinations", "create", "--workspace", "shop", "--name", "mc", "--type", "mailchimp", "--api-key", "k-us6",
            "--list-id", "a1", "--setting", "colour=red",
        ])
        #expect(badSetting.status != 0 && badSetting.stderr.contains("settings.colour"), "\(badSetting.stderr)")
        #expect(try await beacon(["destinations", "list", "--workspace", "shop"]).stdout.isEmpty)

        let key = "0123456789abcdef0123456789abcdef-us6"
        let created = try await beacon([
            "destinations", "create", "--workspace", "shop", "--name", "mc", "--type", "mailchimp", "--api-key", key, "--list-id", "a1",
        ])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(!created.stdout.contains(key))
        #expect(created.stdout.contains("mailchimp list a1 at https://us6.api.mailchimp.com"), "\(created.stdout)")
        let id = try #require(
            created.stdout.split(separator: "\n").first { $0.hasPrefix("destination: ") }.map { String($0.dropFirst(13)) })
        let listed = try await beacon(["destinations", "list", "--workspace", "shop"])
        #expect(listed.stdout.contains("\(id)\tmc\tactive\thttps://us6.api.mailchimp.com"), "\(listed.stdout)")

        let schedule = try await beacon([
            "activations", "create", "--workspace", "shop", "--destination", id, "--segment", "vip-customers", "--every-hours", "6",
        ])
        #expect(schedule.status == 0, "\(schedule.stderr)")
        let aid = String(schedule.stdout.dropFirst("activation: ".count)).trimmingCharacters(in: .whitespacesAndNewlines)
        let activations = try await beacon(["activations", "list", "--workspace", "shop"])
        #expect(activations.stdout.contains("\(aid)\t\(id)\tsegment vip-customers\tevery 6 h"), "\(activations.stdout)")
        let sync = try await beacon(["activations", "sync", "--workspace", "shop", aid])
        #expect(sync.stdout == "added 0\tupdated 0\tremoved 0\tunchanged 0\twaiting 0\n", "\(sync.stdout) \(sync.stderr)")
        let tooOften = try await beacon([
            "activations", "create", "--workspace", "shop", "--destination", id, "--segment", "vip-customers", "--every-hours", "0.1",
        ])
        #expect(tooOften.status != 0 && tooOften.stderr.contains("everyHours"), "\(tooOften.stderr)")
    }
}
