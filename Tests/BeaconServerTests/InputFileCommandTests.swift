import BeaconEngine
import BeaconTestSupport
import Foundation
import Testing

/// Every analysis command reads its input the same way: a path, `-` for standard input, and
/// gzip recognised by its magic bytes, all giving the same answer; a truncated gzip is an
/// error naming the file.
@Suite("CLI: inputs are read alike (path, '-', gzip)")
struct InputFileCommandTests {
    /// A small order log: three customers, five orders, one return.
    static let orders = """
        customer,order,date,amount
        c1,o1,2024-01-05,120
        c1,o2,2024-02-11,80
        c2,o3,2024-01-20,40
        c3,o4,2024-03-02,300
        c3,o5,2024-03-20,25
        c3,r1,2024-03-25,-25
        """

    static func run(_ arguments: [String], stdin: [UInt8]? = nil) async throws -> (status: Int32, output: String) {
        let run = try await runProcess(
            try #require(DurabilityTests.binary).path, arguments, input: Data(stdin ?? []))
        return (run.status, run.status == 0 ? run.stdout : run.stderr)
    }

    @Test("rfm, cohorts and clv fit give the same output from a file, its gzip and standard input; a cut gzip is refused",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func sameAnswer() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let plain = dir.appendingPathComponent("orders.csv").path
        let packed = dir.appendingPathComponent("orders.csv.gz").path
        let misnamed = dir.appendingPathComponent("orders-gzip.csv").path
        let cut = dir.appendingPathComponent("cut.csv.gz").path
        let bytes = Array(Self.orders.utf8)
        let gz = try Gzip.compress(bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: plain))
        try Data(gz).write(to: URL(fileURLWithPath: packed))
        try Data(gz).write(to: URL(fileURLWithPath: misnamed))
        try Data(gz.prefix(gz.count - 6)).write(to: URL(fileURLWithPath: cut))
        let map = "customer=customer,order=order,date=date,amount=amount"
        let commands: [[String]] = [
            ["rfm", "--map", map, "--as-of", "2024-04-01", "--input"],
            ["cohorts", "--map", map, "--input"],
            ["clv", "fit", "--model", "bgnbd", "--layout", "transactions", "--as-of", "2024-04-01", "--input"],
        ]
        for command in commands {
            let fromFile = try await Self.run(command + [plain])
            #expect(fromFile.status == 0, "\(command[0]): \(fromFile.output)")
            #expect(!fromFile.output.isEmpty)
            for other in [packed, misnamed] {
                let run = try await Self.run(command + [other])
                #expect(run.status == 0 && run.output == fromFile.output, "\(command[0]) \(other): \(run.output)")
            }
            let piped = try await Self.run(command + ["-"], stdin: gz)
            #expect(piped.status == 0 && piped.output == fromFile.output, "\(command[0]) -: \(piped.output)")
            let broken = try await Self.run(command + [cut])
            #expect(broken.status != 0 && broken.output.contains("truncated or damaged"), "\(command[0]) cut: \(broken.output)")
        }
    }

    @Test("--as-of means one thing everywhere: rfm leaves out later orders, and every command refuses a bad date alike",
          .enabled(if: DurabilityTests.binary != nil, "build the beacon executable first"))
    func asOfIsOneOption() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-asof-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("orders.csv").path
        try Self.orders.write(toFile: plain, atomically: true, encoding: .utf8)
        let map = "customer=customer,order=order,date=date,amount=amount"
        // As of 2024-02-11 only c1 (two orders, the second that day) and c2 have bought; c3 comes later.
        let early = try await Self.run(["rfm", "--map", map, "--as-of", "2024-02-11", "--format", "json", "--input", plain])
        #expect(early.status == 0, "\(early.output)")
        let customers = try #require(
            (try JSONSerialization.jsonObject(with: Data(early.output.utf8)) as? [String: Any])?["customers"] as? [[String: Any]])
        #expect(Set(customers.compactMap { $0["customerId"] as? String }) == ["c1", "c2"])
        let c1 = try #require(customers.first { $0["customerId"] as? String == "c1" })
        #expect(c1["recencyDays"] as? Int == 0 && c1["frequency"] as? Int == 2 && c1["monetary"] as? Double == 200)
        for command in [
            ["rfm", "--map", map, "--input", plain], ["anomalies", "--workspace", "shop"],
            ["segments", "preview", "--workspace", "shop", "{\"a\":{\"eq\":1}}"], ["segments", "recompute", "--workspace", "shop"],
        ] {
            let bad = try await Self.run(command + ["--as-of", "2024-13-01", "--data-dir", dir.path])
            #expect(bad.status != 0 && bad.output.contains("--as-of must be a date YYYY-MM-DD, got '2024-13-01'"),
                    "\(command[0]): \(bad.output)")
        }
    }

    @Test("rfm reads slash dates in the order the column shows, and refuses a column that fits both",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func slashDates() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-dates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let map = "customer=customer,order=order,date=date,amount=amount"
        let ambiguous = dir.appendingPathComponent("ambiguous.csv").path
        try "customer,order,date,amount\nc1,o1,01/02/2024,10\nc2,o2,03/04/2024,20\n".write(
            toFile: ambiguous, atomically: true, encoding: .utf8)
        let refused = try await Self.run(["rfm", "--map", map, "--input", ambiguous])
        #expect(refused.status != 0 && refused.output.contains("column 'date'") && refused.output.contains("--date-order"),
                "\(refused.output)")
        let given = try await Self.run(["rfm", "--map", map, "--date-order", "dmy", "--input", ambiguous])
        #expect(given.status == 0, "\(given.output)")
        let dayFirst = dir.appendingPathComponent("dmy.csv").path
        try "customer,order,date,amount\nc1,o1,01/02/2024,10\nc2,o2,13/02/2024,20\n".write(
            toFile: dayFirst, atomically: true, encoding: .utf8)
        let detected = try await Self.run(["rfm", "--map", map, "--input", dayFirst])
        #expect(detected.status == 0, "\(detected.output)")
    }
}
