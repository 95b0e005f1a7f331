import BeaconTestSupport
import Foundation
import Testing

/// `beacon sentiment` run as a process, as a user runs it.
@Suite("CLI: beacon sentiment")
struct SentimentCommandTests {
    static func run(_ arguments: [String], input: String? = nil) async throws -> (status: Int32, out: String, err: String) {
        let run = try await runProcess(
            try #require(DurabilityTests.binary).path, ["sentiment"] + arguments, input: Data((input ?? "").utf8))
        return (run.status, run.stdout, run.stderr)
    }

    @Test(
        "Rows from standard input gain neg,neu,pos,compound",
        .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func csvFromStdin() async throws {
        let result = try await Self.run(["--input", "-", "--text-column", "text"], input: "id,text\n1,Not bad at all\n")
        #expect(result.status == 0)
        // vaderSentiment 3.3.2's README: "Not bad at all" → neg 0, neu 0.513, pos 0.487, compound 0.431.
        #expect(result.out == "id,text,neg,neu,pos,compound\n1,Not bad at all,0.0,0.513,0.487,0.431\n")
    }

    @Test(
        "A file that is not UTF-8 or lacks the column fails naming file, line and column",
        .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func badInput() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sentiment-\(UUID().uuidString).csv")
        var bytes = Array("id,text\n1,caf".utf8)
        bytes.append(0xE9)
        bytes += Array("\n".utf8)
        try Data(bytes).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let latin1 = try await Self.run(["--input", path.path, "--text-column", "text"])
        #expect(latin1.status != 0)
        #expect(latin1.err.contains("\(path.path), line 2, column 6 (field 'text'): not UTF-8 (byte 0xE9)"))
        #expect(latin1.out.isEmpty)

        let missing = try await Self.run(["--input", "-", "--text-column", "review"], input: "id,text\n1,ok\n")
        #expect(missing.status != 0)
        #expect(
            missing.err.contains("standard input, line 1: --text-column 'review' not found; the header has: id, text"))
    }
}
