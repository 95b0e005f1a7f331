import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// Every dashboard table downloads as CSV from its page's own route (`?format=csv&table=<id>`)
/// with the numbers the page shows, and `beacon export tables` writes the same bytes.
@Suite("Dashboard tables as CSV")
struct DashboardTableDownloadTests {
    /// The pages with tables and the ids each has on the demo data, with the HTML element each
    /// table is shown in (nil: shown as cards).
    static let pages: [(path: String, tables: [(id: String, element: String?)])] = [
        ("/dashboard", [("kpis", nil)]),
        ("/dashboard/attribution", [("credit", "table-credit"), ("removal_effects", "table-removal_effects")]),
        ("/dashboard/paths", [("paths", "paths-table")]), ("/dashboard/customers", [("health", "table-health")]),
        ("/dashboard/cohorts", [("retention", "retention-table"), ("revenue", "revenue-table")]),
        ("/dashboard/segments", [("segments", nil)]),
        ("/dashboard/personas", [("segments", "table-segments"), ("personas", nil)]),
    ]

    /// A page's path for its `beacon export tables` name.
    static func path(of page: String) -> String { page == "overview" ? "/dashboard" : "/dashboard/" + page }

    /// A download: status, headers, the text and the parsed records (header first).
    static func download(_ client: some TestClientProtocol, _ uri: String) async throws -> (
        status: HTTPResponse.Status, headers: HTTPFields, text: String, csv: CSVTable
    ) {
        let r = try await get(client, uri)
        return (r.status, r.headers, r.body, CSVTable(text: r.body))
    }

    /// Hand-made orders (the overview tests count on them too): as of 03-30 revenue is 300 against 200 before.
    static func handOrders(_ server: DashboardTestServer) async throws {
        let google: [String: JSONValue] = [
            "campaign": .object(["source": .string("google"), "medium": .string("cpc"), "name": .string("brand")])
        ]
        try await server.append([
            testEvent(
                "a", user: "u1", event: "Order Completed", at: "2024-12-01T12:00:00Z",
                properties: ["revenue": .number(50)]),
            testEvent(
                "b", user: "u3", event: "Order Completed", at: "2025-02-15T12:00:00Z",
                properties: ["revenue": .number(200)]),
            testEvent(
                "c", user: "u2", event: "Order Completed", at: "2025-03-20T12:00:00Z",
                properties: ["revenue": .number(200)]),
            testEvent("d0", type: .page, user: "u1", name: "Home", at: "2025-03-30T11:00:00Z", context: google),
            testEvent(
                "d", user: "u1", event: "Order Completed", at: "2025-03-30T12:00:00Z",
                properties: ["revenue": .number(100)]),
        ])
    }

    @Test("Overview KPIs: hand-computed values, the cards' own numbers, the file name and the page's period")
    func overviewKPIs() async throws {
        let server = try await DashboardTestServer.make()
        try await Self.handOrders(server)
        try await server.test { client in
            let html = try await get(client, "/dashboard?ws=demo").body
            #expect(
                html.contains("href=\"/dashboard?ws=demo&amp;format=csv&amp;table=kpis\" download>Download CSV</a>"))
            let r = try await Self.download(client, "/dashboard?ws=demo&format=csv&table=kpis")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(r.headers[.contentDisposition] == "attachment; filename=\"demo-overview-kpis-2025-03-30.csv\"")
            #expect(r.text.hasSuffix("\r\n"))
            #expect(r.csv.header == ["section", "metric", "value", "previous 30 days", "unit"])
            func row(_ section: String, _ metric: String) -> [String]? {
                r.csv.rows.first { $0.fields[0] == section && $0.fields[1] == metric }.map { Array($0.fields[2...]) }
            }
            // (02-28, 03-30]: u2 200 + u1 100; (01-29, 02-28]: u3 200. Customers 3 then 2; all active now, u1 and u3 then.
            #expect(row("Customers and revenue", "Revenue") == ["300", "200", "USD"])
            #expect(row("Customers and revenue", "Orders") == ["2", "1", "count"])
            #expect(row("Customers and revenue", "Customers") == ["3", "2", "count"])
            #expect(row("Customers and revenue", "Active customers") == ["3", "2", "count"])
            // Every card on the page, in page order, is a row with the number the card shows.
            let cards = DashboardHTMLTable.cards(in: html)
            #expect(cards.map(\.label) == r.csv.rows.map { $0.fields[1] })
            for (card, record) in zip(cards, r.csv.rows) {
                let shown = DashboardHTMLTable.number(card.value), written = Double(record.fields[2])
                #expect((shown == nil) == (written == nil), "\(card.label): \(card.value) vs \(record.fields[2])")
                if let shown, let written {
                    #expect(
                        abs(shown - written) <= DashboardHTMLTable.tolerance(card.value),
                        "\(card.label): \(card.value) vs \(record.fields[2])")
                }
            }

