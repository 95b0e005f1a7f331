import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// The executive report of a demo workspace: a valid PDF (qpdf), whose text (pdftotext) holds
/// the KPIs computed here independently from the generated events with Core's one definition
/// of an order and a refund, the same figures the dashboard's overview shows; its first page,
/// rendered by pdftoppm, is kept as an artefact (`BEACON_ARTIFACTS`).
@Suite("Executive report", .serialized)
struct ExecutiveReportTests {
    /// KPIs of the 30 days to the workspace's today, from the raw events.
    struct Expected {
        var revenueAmount: Double
        var revenue: String
        var orders: String
        var customers: String
    }

    static func expected(_ events: [Event], end: Date) -> Expected {
        let start = end.addingTimeInterval(-30 * 86_400)
        var revenue = 0.0, orders = 0
        var buyers = Set<String>()
        for e in events where e.timestamp <= end {
            if let o = Order(e) {
                if e.timestamp > start {
                    revenue += o.revenue
                    if o.revenue > 0 { orders += 1 }
                }
                if o.revenue > 0, let customer = o.customer { buyers.insert(customer) }
            } else if let r = Refund(e), e.timestamp > start {
                revenue += r.revenue
            }
        }
        return Expected(
            revenueAmount: revenue, revenue: DashboardCurrency(code: "USD").format(revenue), orders: DashboardFormat.count(orders),
            customers: DashboardFormat.count(buyers.count))
    }

