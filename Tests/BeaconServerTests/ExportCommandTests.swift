import BeaconCore
import BeaconEngine
import Foundation
import Testing

/// `beacon export`: what leaves a workspace goes back in through the importers unchanged.
@Suite("CLI: export")
struct ExportCommandTests {
    static let orders = """
        customer_id,order_id,timestamp,amount,currency
        c1,o1,2024-01-05T10:00:00Z,120.5,EUR
        c1,o2,2024-02-11T09:30:00Z,80,EUR
        c2,o3,2024-01-20T12:00:00Z,40.25,EUR
        c2,o3,2024-01-20T12:00:00Z,9.75,EUR
        c3,"=HYPERLINK(""x"")",2024-03-02T08:00:00Z,300,EUR
        c1,o2,2024-02-20T15:00:00Z,-30,EUR
        """

    static func rows(_ csv: String) -> [[String]] {
        CSVTable(text: csv).rows.map(\.fields)
    }

    @Test("orders export re-imports to the same orders and revenue; events export replays to the same log; profiles list every profile",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func roundTrip() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let data = dir.appendingPathComponent("data").path
        let source = dir.appendingPathComponent("orders.csv").path
        try Self.orders.write(toFile: source, atomically: true, encoding: .utf8)
        #expect(try await UserCommandTests.beacon(["workspace", "create", "shop"], dataDir: data).status == 0)
        let imported = try await UserCommandTests.beacon(["import", "orders", source, "--workspace", "shop"], dataDir: data)
        #expect(imported.status == 0, "\(imported.output)")

        let ordersOut = dir.appendingPathComponent("orders-out.csv.gz").path
        let export = try await UserCommandTests.beacon(["export", "orders", "--workspace", "shop", "--output", ordersOut], dataDir: data)
        #expect(export.status == 0 && export.output.contains("exported 5 orders rows"), "\(export.output)")
        let exported = String(decoding: try InputFile.read(ordersOut), as: UTF8.self)
        let rows = Self.rows(exported)
        // Four orders (o3's two lines summed to 50) and one refund, in log order; the formula-like id is defused.
        #expect(rows.map { $0[1] } == ["o1", "o2", "o3", "'=HYPERLINK(\"x\")", "o2"])
        #expect(rows.map { $0[3] } == ["120.5", "80", "50", "300", "-30"])
        #expect(rows.allSatisfy { $0[4] == "EUR" })

        let copy = try await UserCommandTests.beacon(
            ["import", "orders", ordersOut, "--workspace", "copy", "--create-workspace"], dataDir: data)
        #expect(copy.status == 0, "\(copy.output)")
        let again = try await UserCommandTests.beacon(["export", "orders", "--workspace", "copy"], dataDir: data)
        #expect(Self.rows(again.output).map { [$0[0], $0[2], $0[3], $0[4]] } == rows.map { [$0[0], $0[2], $0[3], $0[4]] })

        let eventsOut = dir.appendingPathComponent("events.jsonl").path
        #expect(try await UserCommandTests.beacon(["export", "events", "--workspace", "shop", "--output", eventsOut], dataDir: data).status == 0)
        let replay = try await UserCommandTests.beacon(
            ["import", "events", eventsOut, "--workspace", "replay", "--create-workspace"], dataDir: data)
        #expect(replay.status == 0 && replay.output.contains("events stored 5"), "\(replay.output)")
        let replayed = try await UserCommandTests.beacon(["export", "events", "--workspace", "replay"], dataDir: data)
        let original = try String(contentsOfFile: eventsOut, encoding: .utf8)
        func withoutReceipt(_ text: String) throws -> [JSONValue] {
            try text.split(separator: "\n").map { line in
                guard case .object(var o) = try JSONValue.parse(Data(line.utf8)) else { return .null }
                o["receivedAt"] = nil
                return .object(o)
            }
        }
        #expect(try withoutReceipt(replayed.output) == withoutReceipt(original))

        let profiles = try await UserCommandTests.beacon(["export", "profiles", "--workspace", "shop"], dataDir: data)
        #expect(profiles.status == 0, "\(profiles.output)")
        let table = CSVTable(text: profiles.output)
        let user = try #require(table.column("user_id")), value = try #require(table.column("lifetime_value"))
        var byUser: [String: String] = [:]
        for row in table.rows { byUser[row.fields[user]] = row.fields[value] }
        #expect(byUser == ["c1": "170.5", "c2": "50", "c3": "300"])
    }
}