            // The link keeps the page's date, and the file is computed for it:
            // (01-30, 03-01] holds u3's 200, (12-31, 01-30] nothing.
            let earlier = try await get(client, "/dashboard?ws=demo&as_of=2025-03-01").body
            #expect(earlier.contains("href=\"/dashboard?ws=demo&amp;as_of=2025-03-01&amp;format=csv&amp;table=kpis\""))
            let march = try await Self.download(client, "/dashboard?ws=demo&as_of=2025-03-01&format=csv&table=kpis")
            #expect(march.headers[.contentDisposition] == "attachment; filename=\"demo-overview-kpis-2025-03-01.csv\"")
            #expect(
                march.csv.rows.first { $0.fields[1] == "Revenue" }.map { Array($0.fields[2...]) } == [
                    "200", "0", "USD",
                ])
        }
    }

    @Test("Attribution, paths, cohorts and personas: every table's CSV has the page's rows, numbers and currency")
    func tablesMatchPages() async throws {
        let server = try await DashboardTestServer.make(demoCustomers: 300)
        try await server.test { client in
            for (path, tables) in Self.pages.dropFirst() {
                let html = try await get(client, path + "?ws=demo").body
                for (id, element) in tables {
                    #expect(
                        html.contains("href=\"\(path)?ws=demo&amp;format=csv&amp;table=\(id)\" download>"),
                        "\(path) \(id)")
                    guard let element else { continue }
                    let page = try #require(DashboardHTMLTable(elementId: element, in: html), "\(path) shows \(id)")
                    let r = try await Self.download(client, "\(path)?ws=demo&format=csv&table=\(id)")
                    #expect(r.status == .ok, "\(path) \(id)")
                    // Headers are the page's, a money column's with the currency code.
                    #expect(r.csv.header.count == page.headers.count)
                    for (written, shown) in zip(r.csv.header, page.headers) {
                        #expect(
                            written == shown || written == shown + " (USD)", "\(path) \(id): \(written) vs \(shown)")
                    }
                    #expect(r.csv.rows.count == page.rows.count && !page.rows.isEmpty, "\(path) \(id)")
                    for (record, row) in zip(r.csv.rows, page.rows) {
                        #expect(record.fields.count == row.count)
                        for (c, (written, shown)) in zip(record.fields, row).enumerated() {
                            guard let s = DashboardHTMLTable.number(shown), let w = Double(written) else {
                                #expect(
                                    written == shown || (written.isEmpty && (shown == "–" || shown.isEmpty)),
                                    "\(path) \(id): \(written) vs \(shown)")
                                continue
                            }
                            #expect(
                                abs(s - w) <= DashboardHTMLTable.tolerance(shown),
                                "\(path) \(id) column \(c): \(written) vs \(shown)")
                        }
                    }
                }
            }
            // The credit table's money columns carry the currency; the personas' spend too.
            let credit = try await Self.download(client, "/dashboard/attribution?ws=demo&format=csv&table=credit")
            #expect(credit.csv.header.first == "Channel")
            #expect(credit.csv.header.dropFirst().allSatisfy { $0.hasSuffix(" (USD)") })
            let personas = try await Self.download(client, "/dashboard/personas?ws=demo&format=csv&table=personas")
            #expect(personas.csv.header.last == "Spend (USD)")
            // Independently of the tables: the RFM segments share out every customer the page counts.
            let page = try await get(client, "/dashboard/personas?ws=demo").body
            let segments = try await Self.download(client, "/dashboard/personas?ws=demo&format=csv&table=segments")
            let total = segments.csv.rows.reduce(0) { $0 + (Int($1.fields[1]) ?? 0) }
            #expect(page.contains(": \(DashboardFormat.count(total)) customers in "), "segments sum to \(total)")
            // The cohorts' CSVs carry the JSON API's numbers for the same date.
            let api = try JSONValue.parse(Data(try await get(client, "/dashboard/api/cohorts?ws=demo").body.utf8))
            let retention = try await Self.download(client, "/dashboard/cohorts?ws=demo&format=csv&table=retention")
            let revenue = try await Self.download(client, "/dashboard/cohorts?ws=demo&format=csv&table=revenue")
            #expect(retention.csv.header.prefix(4) == ["Cohort", "Customers", "Revenue (USD)", "Per customer (USD)"])
            let cohorts = api["cohorts"]?.arrayValue ?? []
            #expect(
                !cohorts.isEmpty && retention.csv.rows.count == cohorts.count && revenue.csv.rows.count == cohorts.count
            )
            for (c, (r, v)) in zip(cohorts, zip(retention.csv.rows, revenue.csv.rows)) {
                #expect(r.fields[0] == c["cohort"]?.stringValue && v.fields[0] == r.fields[0])
                #expect(Double(r.fields[1]) == c["customers"]?.doubleValue)
                #expect(abs((Double(r.fields[2]) ?? .nan) - (c["totalRevenue"]?.doubleValue ?? 0)) < 0.005)
                for (k, share) in (c["retention"]?.arrayValue ?? []).enumerated() {
                    #expect(
                        abs((Double(r.fields[4 + k]) ?? .nan) - (share.doubleValue ?? 0)) < 1e-6, "\(r.fields[0]) M\(k)"
                    )
                }
                for (k, amount) in (c["revenue"]?.arrayValue ?? []).enumerated() {
                    #expect(
                        abs((Double(v.fields[2 + k]) ?? .nan) - (amount.doubleValue ?? 0)) < 0.005,
                        "\(v.fields[0]) M\(k)")
                }
            }
            // The paths' CSV carries the paths API's numbers.
            let pathsAPI = try JSONValue.parse(Data(try await get(client, "/dashboard/api/paths?ws=demo").body.utf8))
            let paths = try await Self.download(client, "/dashboard/paths?ws=demo&format=csv&table=paths")
            let listed = pathsAPI["paths"]?.arrayValue ?? []
            #expect(!listed.isEmpty && paths.csv.rows.count == listed.count)
            for (p, row) in zip(listed, paths.csv.rows) {
                #expect(row.fields[0] == p["label"]?.stringValue)
                #expect(Double(row.fields[1]) == p["journeys"]?.doubleValue)
                #expect(abs((Double(row.fields[4]) ?? .nan) - (p["value"]?.doubleValue ?? 0)) < 0.005)
            }
        }
    }

    @Test("Feedback: the months, with the hand-computed NPS and its interval, as CSV")
    func feedbackMonths() async throws {
        let server = try await DashboardTestServer.make()
        // As FeedbackPageTests: 10, 9, 10, 8, 3 → NPS +40, adjusted-Wald interval [−30, +80].
        try await server.append(
            [10, 9, 10, 8, 3].enumerated().map { i, score in
                testEvent(
                    "s\(i)", user: "u\(i)", event: "Survey Responded", at: "2025-03-0\(i + 1)T10:00:00Z",
                    properties: ["survey_type": "nps", "score": .number(Double(score))])
            })
        try await server.test { client in
            let html = try await get(client, "/dashboard/feedback?ws=demo&as_of=2025-03-31").body
            #expect(
                html.contains(
                    "href=\"/dashboard/feedback?ws=demo&amp;as_of=2025-03-31&amp;format=csv&amp;table=months\""))
            let r = try await Self.download(
                client, "/dashboard/feedback?ws=demo&as_of=2025-03-31&format=csv&table=months")
            #expect(r.status == .ok)
            #expect(r.headers[.contentDisposition] == "attachment; filename=\"demo-feedback-months-2025-03-31.csv\"")
            let march = try #require(r.csv.rows.first { $0.fields[0] == "2025-03" })
            let column = { (name: String) in r.csv.column(name).map { march.fields[$0] } }
            #expect(column("NPS answers") == "5")
            #expect(column("NPS").flatMap(Double.init).map { $0.rounded() } == 40)
            #expect(column("NPS lower 95%").flatMap(Double.init).map { $0.rounded() } == -30)
            #expect(column("NPS upper 95%").flatMap(Double.init).map { $0.rounded() } == 80)
            #expect(column("CSAT (%)") == "")
            let page = try #require(DashboardHTMLTable(elementId: "table-months", in: html))
            #expect(page.rows.first { $0[0] == "2025-03" }?[2] == "+40 [-30, +80]")
        }
    }

    @Test("An unknown table is a 404 naming table, another format a 400 naming format", arguments: pages.map(\.path))
    func unknownTable(path: String) async throws {
        let server = try await DashboardTestServer.make(demoCustomers: 300)
        try await server.test { client in
            for query in ["format=csv&table=nope", "format=csv"] {
                let r = try await client.execute(uri: "\(path)?ws=demo&\(query)", method: .get) { $0 }
                #expect(r.status == .notFound, "\(path) \(query)")
                #expect(problem(r)["field"] as? String == "table", "\(path) \(query)")
            }
            let bad = try await client.execute(uri: "\(path)?ws=demo&format=xlsx&table=kpis", method: .get) { $0 }
            #expect(bad.status == .badRequest)
            #expect(problem(bad)["field"] as? String == "format")
        }
    }

    @Test(
        "A download is refused exactly as its page is: a workspace not granted, no session",
        arguments: pages.map(\.path))
    func sameRefusal(path: String) async throws {
        let server = try await DashboardTestServer.make(workspace: "demo")
        _ = try await server.runtime.workspaces.create(name: "secret-shop")
        let cookie = try await DashboardTestServer.signedInCookie(server.runtime, role: .member)
        let member = try #require(try await server.runtime.users.store.listUsers().first { $0.role == .member })
        try await server.runtime.users.store.grantWorkspace(userId: member.id, workspaceId: server.workspace!.id)
        try await server.app().test(.router) { client in
            for headers: HTTPFields in [[.cookie: cookie], [:]] {
                let page = try await client.execute(uri: "\(path)?ws=secret-shop", method: .get, headers: headers) {
                    $0
                }
                let file = try await client.execute(
                    uri:
                        "\(path)?ws=secret-shop&format=csv&table=\(Self.pages.first { $0.path == path }!.tables[0].id)",
                    method: .get, headers: headers
                ) { $0 }
                #expect(page.status != .ok)
                #expect(file.status == page.status, "\(path)")
                #expect(String(buffer: file.body) == String(buffer: page.body), "\(path)")
                #expect(file.headers[.contentDisposition] == nil)
            }
        }
    }

    @Test("beacon export tables: the same file names and bytes as the downloads, for the same date")
    func exportMatchesDownloads() async throws {
        let server = try await DashboardTestServer.make(demoCustomers: 300)
        let ws = try #require(server.workspace)
        // No wait for the marketing-mix model: the channels and optimiser pages show "fitting"
        // with no tables, and a whole export leaves them out (their own test follows).
        let export = DashboardTableExport(runtime: server.runtime, modelWait: 0)
        // The channels and optimiser tables are there only once the export's model is fitted
        // (a demo fit may be ready at once): compared in their own test, once both fits are done.
        let files = try await export.files(workspace: ws).filter { $0.page != "channels" && $0.page != "optimiser" }
        for (path, tables) in Self.pages {
            #expect(
                tables.allSatisfy { t in files.contains { Self.path(of: $0.page) == path && $0.table == t.id } },
                "\(path)")
        }
        let dated = try await export.files(workspace: ws, page: "overview", asOf: "2025-01-31")
        try await server.test { client in
            // The channels and optimiser pages show the server's own fit, which may be ready
            // before this export's (with no wait): their own test compares them once both are.
            for page in DashboardTableExport.pages where page != "channels" && page != "optimiser" {
                // Every download link on the page is a file, and every file the page's download.
                let html = try await get(client, Self.path(of: page) + "?ws=demo").body
                // The customers page's list of profiles is personal data: it downloads from the
                // page (masked as shown, the read audited) but leaves the CLI by `beacon export profiles`.
                let linked = html.components(separatedBy: "format=csv&amp;table=").dropFirst().map {
                    String($0.prefix { $0 != "\"" })
                }.filter { !(page == "customers" && $0 == "profiles") }
                #expect(linked.sorted() == files.filter { $0.page == page }.map(\.table).sorted(), "\(page)")
            }
            for file in files {
                let r = try await get(client, "\(Self.path(of: file.page))?ws=demo&format=csv&table=\(file.table)")
                #expect(r.body == file.csv, "\(file.page)/\(file.table)")
                #expect(r.headers[.contentDisposition] == "attachment; filename=\"\(file.fileName)\"")
            }
            let r = try await get(client, "/dashboard?ws=demo&as_of=2025-01-31&format=csv&table=kpis")
            let kpis = try #require(dated.first { $0.table == "kpis" })
            #expect(r.body == kpis.csv && kpis.fileName.hasSuffix("-2025-01-31.csv"))
        }
        await #expect(throws: DashboardTableExportError.self) { try await export.files(workspace: ws, page: "nope") }
        await #expect(throws: DashboardTableExportError.self) {
            try await export.files(workspace: ws, asOf: "31/01/2025")
        }
    }

    @Test("beacon export tables: the channels and optimiser tables once the model is fitted, as the downloads")
    func exportModelTables() async throws {
        let server = try await DashboardTestServer.make(demoCustomers: 300)
        let ws = try #require(server.workspace)
        // Asked for by name before the fit is done, the page is refused naming model_wait.
        do {
            _ = try await DashboardTableExport(runtime: server.runtime, modelWait: 0).files(workspace: ws, page: "channels")
            Issue.record("an unfitted model's page was exported")
        } catch let e as DashboardTableExportError {
            #expect(e.field == "model_wait", "\(e)")
        }
        let export = DashboardTableExport(
            runtime: server.runtime, marketingMix: .init(specification: DashboardTestServer.quickMMM), modelWait: 600)
        let files = try await export.files(workspace: ws, page: "channels") + export.files(workspace: ws, page: "optimiser")
        #expect(Set(files.map(\.page)) == ["channels", "optimiser"])
        try await server.test { client in
            for file in files {
                let uri = "\(Self.path(of: file.page))?ws=demo&format=csv&table=\(file.table)"
                var r = try await get(client, uri)
                // The server fits its own model on first use: a 503 until then.
                for _ in 0..<600 where r.status == .serviceUnavailable {
                    try await Task.sleep(for: .seconds(1))
                    r = try await get(client, uri)
                }
                #expect(r.status == .ok && r.body == file.csv, "\(file.page)/\(file.table)")
                #expect(r.headers[.contentDisposition] == "attachment; filename=\"\(file.fileName)\"")
            }
        }
    }

    @Test(
        "The beacon binary writes the download's bytes into --output",
        .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func binaryWritesDownloads() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-tables-\(UUID().uuidString)")
        let data = dir.appendingPathComponent("data").path
        let out = dir.appendingPathComponent("out").path
        #expect(try await UserCommandTests.beacon(["workspace", "create", "demo"], dataDir: data).status == 0)
        let runtime = try await BeaconRuntime.open(databaseURL: nil, dataDirectory: data, logger: Logger(label: "test"))
        let ws = try #require(try await runtime.workspaces.all().first)
        let server = DashboardTestServer(
            runtime: runtime, workspace: ws, writeKey: nil,
            cookie: try await DashboardTestServer.signedInCookie(runtime, role: .admin))
        try await Self.handOrders(server)
        let run = try await UserCommandTests.beacon(
            [
                "export", "tables", "--workspace", "demo", "--page", "overview", "--as-of", "2025-03-30", "--output",
                out,
            ], dataDir: data)
        #expect(run.status == 0, "\(run.output)")
        let name = "demo-overview-kpis-2025-03-30.csv"
        let written = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
        try await server.test { client in
            let r = try await get(client, "/dashboard?ws=demo&as_of=2025-03-30&format=csv&table=kpis")
            #expect(r.body == written)
            #expect(r.headers[.contentDisposition] == "attachment; filename=\"\(name)\"")
        }
        let list = try await UserCommandTests.beacon(["export", "tables", "--workspace", "demo", "--list"], dataDir: data)
        #expect(list.status == 0 && list.output.contains("overview\tkpis\t"), "\(list.output)")
        try await runtime.close()
    }

    @Test("The data, people and users pages: each table downloads with the page's rows (counts unformatted)")
    func adminTables() async throws {
        let server = try await DashboardTestServer.make()
        let ws = try #require(server.workspace)
        try await Self.handOrders(server)
        let keys = try await server.runtime.workspaces.writeKeys(of: ws)
        try await server.test { client in
            let html = try await get(client, "/dashboard/data?ws=demo").body
            for id in ["workspaces", "imports", "write_keys", "events"] where id != "imports" {
                #expect(html.contains("format=csv&amp;table=\(id)\" download>"), "\(id)")
            }
            let workspaces = CSVTable(text: try await get(client, "/dashboard/data?ws=demo&format=csv&table=workspaces").body)
            #expect(workspaces.header == ["Workspace", "Created", "Events"])
            #expect(workspaces.rows.map { [$0.fields[0], $0.fields[2]] } == [["demo", "5"]])
            let written = CSVTable(text: try await get(client, "/dashboard/data?ws=demo&format=csv&table=write_keys").body)
            #expect(written.rows.map { $0.fields[1] } == keys.map(\.fingerprint))
            let events = CSVTable(text: try await get(client, "/dashboard/data?ws=demo&format=csv&table=events").body)
            #expect(events.rows.map { $0.fields[3] } == ["Order Completed", "Home", "Order Completed", "Order Completed", "Order Completed"])
            #expect(events.rows.map { Int($0.fields[0]) ?? 0 } == [5, 4, 3, 2, 1], "newest first, sequences plain")
            // The payload column is the event's JSON, as the page's "JSON" disclosure shows it.
            #expect(try JSONValue.parse(Data(events.rows[0].fields[5].utf8))["messageId"] == .string("d"))

            let people = CSVTable(text: try await get(client, "/dashboard/people?ws=demo&format=csv&table=people").body)
            #expect(people.header == ["Email", "Name", "Role", "Personal data"])
            let users = try await get(client, "/dashboard/users?format=csv&table=users")
            #expect(users.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"beacon-users-") == true)
            let everyone = try await server.runtime.users.store.listUsers()
            #expect(CSVTable(text: users.body).rows.map { $0.fields[0] } == everyone.map(\.email))
            #expect(CSVTable(text: users.body).rows.allSatisfy { $0.fields[2] == "admin" && $0.fields[3] == "all" })
            #expect(try await get(client, "/dashboard/data?ws=demo&format=csv&table=nope").status == .notFound)
        }
    }
}
