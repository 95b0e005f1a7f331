import BeaconTestSupport
import Foundation
import Testing

/// `beacon sentiment` run as a process, as a user runs it.
@Suite("CLI: beacon sentiment")
struct SentimentCommandTests {
    static func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = try #require(DurabilityTests.binary)
        p.arguments = ["sentiment"] + arguments
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin
        try p.runSerialized()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, o, e)
    }

    @Test(
        "Rows from standard input gain neg,neu,pos,compound",
        .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func csvFromStdin() throws {
        let result = try Self.run(["--input", "-", "--text-column", "text"], input: "id,text\n1,Not bad at all\n")
        #expect(result.status == 0)
        // vaderSentiment 3.3.2's README: "Not bad at all" → neg 0, neu 0.513, pos 0.487, compound 0.431.
        #expect(result.out == "id,text,neg,neu,pos,compound\n1,Not bad at all,0.0,0.513,0.487,0.431\n")
    }

    @Test(
        "A file that is not UTF-8 or lacks the column fails naming file, line and column",
        .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func badInput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sentiment-\(UUID().uuidString).csv")
        var bytes = Array("id,text\n1,caf".utf8)
        bytes.append(0xE9)
        bytes += Array("\n".utf8)
        try Data(bytes).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let latin1 = try Self.run(["--input", path.path, "--text-column", "text"])
        #expect(latin1.status != 0)
        #expect(latin1.err.contains("\(path.path), line 2, column 6 (field 'text'): not UTF-8 (byte 0xE9)"))
        #expect(latin1.out.isEmpty)

        let missing = try Self.run(["--input", "-", "--text-column", "review"], input: "id,text\n1,ok\n")
        #expect(missing.status != 0)
        #expect(
            missing.err.contains("standard input, line 1: --text-column 'review' not found; the header has: id, text"))
    }
}
