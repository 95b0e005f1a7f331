import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@Suite("CLI: --version")
struct VersionCommandTests {
    @Test("beacon --version prints the release and exits 0",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func version() async throws {
        let run = try await runProcess(try #require(DurabilityTests.binary).path, ["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == BeaconRelease.version)
        #expect(BeaconRelease.version.split(separator: ".").count == 3)
    }
}
