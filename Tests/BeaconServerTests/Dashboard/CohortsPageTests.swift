import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconServer

@Suite("Cohorts and paths pages")
struct CohortsPageTests {
    /// A seeded shop: 60 customers whose first orders fall in January–June 2025, repeat orders
    /// in later months, and refunds of some orders; one person with only a refund.
    static func shop() -> (events: [Event], lines: [(customer: String, key: String, time: String, revenue: Double)]) {
        var rng = Xoshiro256StarStar(seed: 21)
        var events: [Event] = []
        var lines: [(customer: String, key: String, time: String, revenue: Double)] = []
        let start = Timestamp.parse("2025-01-01T00:00:00Z")!
        func iso(_ t: Date) -> String {
            let f = ISO8601DateFormatter()
            f.timeZone = TimeZone(identifier: "UTC")
            return f.string(from: t)
        }
        var n = 0
        for c in 0..<60 {
            var day = rng.nextInt(below: 181)
            while day < 273 {
                n += 1
                let t = start.addingTimeInterval(Double(day) * 86_400 + Double(rng.nextInt(below: 80_000)))
                let amount = Double(10 + rng.nextInt(below: 90)) + 0.25
                events.append(
                    testEvent(
                        "o\(n)", user: "c\(c)", event: "Order Completed", at: iso(t),
                        properties: ["order_id": .string("o\(n)"), "revenue": .number(amount)]))
                lines.append(("c\(c)", "o:o\(n)", iso(t), amount))
                if rng.nextInt(below: 6) == 0 {
                    let r = t.addingTimeInterval(Double(1 + rng.nextInt(below: 40)) * 86_400)
                    events.append(
                        testEvent(
                            "r\(n)", user: "c\(c)", event: "Order Refunded", at: iso(r),
                            properties: ["order_id": .string("o\(n)"), "revenue": .number(amount / 2)]))
                    lines.append(("c\(c)", "r:o\(n)", iso(r), -amount / 2))
                }
                day += 15 + rng.nextInt(below: 90)
            }
        }
        events.append(
            testEvent(
                "lone", user: "nobody", event: "Order Refunded", at: "2025-03-03T10:00:00Z",
                properties: ["order_id": "x", "revenue": 5]))
        lines.append(("nobody", "r:x", "2025-03-03T10:00:00Z", -5))
        return (events, lines)
    }

    /// Retention and revenue per cohort by pandas: orders are (customer, order key) groups, a
    /// purchase is one with a positive net, the cohort is the month of the first purchase, and
    /// revenue lines count in the month they happen (month 0 when earlier).
    static let pandasScript = """
        import json, sys
        import pandas as pd
        df = pd.read_csv(sys.argv[1], dtype={"customer": str, "key": str})
        df["t"] = pd.to_datetime(df["time"], utc=True)
        df = df[df["t"] <= pd.Timestamp(sys.argv[2] + "T23:59:59Z")]
        df["m"] = df["t"].dt.year * 12 + df["t"].dt.month - 1
        orders = df.groupby(["customer", "key"]).agg(net=("revenue", "sum"), m=("m", "min")).reset_index()
        purchases = orders[orders["net"] > 0]
        first = purchases.groupby("customer")["m"].min().rename("cohort").reset_index()
        last = int(df["m"].max())
        act = purchases.merge(first, on="customer")
        act["k"] = act["m"] - act["cohort"]
        active = act.groupby(["cohort", "k"])["customer"].nunique()
        rev = df.merge(first, on="customer")
        rev["k"] = (rev["m"] - rev["cohort"]).clip(lower=0)
        revenue = rev.groupby(["cohort", "k"])["revenue"].sum()
        out = []
        for c, size in first.groupby("cohort")["customer"].nunique().sort_index().items():
            n = last - int(c) + 1
            out.append({"cohort": "%04d-%02d" % (c // 12, c % 12 + 1), "customers": int(size),
                        "active": [int(active.get((c, k), 0)) for k in range(n)],
                        "revenue": [float(revenue.get((c, k), 0.0)) for k in range(n)]})
        print(json.dumps({"cohorts": out, "without": int(df["customer"].nunique() - len(first))}))
        """

    static var python: String? { ProcessInfo.processInfo.environment["BEACON_PYTHON"] }

