import BeaconCore
import BeaconEngine
import BeaconTestSupport
import Foundation
import Testing

/// STARTTLS (NIOSSL) and AUTH against a scripted aiosmtpd started for this test with a
/// throw-away self-signed certificate (made with `openssl`) and a login it requires after TLS.
@Suite(
    "Email over STARTTLS with AUTH",
    .enabled(
        if: ProcessInfo.processInfo.environment["BEACON_SMTP_PYTHON"] != nil
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
        "set BEACON_SMTP_PYTHON to a Python with aiosmtpd (.ci/run does) and install openssl"))
struct EmailSTARTTLSTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../bench/smtp/scripted_smtp.py").standardized.path

    @Test("a message goes over STARTTLS after AUTH; a wrong password is refused at creation naming the field")
    func startTLS() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let openssl = try await runProcess(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
                "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem",
            ])
        try #require(openssl.status == 0, "openssl: \(openssl.stderr)")
        let server = try LoopbackScriptServer(
            interpreter: ProcessInfo.processInfo.environment["BEACON_SMTP_PYTHON"]!, script: Self.script,
            arguments: [
                "--spool", dir + "/spool", "--tls-cert", dir + "/cert.pem", "--tls-key", dir + "/key.pem",
                "--auth", "mailer:s3cret",
            ])
        defer { server.stop() }
        let port = server.port

        let runtime = try await WebhookDeliveryTests.runtime("sqlite")
        let (ws, _) = try await runtime.workspaces.create(name: "tls-\(UUID().uuidString.prefix(8))")
        let settings = EmailSettings(
            host: "127.0.0.1", port: port, security: .starttls, username: "mailer", from: "news@shop.example",
            subject: "Over TLS", text: "Hello {{email}}", html: "<p>Hello {{email}}</p>",
            unsubscribeBase: "https://beacon.test", verifyCertificate: false)
        await #expect(throws: ActivationError.self) {
            _ = try await runtime.activation.createEmailDestination(
                workspaceId: ws.id, name: "wrong", settings: settings, password: "nope", verify: true)
        }
        do {
            _ = try await runtime.activation.createEmailDestination(
                workspaceId: ws.id, name: "wrong", settings: settings, password: "nope", verify: true)
        } catch let e as ActivationError {
            #expect(e.field == "password", "\(e)")
        }
        // Certificate checking is on by default: a self-signed certificate is refused.
        var checked = settings
        checked.verifyCertificate = true
        await #expect(throws: ActivationError.self) {
            _ = try await runtime.activation.createEmailDestination(
                workspaceId: ws.id, name: "checked", settings: checked, password: "s3cret", verify: true)
        }
        let d = try await runtime.activation.createEmailDestination(
            workspaceId: ws.id, name: "tls", settings: settings, password: "s3cret", verify: true)
        let test = try await runtime.activation.sendTest(workspaceId: ws.id, destinationId: d.id)
        let delivery = Task { await runtime.delivery.run() }
        defer { delivery.cancel() }
        var message: OutboxMessage?
        for _ in 0..<600 {
            message = try await runtime.stores.outbox.message(workspaceId: ws.id, id: test.id)
            if message?.state != .pending { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(message?.state == .delivered, "\(message?.lastError ?? "")")
        let spool = try String(contentsOfFile: dir + "/spool/messages.jsonl", encoding: .utf8)
        #expect(spool.contains("\"Subject\": \"Over TLS\"") && spool.contains("<\(test.id)@shop.example>"))
        try await runtime.close()
    }
}
