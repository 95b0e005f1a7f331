import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@Suite("CLI: --version")
struct VersionCommandTests {
    @Test("beacon --version prints the release and exits 0",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func version() throws {
        let p = Process()
        p.executableURL = try #require(DurabilityTests.binary)
        p.arguments = ["--version"]
        let out = Pipe()
        p.standardOutput = out
        try p.runSerialized()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == BeaconRelease.version)
        #expect(BeaconRelease.version.split(separator: ".").count == 3)
    }
}