    @Test(
        "The cohorts API and page equal pandas' retention and revenue per first-order month, as of a date",
        .enabled(if: python != nil, "set BEACON_PYTHON to a Python with pandas (.ci/run does)"))
    func cohortsMatchPandas() async throws {
        let server = try await DashboardTestServer.make()
        let (events, lines) = Self.shop()
        try await server.append(events)
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("cohorts-\(UUID().uuidString).csv")
        try (["customer,key,time,revenue"] + lines.map { "\($0.customer),\($0.key),\($0.time),\($0.revenue)" })
            .joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: csv) }
        let asOf = "2025-08-31"
        let run = try await runProcess(Self.python!, ["-c", Self.pandasScript, csv.path, asOf])
        try #require(run.status == 0, "\(run.stderr)")
        let peer = try #require(try JSONValue.parse(Data(run.stdout.utf8)).objectValue)
        let expected = try #require(peer["cohorts"]?.arrayValue)
        try await server.test { client in
            let api = try await get(client, "/dashboard/api/cohorts?ws=demo&as_of=\(asOf)")
            #expect(api.status == .ok)
            let body = try #require(try JSONValue.parse(Data(api.body.utf8)).objectValue)
            #expect(body["asOf"] == .string(asOf))
            #expect(body["customersWithoutPurchase"]?.doubleValue == peer["without"]?.doubleValue)
            let cohorts = try #require(body["cohorts"]?.arrayValue)
            #expect(cohorts.count == expected.count && cohorts.count == 6)
            for (got, want) in zip(cohorts, expected) {
                #expect(got["cohort"] == want["cohort"])
                #expect(got["customers"]?.doubleValue == want["customers"]?.doubleValue)
                let active = got["active"]?.arrayValue?.compactMap(\.doubleValue) ?? []
                #expect(active == (want["active"]?.arrayValue?.compactMap(\.doubleValue) ?? []), "\(got["cohort"]!)")
                let revenue = got["revenue"]?.arrayValue?.compactMap(\.doubleValue) ?? []
                let wantRevenue = want["revenue"]?.arrayValue?.compactMap(\.doubleValue) ?? []
                #expect(revenue.count == wantRevenue.count)
                for (a, b) in zip(revenue, wantRevenue) { #expect(abs(a - b) < 1e-9, "\(got["cohort"]!)") }
                let size = got["customers"]?.doubleValue ?? 1
                let retention = got["retention"]?.arrayValue?.compactMap(\.doubleValue) ?? []
                #expect(retention == active.map { $0 / size })
            }
            // The page shows the same table: the first cohort's size and its month-1 retention.
            let page = try await get(client, "/dashboard/cohorts?ws=demo&as_of=\(asOf)")
            #expect(page.status == .ok)
            let first = try #require(cohorts.first)
            #expect(page.body.contains("<th scope=\"row\">\(first["cohort"]!.stringValue!)</th>"))
            let m1 = (first["retention"]?.arrayValue?[1].doubleValue)!
            #expect(page.body.contains(">\(String(format: "%.0f%%", m1 * 100))</td>"))
            #expect(page.body.contains("beacon cohorts --workspace demo --as-of \(asOf)"))
            #expect(!page.body.contains("2025-09</th>"), "as_of leaves September out")
            // The CLI's own computation on the same lines (one per order or refund) gives the same table.
            let records = lines.filter { $0.time <= asOf + "T23:59:59Z" }.map {
                OrderRecord(
                    customerID: $0.customer, orderID: $0.key,
                    day: WorkspaceToday.dayNumber(Timestamp.parse($0.time)!), amount: $0.revenue)
            }
            let table = try AcquisitionCohorts(orders: records)
            #expect(
                table.cohorts.map(\.active)
                    == cohorts.map { $0["active"]?.arrayValue?.compactMap(\.doubleValue).map { Int($0) } ?? [] })
            // A bad date is a problem naming it.
            let bad = try await get(client, "/dashboard/api/cohorts?ws=demo&as_of=31-08-2025")
            #expect(bad.status == .badRequest && bad.body.contains("as_of"))
        }
    }

    /// Five journeys (hand-counted in `pathsByHand`).
    static func journeys() -> [Event] {
        func visit(_ id: String, _ user: String, _ at: String, medium: String, source: String) -> Event {
            testEvent(
                id, type: .page, user: user, name: "Home", at: at,
                context: ["campaign": .object(["source": .string(source), "medium": .string(medium)])])
        }
        func order(_ id: String, _ user: String, _ at: String, _ revenue: Double) -> Event {
            testEvent(
                id, user: user, event: "Order Completed", at: at,
                properties: ["order_id": .string(id), "revenue": .number(revenue)])
        }
        return [
            visit("a1", "u1", "2025-05-01T08:00:00Z", medium: "cpc", source: "google"),
            visit("a2", "u1", "2025-05-01T10:00:00Z", medium: "email", source: "newsletter"),
            order("a3", "u1", "2025-05-01T10:01:00Z", 100),
            visit("b1", "u2", "2025-05-02T08:00:00Z", medium: "email", source: "newsletter"),
            order("b2", "u2", "2025-05-02T08:05:00Z", 60),
            visit("c1", "u3", "2025-05-03T08:00:00Z", medium: "cpc", source: "google"),
            order("c2", "u3", "2025-05-03T08:05:00Z", 40),
            visit("d1", "u4", "2025-05-04T08:00:00Z", medium: "cpc", source: "google"),
            visit("d2", "u4", "2025-05-04T10:00:00Z", medium: "email", source: "newsletter"),
            visit("e1", "u5", "2025-05-05T08:00:00Z", medium: "cpc", source: "google"),
            visit("e2", "u5", "2025-05-05T10:00:00Z", medium: "email", source: "newsletter"),
            order("e3", "u5", "2025-05-05T10:01:00Z", 50),
        ]
    }

    @Test("Paths, their Shapley and Markov credit and the Sankey flows equal a hand count")
    func pathsByHand() async throws {
        let server = try await DashboardTestServer.make()
        try await server.append(Self.journeys())
        try await server.test { client in
            let api = try await get(client, "/dashboard/api/paths?ws=demo")
            #expect(api.status == .ok)
            let body = try #require(try JSONValue.parse(Data(api.body.utf8)).objectValue)
            // Journeys: PS→E converts twice (100, 50) and once not; E converts (60); PS converts (40).
            #expect(body["journeys"]?.doubleValue == 5 && body["conversions"]?.doubleValue == 4)
            #expect(body["value"]?.doubleValue == 250)
            let paths = try #require(body["paths"]?.arrayValue)
            #expect(paths.map { $0["label"]?.stringValue ?? "" } == ["Paid Search → Email", "Email", "Paid Search"])
            let top = paths[0]
            #expect(top["journeys"]?.doubleValue == 3 && top["conversions"]?.doubleValue == 2)
            #expect(top["value"]?.doubleValue == 150 && top["nulls"]?.doubleValue == 1)
            // Shapley: 150 split equally.
            let shapley = try #require(top["shapley"]?.arrayValue)
            #expect(shapley.map { $0["value"]?.doubleValue } == [75, 75])
            // Markov: P(conv) = 4/5·(1/4 + 3/4·3/4) + 1/5·3/4 = 0.8; without Paid Search 0.15 (effect
            // 0.8125), without Email 0.2 (effect 0.75); 150 shared 0.8125 : 0.75 → 78 : 72.
            let effects = (body["removalEffects"]?.arrayValue ?? []).compactMap { $0.doubleValue }
            let channels = (body["channels"]?.arrayValue ?? []).compactMap { $0.stringValue }
            let ps = try #require(channels.firstIndex(of: "Paid Search")),
                email = try #require(channels.firstIndex(of: "Email"))
            #expect(abs(effects[ps] - 0.8125) < 1e-9 && abs(effects[email] - 0.75) < 1e-9)
            let markov = try #require(top["markov"]?.arrayValue)
            #expect(markov.map { $0["channel"]?.stringValue } == ["Paid Search", "Email"])
            #expect(abs((markov[0]["value"]?.doubleValue ?? 0) - 78) < 1e-9)
            #expect(abs((markov[1]["value"]?.doubleValue ?? 0) - 72) < 1e-9)
            // Sankey: 4 journeys start at Paid Search, 1 at Email; 3 go Paid Search → Email; 3 Email
            // journeys at step 2 end: 2 conversions, 1 not.
            let flows = try #require(body["flows"]?.arrayValue).map {
                (
                    $0["step"]?.doubleValue ?? -1, $0["from"]?.stringValue ?? "", $0["to"]?.stringValue ?? "",
                    $0["journeys"]?.doubleValue ?? 0
                )
            }
            #expect(flows.contains { $0 == (0, "Paid Search", "Email", 3) })
            #expect(flows.contains { $0 == (0, "Paid Search", "Conversion", 1) })
            #expect(flows.contains { $0 == (0, "Email", "Conversion", 1) })
            #expect(flows.contains { $0 == (1, "Email", "Conversion", 2) })
            #expect(flows.contains { $0 == (1, "Email", "No conversion", 1) })
            #expect(flows.count == 5)
            // Summed over paths, Shapley credit is the Attribution page's Shapley model.
            let touches = try await server.runtime.analytics.touches(of: server.workspace!.id)
            let comparison = try #require(try AttributionComparison.run(on: touches))
            let model = try #require(comparison.credits.first { $0.label == "Shapley" })
            var summed: [String: Double] = [:]
            for p in paths {
                for c in p["shapley"]?.arrayValue ?? [] {
                    summed[c["channel"]!.stringValue!, default: 0] += c["value"]!.doubleValue!
                }
            }
            for (i, channel) in comparison.channels.enumerated() {
                #expect(abs((summed[channel] ?? 0) - model.values[i]) < 1e-9, "\(channel)")
            }
            #expect(summed["Paid Search"] == 115 && summed["Email"] == 135)

            let page = try await get(client, "/dashboard/paths?ws=demo")
            #expect(page.status == .ok)
            #expect(page.body.contains("<th scope=\"row\">Paid Search → Email</th>"))
            #expect(page.body.contains("Paid Search $75 · Email $75"))
            #expect(page.body.contains("Paid Search $78 · Email $72"))
            #expect(page.body.contains("<svg") && page.body.contains("Paid Search → Email: 3 journeys"))
            // Before any order there is nothing to show; a bad limit is a problem naming it.
            let early = try await get(client, "/dashboard/paths?ws=demo&as_of=2025-04-30")
            #expect(early.status == .ok && early.body.contains("No conversions yet"))
            let none = try await get(client, "/dashboard/api/paths?ws=demo&as_of=2025-04-30")
            #expect(none.status == .ok)
            #expect(try JSONValue.parse(Data(none.body.utf8))["journeys"]?.doubleValue == 0)
            let bad = try await get(client, "/dashboard/api/paths?ws=demo&limit=0")
            #expect(bad.status == .badRequest && bad.body.contains("limit"))
        }
    }
}
