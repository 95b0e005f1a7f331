import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// A scheduled executive report delivered to the real scripted SMTP server (aiosmtpd), on
/// SQLite and PostgreSQL: Python's email package takes the message apart, the attachment must
/// be a PDF (qpdf) whose text (pdftotext) holds the KPIs computed independently from the events,
/// and the text and HTML bodies carry the same figures.
@Suite("Scheduled report email", .serialized, .enabled(if: ScriptedSMTP.available, ScriptedSMTP.skipReason))
struct ScheduledReportEmailTests {
    /// Extracts the first attachment of the message in `argv[1]` into `argv[2]`, printing its
    /// content type, file name and the top-level content type as JSON.
    static let extract = #"""
        import email, email.policy, json, sys
        m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
        parts = list(m.iter_attachments())
        a = parts[0]
        open(sys.argv[2], "wb").write(a.get_content())
        print(json.dumps({"top": m.get_content_type(), "type": a.get_content_type(), "filename": a.get_filename(),
                          "attachments": len(parts), "body": m.get_body(preferencelist=("plain",)).get_content()}))
        """#

    static var python: String { ProcessInfo.processInfo.environment["BEACON_SMTP_PYTHON"] ?? "/usr/bin/python3" }

    @Test("a due schedule arrives once at the SMTP server with the PDF attached; the history records it", arguments: AccessBackend.available)
    func delivered(_ backend: AccessBackend) async throws {
        if let why = PDFTools.missing ?? PDFTools.fontMissing {
            print(why)
            return
        }
        let server = try await AccessTestServer.make(backend)
        let runtime = server.runtime
        let (ws, _) = try await server.workspace("mailed")
        let events = DemoGenerator(seed: 5, customers: 80, days: 70).events()
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: events)])
        let tag = UUID().uuidString.prefix(8).lowercased()
        let user = try await runtime.users.createUser(
            email: "cfo-\(tag)@example.com", name: "Chief Financial Officer", password: "a long password", role: .admin)
        let destination = try await runtime.activation.createEmailDestination(
            workspaceId: ws.id, name: "reports",
            settings: EmailSettings(
                host: "127.0.0.1", port: ScriptedSMTP.port!, security: .none, from: "reports@shop.example",
                fromName: "Beacon reports", subject: "unused", text: "unused", html: "unused",
                unsubscribeBase: "https://beacon.test"),
            password: nil, verify: false)
        let schedule = try await runtime.reportSchedules.create(
            workspaceId: ws.id, userId: user.id, name: "Monday numbers", schedule: "weekly", time: "07:30",
            timeZone: "Europe/Berlin", destinationId: destination.id)
        let due = try #require(schedule.nextRunAt)

        let mmm = MMMFitCache(settings: .init(specification: DashboardTestServer.quickMMM), analytics: runtime.analytics)
        let runner = ReportScheduleRunner(runtime: runtime, mmm: mmm, owner: "test", modelWait: 600)
        #expect(try await runner.runOnce(now: due.addingTimeInterval(-1)).filter { $0.scheduleId == schedule.id }.isEmpty)
        let runs = try await runner.runOnce(now: due.addingTimeInterval(5)).filter { $0.scheduleId == schedule.id }
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.status == .sent, "\(run.error ?? "")")
        #expect(run.scheduledAt == due && run.sentAt != nil)
        // A second pass (another server) finds nothing left to send.
        #expect(try await runner.runOnce(now: due.addingTimeInterval(10)).filter { $0.scheduleId == schedule.id }.isEmpty)

        try await ScriptedSMTP.wait(seconds: 30) { !ScriptedSMTP.messages(to: user.email).isEmpty }
        let messages = ScriptedSMTP.messages(to: user.email)
        #expect(messages.count == 1)
        let received = try #require(messages.first)
        #expect(received.contentType == "multipart/mixed")
        #expect(received.mailFrom == "reports@shop.example")
        #expect(received.headers["Message-ID"] == "<\(run.messageId ?? "")>")
        #expect(received.headers["Subject"]?.hasPrefix("Monday numbers: \(ws.name)") == true)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let raw = dir.appendingPathComponent("message.eml").path, pdf = dir.appendingPathComponent("report.pdf").path
        try Data(received.raw.utf8).write(to: URL(fileURLWithPath: raw))
        let parsed = try await runProcess(Self.python, ["-c", Self.extract, raw, pdf])
        try #require(parsed.status == 0, "\(parsed.stderr)")
        let info = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
        #expect(info["top"] as? String == "multipart/mixed" && info["attachments"] as? Int == 1)
        #expect(info["type"] as? String == "application/pdf")
        #expect((info["filename"] as? String)?.hasSuffix(".pdf") == true)

        #expect(try await PDFTools.run("qpdf", ["--check", pdf]).status == 0)
        let text = try await PDFTools.text(pdf)
        let today = try await runtime.profiles.today(workspaceId: ws.id)
        let want = ExecutiveReportTests.expected(events, end: today)
        #expect(ExecutiveReportTests.row(text, "Revenue").contains { $0.hasPrefix(want.revenue + " ") }, "revenue \(want.revenue)")
        #expect(ExecutiveReportTests.row(text, "Orders").contains { $0.hasPrefix(want.orders + " ") }, "orders \(want.orders)")
        #expect(ExecutiveReportTests.row(text, "Customers").contains { $0.hasPrefix(want.customers + " ") })
        // The bodies carry the same figures as the PDF (and the dashboard).
        let body = try #require(received.text).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(ExecutiveReportTests.row(body, "Revenue").contains { $0.hasPrefix(want.revenue + " ") }, "\(body)")
        #expect(ExecutiveReportTests.row(body, "Orders").contains { $0.hasPrefix(want.orders + " ") })
        #expect(try #require(received.html).contains("<td style=\"text-align:right;border-bottom:1px solid #eee\">\(want.revenue)</td>"))

        let history = try await runtime.reportSchedules.runs(workspaceId: ws.id, scheduleId: schedule.id)
        #expect(history.map(\.status) == [.sent] && history.first?.messageId == run.messageId)
        try await runtime.reportSchedules.delete(workspaceId: ws.id, id: schedule.id)
        try await runtime.close()
    }
}
