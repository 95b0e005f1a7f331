import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Emails from the outbox to a real SMTP server (aiosmtpd, scripted per recipient), on SQLite
/// and (when `BEACON_TEST_POSTGRES_URL` is set) PostgreSQL. Python's email package decodes
/// what arrived, so the MIME encoding is checked by a parser other than ours.
@Suite("Email delivery", .serialized, .enabled(if: ScriptedSMTP.available, ScriptedSMTP.skipReason))
struct EmailDeliveryTests {
    static var backends: [String] { WebhookDeliveryTests.backends }

    /// A workspace with a "Pro" segment, an email destination activated on it, and the delivery workers running.
    struct Setup {
        var runtime: BeaconRuntime
        var workspace: Workspace
        var key: String
        var destination: Destination
        var delivery: Task<Void, Never>

        func identify(_ user: String, _ traits: String) async throws {
            try await WebhookDeliveryTests.ingest(
                runtime, key: key,
                [#"{"type":"identify","userId":"\#(user)","messageId":"\#(UUID().uuidString)","traits":\#(traits)}"#])
            try await runtime.profiles.catchUp(workspaceId: workspace.id)
        }

        /// The destination's messages once none is pending any more (at most `seconds`).
        func settled(count: Int, seconds: Double = 60) async throws -> [OutboxMessage] {
            var log: [OutboxMessage] = []
            let deadline = Date().addingTimeInterval(seconds)
            repeat {
                log = try await runtime.activation.messages(
                    workspaceId: workspace.id, destinationId: destination.id, state: nil, limit: 100)
                if log.count >= count && log.allSatisfy({ $0.state != .pending }) { break }
                try await Task.sleep(for: .milliseconds(50))
            } while Date() < deadline
            return log
        }

        func stop() async throws {
            delivery.cancel()
            try await runtime.close()
        }
    }

    static func setup(_ backend: String) async throws -> Setup {
        let runtime = try await WebhookDeliveryTests.runtime(backend)
        let (ws, key) = try await runtime.workspaces.create(name: "mail-\(UUID().uuidString.prefix(8))")
        // A first profile gives the workspace its trait names (templates may only use known traits).
        try await WebhookDeliveryTests.ingest(
            runtime, key: key,
            [#"{"type":"identify","userId":"seed","messageId":"seed","traits":{"first_name":"Seed","plan":"free"}}"#])
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        let segment = try await runtime.profiles.saveSegment(workspaceId: ws.id, name: "Pro", rule: ["plan": "pro"])
            .segment
        let settings = EmailSettings(
            host: "127.0.0.1", port: ScriptedSMTP.port!, security: .none, from: "news@shop.example",
            fromName: "Shöp News", subject: "Grüße, {{first_name}}!",
            text: "Hello {{first_name}},\n.a line starting with a dot\nUnsubscribe: {{unsubscribe_url}}",
            html: "<p>Hello <b>{{first_name}}</b> &amp; welcome</p>", unsubscribeBase: "https://beacon.test")
        let destination = try await runtime.activation.createEmailDestination(
            workspaceId: ws.id, name: "newsletter", settings: settings, password: nil, verify: true)
        _ = try await runtime.activation.activateSegment(
            workspaceId: ws.id, segment: segment.id, destination: destination.id, on: ["entered"])
        let delivery = Task { await runtime.delivery.run() }
        return Setup(runtime: runtime, workspace: ws, key: key, destination: destination, delivery: delivery)
    }

    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())@example.com"
    }

    @Test(
        "a delivered email has a text and an HTML part, the RFC 8058 headers and the idempotency key as Message-ID",
        arguments: backends)
    func delivered(_ backend: String) async throws {
        let s = try await Self.setup(backend)
        let address = Self.unique("ann")
        try await s.identify("u-ann", #"{"email":"\#(address)","first_name":"Zoë","plan":"pro"}"#)
        // The outbox says what happened to the email (delivered, retried, dead) before the
        // server's spool is read, so a miss names its cause rather than an empty list.
        let log = try await s.settled(count: 1, seconds: 180)
        let message = try #require(log.first, "no outbox message for the segment entry")
        #expect(
            message.state == .delivered && message.lastStatus == 250,
            "state \(message.state), attempts \(message.attempts), status \(message.lastStatus.map(String.init) ?? "none"), error \(message.lastError ?? "none")")
        try await ScriptedSMTP.wait(seconds: 30) { !ScriptedSMTP.messages(to: address).isEmpty }
        let received = try #require(
            ScriptedSMTP.messages(to: address).first,
            "the outbox says \(message.state) but the SMTP server's spool has no message to \(address)")
        // On a loaded machine a first attempt may outlast its timeout after the server took the
        // message; the retry then carries the same Message-ID, so the recipient's copies are one email.
        let copies = ScriptedSMTP.messages(to: address)
        #expect((1...message.attempts).contains(copies.count) && Set(copies.map { $0.headers["Message-ID"] ?? "" }).count == 1)

        #expect(received.contentType == "multipart/alternative")
        #expect(received.mailFrom == "news@shop.example")
        #expect(received.headers["Message-ID"] == "<\(message.id)@shop.example>")
        #expect(received.headers["Subject"] == "Grüße, Zoë!")
        #expect(received.headers["From"] == "Shöp News <news@shop.example>")
        #expect(received.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        let link = try #require(received.headers["List-Unsubscribe"])
        #expect(link.hasPrefix("<https://beacon.test/u/") && link.hasSuffix(">"))
        let text = try #require(received.text).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.hasPrefix("Hello Zoë,\n.a line starting with a dot\nUnsubscribe: https://beacon.test/u/"))
        #expect(text.contains(String(link.dropFirst().dropLast())))
        #expect(try #require(received.html).contains("<p>Hello <b>Zoë</b> &amp; welcome</p>"))
        try await s.stop()
    }

