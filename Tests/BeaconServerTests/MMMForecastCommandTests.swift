import BeaconTestSupport
import Foundation
import Testing

/// `beacon mmm forecast` and `beacon mmm fit --lift-tests` run as processes, as a user runs them.
@Suite("CLI: beacon mmm forecast and lift tests")
struct MMMForecastCommandTests {
    static func run(_ arguments: [String]) async throws -> (status: Int32, out: String, err: String) {
        let run = try await runProcess(try #require(DurabilityTests.binary).path, ["mmm"] + arguments)
        return (run.status, run.stdout, run.stderr)
    }

    static func generated() async throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-forecast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let csv = dir.appendingPathComponent("constant.csv")
        let made = try await run(["generate", "--family", "constant", "--days", "300", "--seed", "2", "--output", csv.path])
        #expect(made.status == 0, "\(made.err)")
        return csv
    }

    static let quick = ["--population", "6", "--generations", "3", "--bootstrap", "20"]

    @Test(
        "A forecast as of a date starts the next day, one CSV row per period; a bad horizon names --horizon",
        .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func forecastAsOf() async throws {
        let csv = try await Self.generated()
        defer { try? FileManager.default.removeItem(at: csv.deletingLastPathComponent()) }
        let out = csv.deletingLastPathComponent().appendingPathComponent("forecast.csv")
        // The constant family starts on 2021-01-01: as of 2021-09-30 is its first 273 days.
        let result = try await Self.run(
            ["forecast", "--input", csv.path, "--channels", "google_ads,meta_ads,tiktok", "--as-of", "2021-09-30",
             "--horizon", "7", "--origins", "1", "--samples", "100", "--spend", "tiktok=0", "--format", "csv",
             "--output", out.path] + Self.quick)
        #expect(result.status == 0, "\(result.err)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "date,revenue,lower,upper,baseline,media,cumulative,cumulative_lower,cumulative_upper")
        #expect(lines.count == 8)
        #expect(lines.dropFirst().first?.hasPrefix("2021-10-01,") == true)
        #expect(lines.last?.hasPrefix("2021-10-07,") == true)

        let text = try await Self.run(
            ["forecast", "--input", csv.path, "--channels", "google_ads,meta_ads,tiktok", "--horizon", "5",
             "--origins", "2", "--samples", "100"] + Self.quick)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("forecast of 5 days from 2021-10-28"))
        #expect(text.out.contains("backtest: 2 rolling origins"))

        let bad = try await Self.run(["forecast", "--input", csv.path, "--channels", "google_ads", "--horizon", "0"])
        #expect(bad.status != 0)
        #expect(bad.err.contains("--horizon must be at least 1"))
        let unknown = try await Self.run(
            ["forecast", "--input", csv.path, "--channels", "google_ads,meta_ads,tiktok", "--spend", "snapchat=5",
             "--origins", "0", "--samples", "100"] + Self.quick)
        #expect(unknown.status != 0)
        #expect(unknown.err.contains("--spend: unknown channel 'snapchat'"))
    }

    @Test(
        "A lift-test file with a bad row fails naming the file, line and column",
        .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func liftTestErrors() async throws {
        let csv = try await Self.generated()
        defer { try? FileManager.default.removeItem(at: csv.deletingLastPathComponent()) }
        let tests = csv.deletingLastPathComponent().appendingPathComponent("lift.csv")
        try "channel,start,end,lift,standard_error\nmeta_ads,2021-03-01,2021-03-28,90000,9000\nsnapchat,2021-03-01,2021-03-28,1,1\n"
            .write(to: tests, atomically: true, encoding: .utf8)
        let fit = ["fit", "--input", csv.path, "--channels", "google_ads,meta_ads,tiktok", "--lift-tests", tests.path]
        let unknown = try await Self.run(fit + Self.quick)
        #expect(unknown.status != 0)
        #expect(unknown.err.contains("--lift-tests \(tests.path), line 3, column 'channel': no channel 'snapchat'"), "\(unknown.err)")
        try "channel,start,end,lift,standard_error\nmeta_ads,2021-03-01,2021-03-28,lots,9000\n"
            .write(to: tests, atomically: true, encoding: .utf8)
        let notNumber = try await Self.run(fit + Self.quick)
        #expect(notNumber.status != 0)
        #expect(notNumber.err.contains("line 2") && notNumber.err.contains("lift"), "\(notNumber.err)")
        try "channel,start,end,lift,standard_error\nmeta_ads,2021-03-01,2021-03-28,90000,9000\n"
            .write(to: tests, atomically: true, encoding: .utf8)
        let ok = try await Self.run(fit + Self.quick)
        #expect(ok.status == 0, "\(ok.err)")
        #expect(ok.out.contains("lift test meta_ads 2021-03-01…2021-03-28: measured 90000 ± 9000"))
    }
}