    /// The value column of the first `pdftotext -layout` line whose label is `label`.
    static func row(_ text: String, _ label: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix(label + " ") }
            .map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
    }

    @Test("The demo workspace's report passes qpdf, holds the independently computed KPIs, and is reproducible")
    func demoReport() async throws {
        if let why = PDFTools.missing ?? PDFTools.fontMissing {
            print(why)
            return
        }
        let server = try await DashboardTestServer.make(demoCustomers: 300, days: 150)
        let workspace = try #require(server.workspace)
        let events = DemoGenerator(seed: 7, customers: 300, days: 150).events()
        let mmm = MMMFitCache(settings: .init(specification: DashboardTestServer.quickMMM), analytics: server.runtime.analytics)
        let builder = ExecutiveReportBuilder(runtime: server.runtime, mmm: mmm)
        let today = try await builder.today(of: workspace)
        let period = try ReportPeriod(from: nil, to: nil, today: today)
        let report = try await builder.report(workspace: workspace, period: period, waitForModel: 600)
        let font = try ReportFont.load()
        let bytes = report.pdf(font: font)
        let path = try PDFTools.write(bytes, name: "executive")

        let check = try await PDFTools.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.output)")
        // Page 1 as pdftoppm renders it, kept as a CI artefact for people to look at: a PNG of
        // the page's size in points at 80 dpi (pdfinfo's reading, ±1 px for rounding), and too big
        // for a blank page (an empty A4 page at 80 dpi compresses to about 3 KB).
        let artefact = try PDFTools.artifactsDirectory().appendingPathComponent("executive-report-page-1").path
        let png = try await PDFTools.renderFirstPage(path, to: artefact, dpi: 80)
        let pngBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
        let header = try #require(PNGHeader(pngBytes), "\(png) is not a PNG")
        let pageSize = try await PDFTools.firstPageSize(path)
        let points = try #require(pageSize, "pdfinfo gave no page size")
        #expect(abs(Double(header.width) - points.width * 80 / 72) <= 1, "width \(header.width), \(points.width) pt")
        #expect(abs(Double(header.height) - points.height * 80 / 72) <= 1, "height \(header.height), \(points.height) pt")
        #expect(header.bitDepth == 8 && header.colourType == 2, "8-bit RGB, got \(header)")
        #expect(pngBytes.count > 15_000, "\(png) is \(pngBytes.count) bytes: an empty page?")
        #expect(PNGHeader(bytes) == nil, "the PDF itself is no PNG")
        print("executive report page 1: \(png) (\(header.width)×\(header.height), \(pngBytes.count) bytes)")
        let text = try await PDFTools.text(path)
        let want = Self.expected(events, end: today)
        #expect(Self.row(text, "Revenue").contains { $0.hasPrefix(want.revenue + " ") }, "revenue \(want.revenue)")
        #expect(Self.row(text, "Orders").contains { $0.hasPrefix(want.orders + " ") }, "orders \(want.orders)")
        #expect(Self.row(text, "Customers").contains { $0.hasPrefix(want.customers + " ") }, "customers \(want.customers)")
        for heading in ["Summary", "Key figures", "Revenue by channel", "Marketing mix", "Customers", "Attribution", "Anomalies"] {
            #expect(text.contains(heading), "section \(heading)")
        }
        if case .success = report.marketingMix {
            #expect(text.contains("90% interval") && text.contains("Projected lift"))
        }
        // The overview page shows the same figures for the same period.
        try await server.test { client in
            let page = try await get(client, "/dashboard?ws=demo")
            #expect(page.body.contains(want.revenue) && page.body.contains(want.orders))
            #expect(page.body.contains("href=\"/dashboard/report.pdf?ws=demo\""), "the Download PDF button")
        }
        // The channels CSV adds up to the period's revenue, unformatted.
        let channels = try #require(report.csvTables.first { $0.name == "channels" })
        let lines = channels.text.split(separator: "\r\n")
        #expect(lines.first == "channel,revenue,previous_revenue")
        let sum = lines.dropFirst().compactMap { line in line.split(separator: ",").dropFirst().first.flatMap { Double($0) } }
            .reduce(0, +)
        #expect(abs(sum - want.revenueAmount) < 1e-6 * max(1, abs(want.revenueAmount)))
        // The history's last month holds the revenue of the raw events of that calendar month
        // to today, and its sections are in the PDF.
        for heading in ["History: month by month", "Revenue by channel, month by month", "Cohorts: customers who ordered again"] {
            #expect(text.contains(heading), "section \(heading)")
        }
        let month = String(DashboardFormat.day(today).prefix(7))
        var monthRevenue = 0.0
        for e in events where e.timestamp <= today && DashboardFormat.day(e.timestamp).hasPrefix(month) {
            monthRevenue += Order(e)?.revenue ?? Refund(e)?.revenue ?? 0
        }
        let history = try #require(report.history)
        #expect(history.months.last?.month == month)
        #expect(abs((history.months.last?.revenue ?? .nan) - monthRevenue) < 1e-6 * max(1, monthRevenue))
        #expect(!history.cohorts.isEmpty && history.months.count <= ReportHistory.monthCount)
        // Same data, same bytes.
        #expect(try await builder.report(workspace: workspace, period: period, waitForModel: 600).pdf(font: font) == bytes)
        let fonts = try await PDFTools.run("pdffonts", [path]).output
        #expect(fonts.contains("DejaVuSans") && fonts.contains("Identity-H"))
    }

    @Test("A period names its bad field")
    func period() throws {
        let today = WorkspaceToday.endOfDay(parsing: "2025-03-31")!
        let p = try ReportPeriod(from: "2025-03-01", to: "2025-03-31", today: today)
        #expect(p.days == 31 && p.firstDay == "2025-03-01" && p.lastDay == "2025-03-31")
        #expect(p.previousStart == WorkspaceToday.endOfDay(parsing: "2025-01-28")!)
        let d = try ReportPeriod(from: nil, to: nil, today: today)
        #expect(d.days == 30 && d.firstDay == "2025-03-02")
        #expect(throws: ReportPeriodError.self) { try ReportPeriod(from: "2025-04-01", to: "2025-03-31", today: today) }
        do {
            _ = try ReportPeriod(from: "yesterday", to: nil, today: today, fields: ("--from", "--to"))
            Issue.record("a bad date was accepted")
        } catch let e as ReportPeriodError {
            #expect(e.field == "--from")
        }
    }

    @Test("GET /api/reports/executive.pdf: a PDF for a token, problems naming from/to", arguments: AccessBackend.available)
    func route(_ backend: AccessBackend) async throws {
        if let why = PDFTools.missing ?? PDFTools.fontMissing {
            print(why)
            return
        }
        let server = try await AccessTestServer.make(backend)
        let (ws, _) = try await server.workspace("report")
        _ = try await server.runtime.stores.events.append([
            EventBatch(workspaceId: ws.id, events: DemoGenerator(seed: 3, customers: 80, days: 70).events())
        ])
        let token = try await server.token(ws, "profiles:read")
        let app = buildApplication(
            runtime: server.runtime, configuration: .init(host: "127.0.0.1", port: 0, journeyRunnerInterval: nil), logger: Logger(label: "test"),
            dashboard: DashboardSettings(marketingMix: .init(specification: DashboardTestServer.quickMMM)))
        try await app.test(.router) { client in
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let ok = try await client.execute(uri: "/api/reports/executive.pdf", method: .get, headers: auth) { $0 }
            #expect(ok.status == .ok)
            #expect(ok.headers[.contentType] == "application/pdf")
            let bytes = [UInt8](buffer: ok.body)
            #expect(bytes.starts(with: Array("%PDF-1.7".utf8)))
            let path = try PDFTools.write(bytes, name: "route")
            #expect(try await PDFTools.run("qpdf", ["--check", path]).status == 0)
            #expect(try await PDFTools.text(path).contains("Executive report: \(ws.name)"))

            for (query, field) in [
                ("from=2025-13-01", "from"), ("to=tomorrow", "to"), ("from=2025-03-02&to=2025-03-01", "from"),
            ] {
                let bad = try await client.execute(uri: "/api/reports/executive.pdf?\(query)", method: .get, headers: auth) { $0 }
                #expect(bad.status == .badRequest, "\(query)")
                let body = try JSONSerialization.jsonObject(with: Data([UInt8](buffer: bad.body))) as? [String: Any]
                #expect(body?["field"] as? String == field, "\(query)")
            }
            let anonymous = try await client.execute(uri: "/api/reports/executive.pdf", method: .get) { $0 }
            #expect(anonymous.status == .unauthorized)
        }
    }
}