    @Test(
        "a 5xx at RCPT suppresses the address and dead-letters at once; it is never sent to again; a 4xx is retried",
        arguments: backends)
    func bounceAndRetry(_ backend: String) async throws {
        let s = try await Self.setup(backend)
        let bounced = Self.unique("rcpt550-bo"), later = Self.unique("once451-cy"), refused = Self.unique("data554-di")
        try await s.identify("u-bo", #"{"email":"\#(bounced)","first_name":"Bo","plan":"pro"}"#)
        try await s.identify("u-cy", #"{"email":"\#(later)","first_name":"Cy","plan":"pro"}"#)
        try await s.identify("u-di", #"{"email":"\#(refused)","first_name":"Di","plan":"pro"}"#)
        var log = try await s.settled(count: 3)
        // A 5xx to the message itself (after DATA) is a hard bounce too.
        let afterData = try #require(log.first { $0.payload.contains(refused) })
        #expect(afterData.state == .dead && afterData.lastStatus == 554 && afterData.attempts == 1)
        #expect(ScriptedSMTP.messages(to: refused).isEmpty)
        let dead = try #require(log.first { $0.payload.contains(bounced) })
        #expect(dead.state == .dead && dead.attempts == 1 && dead.lastStatus == 550)
        #expect(dead.lastError?.contains("RCPT TO: 550") == true, "\(dead.lastError ?? "")")
        #expect(log.filter { $0.state == .delivered }.map(\.attempts) == [2])
        #expect(ScriptedSMTP.attempts(later) == [451, 250])
        #expect(ScriptedSMTP.messages(to: later).count == 1)

        let suppressions = try await s.runtime.activation.emailSuppressions(workspaceId: s.workspace.id)
        #expect(Set(suppressions.map(\.address)) == [bounced, refused])
        #expect(suppressions.allSatisfy { $0.reason == .bounce })
        // The profile leaves and enters again: a new message, refused before any SMTP command.
        try await s.identify("u-bo", #"{"plan":"free"}"#)
        try await s.identify("u-bo", #"{"plan":"pro"}"#)
        log = try await s.settled(count: 4)
        #expect(log.count == 4)
        let second = try #require(log.first)
        #expect(second.state == .dead && second.lastError?.contains("suppressed (bounce)") == true)
        #expect(ScriptedSMTP.attempts(bounced) == [550])
        try await s.stop()
    }

    @Test("an RFC 8058 one-click POST unsubscribes: no later email is sent to the address", arguments: backends)
    func unsubscribe(_ backend: String) async throws {
        let s = try await Self.setup(backend)
        let address = Self.unique("dee")
        try await s.identify("u-dee", #"{"email":"\#(address)","first_name":"Dee","plan":"pro"}"#)
        try await ScriptedSMTP.wait(seconds: 60) { !ScriptedSMTP.messages(to: address).isEmpty }
        let link = try #require(ScriptedSMTP.messages(to: address).first?.headers["List-Unsubscribe"])
        let path = String(link.dropFirst().dropLast().dropFirst("https://beacon.test".count))
        let app = buildApplication(
            runtime: s.runtime, configuration: .init(host: "127.0.0.1", port: 0, journeyRunnerInterval: nil), logger: Logger(label: "test"))
        try await app.test(.router) { client in
            // A GET (what a mail scanner does) only shows the page.
            try await client.execute(uri: path, method: .get) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("<form method=\"post\""))
            }
            #expect(try await s.runtime.activation.emailSuppressions(workspaceId: s.workspace.id).isEmpty)
            try await client.execute(
                uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "List-Unsubscribe=One-Click")
            ) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(uri: path + "x", method: .post) { r in #expect(r.status == .notFound) }
        }
        let suppressions = try await s.runtime.activation.emailSuppressions(workspaceId: s.workspace.id)
        #expect(suppressions.map(\.address) == [address] && suppressions.first?.reason == .unsubscribe)
        try await s.identify("u-dee", #"{"plan":"free"}"#)
        try await s.identify("u-dee", #"{"plan":"pro"}"#)
        let log = try await s.settled(count: 2)
        #expect(log.first?.state == .dead && log.first?.lastError?.contains("suppressed (unsubscribe)") == true)
        #expect(ScriptedSMTP.messages(to: address).count == 1)
        #expect(ScriptedSMTP.attempts(address) == [250])
        try await s.stop()
    }
}
