import Foundation
import Testing

/// Nothing is created implicitly: only `workspace create` (or `--create-workspace`) makes a
/// workspace, a missing input file creates nothing, and read commands never create a database.
@Suite("CLI: nothing is created implicitly")
struct ImplicitCreationTests {
    static func freshDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("beacon-implicit-\(UUID().uuidString)").path
    }

    static func csv(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("orders-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("A missing import file creates neither a database nor a workspace",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func missingFile() async throws {
        let dir = Self.freshDirectory()
        let run = try await UserCommandTests.beacon(["import", "orders", "/nonexistent/orders.csv", "--workspace", "ghost", "--create-workspace"], dataDir: dir)
        #expect(run.status != 0)
        #expect(run.output.contains("/nonexistent/orders.csv: no such readable file"), "\(run.output)")
        #expect(!run.output.contains("write key"))
        #expect(!FileManager.default.fileExists(atPath: dir), "the data directory was created")
    }

    @Test("A typo in --workspace is refused and starts no second workspace; --create-workspace creates it",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func typoInWorkspace() async throws {
        let dir = Self.freshDirectory()
        #expect(try await UserCommandTests.beacon(["workspace", "create", "shop"], dataDir: dir).status == 0)
        let file = try Self.csv("customer_id,order_id,timestamp,amount\nc1,o1,2024-01-02,10.5\n")
        let typo = try await UserCommandTests.beacon(["import", "orders", file, "--workspace", "shpo"], dataDir: dir)
        #expect(typo.status != 0)
        #expect(typo.output.contains("--workspace: no workspace named 'shpo'"), "\(typo.output)")
        #expect(typo.output.contains("--create-workspace"))
        let listed = try await UserCommandTests.beacon(["workspace", "list"], dataDir: dir)
        #expect(listed.status == 0 && listed.output.contains("shop") && !listed.output.contains("shpo"), "\(listed.output)")

        let into = try await UserCommandTests.beacon(["import", "orders", file, "--workspace", "shop"], dataDir: dir)
        #expect(into.status == 0, "\(into.output)")
        #expect(!into.output.contains("created workspace"))
        let created = try await UserCommandTests.beacon(["import", "orders", file, "--workspace", "outlet", "--create-workspace"], dataDir: dir)
        #expect(created.status == 0, "\(created.output)")
        #expect(created.output.contains("created workspace outlet; write key: bk_"))
        #expect(try await UserCommandTests.beacon(["workspace", "list"], dataDir: dir).output.contains("outlet"))
    }

    @Test("Commands that only read refuse a missing database, say where they looked and create nothing",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func readCommandsCreateNothing() async throws {
        let dir = Self.freshDirectory()
        for arguments in [["workspace", "list"], ["user", "list"], ["token", "create", "--workspace", "shop"], ["segments", "list", "--workspace", "shop"]] {
            let run = try await UserCommandTests.beacon(arguments, dataDir: dir)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.output.contains("--data-dir: no Beacon database at '\(dir)/beacon.sqlite'"), "\(arguments): \(run.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir), "the data directory was created")
    }
}
