import BeaconCore
import Foundation
import Testing

/// `beacon anomalies`: the unusual days and, after them, the data checks of the period.
@Suite("CLI: anomalies and data checks")
struct AnomaliesCommandTests {
    /// 20 days (2025-03-01…20) each with a visit from Google or Facebook and a 50 order by a known
    /// user, 10 of ad spend a day; an order of 25 on 03-15 from an anonymous visitor never
    /// identified; on 03-21 spend of 70 and no order.
    static func events() -> String {
        var lines: [String] = []
        func add(_ object: [String: JSONValue]) { lines.append(JSONValue.object(object).serialized()) }
        for d in 1...21 {
            let day = String(format: "2025-03-%02d", d)
            add([
                "messageId": .string("s\(d)"), "type": .string("track"), "anonymousId": .string("ad-platform:google_ads"),
                "event": .string("Ad Spend"), "timestamp": .string("\(day)T00:00:00Z"),
                "properties": .object([
                    "channel": .string("google_ads"), "spend": .number(d == 21 ? 70 : 10), "date": .string(day),
                ]),
            ])
            guard d <= 20 else { continue }
            add([
                "messageId": .string("v\(d)"), "type": .string("page"), "userId": .string("u\(d)"), "name": .string("Home"),
                "timestamp": .string("\(day)T10:00:00Z"),
                "context": .object(["campaign": .object(["source": .string(d % 2 == 0 ? "google" : "facebook"), "medium": .string("cpc")])]),
            ])
            add([
                "messageId": .string("o\(d)"), "type": .string("track"), "userId": .string("u\(d)"),
                "event": .string("Order Completed"), "timestamp": .string("\(day)T10:05:00Z"),
                "properties": .object(["order_id": .string("o\(d)"), "revenue": .number(50)]),
            ])
        }
        add([
            "messageId": .string("oA"), "type": .string("track"), "anonymousId": .string("anon-9"),
            "event": .string("Order Completed"), "timestamp": .string("2025-03-15T12:00:00Z"),
            "properties": .object(["order_id": .string("oA"), "revenue": .number(25)]),
        ])
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("The checks of the last 10 days to 2025-03-21: one day of spend without revenue (70), one anonymous order (25), every attribution model adds up",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func checks() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-anomalies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let data = dir.appendingPathComponent("data").path, file = dir.appendingPathComponent("events.jsonl").path
        try Self.events().write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try await UserCommandTests.beacon(
            ["import", "events", file, "--workspace", "shop", "--create-workspace"], dataDir: data)
        #expect(imported.status == 0, "\(imported.output)")

        let text = try await UserCommandTests.beacon(
            ["anomalies", "--workspace", "shop", "--as-of", "2025-03-21", "--days", "10"], dataDir: data)
        #expect(text.status == 0, "\(text.output)")
        let lines = text.output.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex(of: "check\tresult\tcount\tamount\texamples"), "\(text.output)")
        #expect(Array(lines[(header + 1)...]) == [
            "spend_without_revenue\tfound\t1\t70.00\t2025-03-21",
            "credits_vs_conversions\tpassed\t0\t0.00\t",
            "orders_without_identity\tfound\t1\t25.00\toA",
        ], "\(text.output)")

        let json = try await UserCommandTests.beacon(
            ["anomalies", "--workspace", "shop", "--as-of", "2025-03-21", "--days", "10", "--format", "json"], dataDir: data)
        let line = try #require(json.output.split(separator: "\n").last { $0.hasPrefix("{") }, "\(json.output)")
        guard case .object(let o) = try JSONValue.parse(Data(line.utf8)), case .array(let checks)? = o["checks"],
            case .array? = o["series"]
        else {
            Issue.record("not an object with series and checks: \(line)")
            return
        }
        #expect(checks.count == 3)
        #expect(checks.first?["result"] == .string("found") && checks.first?["amount"] == .number(70))

        // Before the spend day (the 6 days to 03-20): no spend without revenue, the order of 03-15 still found.
        let earlier = try await UserCommandTests.beacon(
            ["anomalies", "--workspace", "shop", "--as-of", "2025-03-20", "--days", "6"], dataDir: data)
        #expect(earlier.output.contains("spend_without_revenue\tpassed\t0"), "\(earlier.output)")
        #expect(earlier.output.contains("orders_without_identity\tfound\t1\t25.00\toA"), "\(earlier.output)")

        let bad = try await UserCommandTests.beacon(["anomalies", "--workspace", "shop", "--days", "0"], dataDir: data)
        #expect(bad.status != 0 && bad.output.contains("--days"), "\(bad.output)")
    }
}
