import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// The ClickHouse server the tests use, from the variable `.ci/run` exports.
enum ClickHouseTestServer {
    static var url: URL? { ProcessInfo.processInfo.environment["BEACON_TEST_CLICKHOUSE_URL"].flatMap(URL.init(string:)) }
}

/// The ClickHouse sink and analytics queries against a real ClickHouse server (Debian's
/// `clickhouse-server` 18.16, started by `.ci/run` on loopback and found through
/// `BEACON_TEST_CLICKHOUSE_URL`): the same events loaded into ClickHouse and stored in SQLite
/// (and PostgreSQL) give the same span, revenue by day and spend by day.
@Suite(
    "ClickHouse sink and analytics parity", .serialized,
    .enabled(
        if: ClickHouseTestServer.url != nil,
        "BEACON_TEST_CLICKHOUSE_URL is not set: start ClickHouse with bench/clickhouse/start_clickhouse.py (as .ci/run does)"
    ))
struct ClickHouseParityTests {
    static var url: URL? { ClickHouseTestServer.url }

    /// A shop's events over ~40 days: views, orders (some without revenue), refunds, ad spend on
    /// three channels, identifies, sign-ups; names and amounts vary so sums are not trivial.
    static func events() -> [Event] {
        var out: [Event] = []
        for i in 0..<4_000 {
            let t = Date(timeIntervalSince1970: 1_717_200_000 + Double(i) * 877.3)
            let user = "u\(i % 113)"
            switch i % 9 {
            case 0, 4:
                out.append(
                    Event(
                        messageId: "o\(i)", type: .track, userId: user, event: "Order Completed", timestamp: t,
                        receivedAt: t,
                        properties: .object([
                            "order_id": .string("ord-\(i)"), "revenue": .number(Double(i % 97) * 1.37 + 0.01),
                            "currency": .string("EUR"),
                        ])))
            case 1:
                out.append(
                    Event(
                        messageId: "r\(i)", type: .track, userId: user, event: "Order Refunded", timestamp: t,
                        receivedAt: t, properties: .object(["order_id": .string("ord-\(i - 1)"), "revenue": .number(-3.5)])))
            case 2:
                out.append(
                    Event(
                        messageId: "s\(i)", type: .track, anonymousId: "ads", event: "Ad Spend", timestamp: t,
                        receivedAt: t,
                        properties: .object([
                            "channel": .string(["search", "social", "display"][i % 3]), "spend": .number(Double(i % 41) + 0.5),
                        ])))
            case 3:
                out.append(
                    Event(
                        messageId: "i\(i)", type: .identify, userId: user, timestamp: t, receivedAt: t,
                        traits: .object(["email": .string("\(user)@example.org")])))
            case 5:
                out.append(
                    Event(
                        messageId: "sub\(i)", type: .track, userId: user,
                        event: i % 18 == 5 ? "Subscription Started" : "Signed Up", timestamp: t,
                        receivedAt: t, properties: .object(["value": .number(9.99)])))
            default:
                out.append(
                    Event(
                        messageId: "p\(i)", type: .page, anonymousId: "a\(i % 71)", name: "Home", timestamp: t, receivedAt: t,
                        context: .object(["campaign": .object(["source": .string("news"), "medium": .string("email")])])))
            }
        }
        return out
    }

    @Test("span, revenue, spend and activity by day equal the SQL store's on the same events", arguments: PrivacyBackend.available)
    func parity(backend: PrivacyBackend) async throws {
        // setup: the events in the store, then loaded into ClickHouse in batches of 1,000
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-ch-\(UUID().uuidString)")
        let runtime = try await backend.runtime(dataDirectory: dir)
        let ws = try await runtime.stores.workspaces.createWorkspace(name: "ch-\(UUID().uuidString.prefix(8).lowercased())")
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: Self.events())])
        let client = ClickHouseClient(url: try #require(Self.url))
        let table = "beacon_events_test_\(UUID().uuidString.prefix(8).lowercased())"
        let sink = ClickHouseSink(
            client: client, table: table, events: runtime.stores.events, cursors: runtime.stores.sinkCursors,
            batchSize: 1_000)
        try await sink.prepare()
        // MUT
        let loaded = try await sink.load(workspaceId: ws.id)
        #expect(loaded.events == 4_000 && loaded.batches == 4)
        // a batch loaded again (a sink killed after its insert) must not count twice
        let again = try await runtime.stores.events.events(in: ws.id, after: nil, limit: 1_000)
        try await client.insert(
            into: table, ndjson: Array(again.map { ClickHouseEventTable.row($0).serialized() + "\n" }.joined().utf8))
        // validate: ClickHouse answers equal the SQL store's
        let clickhouse = ClickHouseAnalyticsQueries(client: client, table: table)
        let sql = runtime.stores.analytics
        #expect(try await clickhouse.span(in: ws.id) == (try await sql.span(in: ws.id)))
        let from = Date(timeIntervalSince1970: 1_717_200_000 + 86_400 * 3.5)
        let to = Date(timeIntervalSince1970: 1_717_200_000 + 86_400 * 31)
        for (f, t) in [(nil, nil), (from, to)] as [(Date?, Date?)] {
            for names in [["Order Completed"], ["Order Completed", "Order Refunded", "Subscription Started"]] {
                let a = try await clickhouse.revenueByDay(in: ws.id, conversionEvents: Set(names), from: f, to: t)
                let b = try await sql.revenueByDay(in: ws.id, conversionEvents: Set(names), from: f, to: t)
                #expect(!b.isEmpty)
                #expect(a.map(\.day) == b.map(\.day))
                for (x, y) in zip(a, b) { #expect(abs(x.revenue - y.revenue) <= 1e-9 * max(1, abs(y.revenue))) }
            }
            let a = try await clickhouse.spendByDay(in: ws.id, from: f, to: t)
            let b = try await sql.spendByDay(in: ws.id, from: f, to: t)
            #expect(!b.isEmpty)
            #expect(a.map(\.day) == b.map(\.day) && a.map(\.channel) == b.map(\.channel))
            for (x, y) in zip(a, b) { #expect(abs(x.amount - y.amount) <= 1e-9 * max(1, abs(y.amount))) }
            let c = try await clickhouse.activityByDay(in: ws.id, from: f, to: t)
            let d = try await sql.activityByDay(in: ws.id, from: f, to: t)
            #expect(!d.isEmpty && d.contains { $0.orders > 0 })
            #expect(c.map(\.day) == d.map(\.day) && c.map(\.events) == d.map(\.events))
            #expect(c.map(\.orders) == d.map(\.orders) && c.map(\.signUps) == d.map(\.signUps))
            for (x, y) in zip(c, d) { #expect(abs(x.revenue - y.revenue) <= 1e-9 * max(1, abs(y.revenue))) }
        }
        // an unknown workspace has no span
        #expect(try await clickhouse.span(in: "ws_none") == EventSpan(first: nil, last: nil, events: 0))
        try await client.execute("DROP TABLE \(table)")
        try await runtime.close()
    }

    @Test("a refused statement reports ClickHouse's own message")
    func refused() async throws {
        let client = ClickHouseClient(url: try #require(Self.url))
        do {
            _ = try await client.rows("SELECT * FROM beacon_no_such_table")
            Issue.record("a query of a missing table succeeded")
        } catch let e as ClickHouseError {
            #expect(e.status >= 400 && e.message.contains("beacon_no_such_table"))
        }
    }
}
