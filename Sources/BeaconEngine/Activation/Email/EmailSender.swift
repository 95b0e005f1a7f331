import BeaconCore
import BeaconStore
import Foundation

/// Sends an email destination's outbox messages over SMTP: one rendered MIME message per
/// profile, to the profile's address, unless the address is suppressed.
///
/// - The `Message-ID` is the message's idempotency key at the sender's domain, so a retry
///   carries the same id.
/// - Every message carries RFC 8058 one-click unsubscribe headers: `List-Unsubscribe` with
///   an https link holding a sealed `UnsubscribeToken`, and
///   `List-Unsubscribe-Post: List-Unsubscribe=One-Click`.
/// - The suppression list is read at send time, so an unsubscribe or a bounce stops messages
///   already queued.
/// - A 4xx reply (or no answer) is retried with the outbox's backoff; a 5xx reply to
///   `RCPT TO` or to the message suppresses the address (a hard bounce) and the message is
///   dead at once, without retries.
public struct EmailSender: DestinationSender {
    let destination: Destination
    let settings: EmailSettings
    let templates: EmailTemplates
    let pool: SMTPConnectionPool
    let stores: Stores
    let box: SecretBox
    let clock: @Sendable () -> Date

    /// What one attempt did.
    public enum Outcome: Sendable, Equatable {
        /// The server accepted the message (its reply).
        case delivered(SMTPReply)
        /// A temporary failure: try again later (the reply's code, or 0 without one).
        case retry(code: Int, detail: String)
        /// Never to be sent: a 5xx for the recipient (the address is now suppressed), a
        /// suppressed address, or a message without an address.
        case refused(code: Int, detail: String)

        /// The outcome in the delivery worker's terms: the SMTP code as the status (2xx is
        /// delivered), a refusal marked permanent so the message is dead at once.
        public var response: WebhookResponse {
            switch self {
            case .delivered(let reply): WebhookResponse(status: reply.code, detail: reply.text)
            case .retry(let code, let detail): WebhookResponse(status: code, detail: detail)
            case .refused(let code, let detail): WebhookResponse(status: code, detail: detail, permanent: true)
            }
        }
    }

    /// - Parameters:
    ///   - secrets: the opened secrets (the SMTP password first, when there is one).
    /// - Throws: `ActivationError` when the destination's settings or templates cannot be
    ///   read, or there is no `context`.
    public init(
        destination: Destination, secrets: [String], context: EmailSenderContext?, settings: DeliverySettings,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        guard let context else {
            throw ActivationError(field: "type", "email destinations need the store and key of the server")
        }
        self.destination = destination
        self.settings = try EmailSettings(url: destination.url, settings: destination.settings)
        templates = try EmailTemplates(self.settings, knownNames: nil)
        batchLimit = max(1, settings.emailConnections)
        pool = try SMTPConnectionPool(
            server: self.settings.server(password: secrets.first, timeout: settings.requestTimeout),
            maxIdle: batchLimit)
        stores = context.stores
        box = try context.secrets()
        self.clock = clock
    }

    public let batchLimit: Int

    /// Sends each message of the batch on its own SMTP transaction, up to `batchLimit` at once.
    public func deliver(_ batch: [OutboxMessage]) async -> [DeliveryOutcome] {
        await withTaskGroup(of: (Int, DeliveryOutcome).self) { group in
            for (i, m) in batch.enumerated() {
                group.addTask {
                    let started = Date()
                    let outcome = await send(m)
                    return (i, DeliveryOutcome(response: outcome.response, seconds: Date().timeIntervalSince(started)))
                }
            }
            var out = [DeliveryOutcome?](repeating: nil, count: batch.count)
            for await (i, outcome) in group { out[i] = outcome }
            return out.map { $0! }
        }
    }

    /// Sends one outbox message.
    public func send(_ message: OutboxMessage) async -> Outcome {
        let recipient: Recipient
        switch await self.recipient(of: message) {
        case .success(let r): recipient = r
        case .failure(let refusal): return refusal.outcome
        }
        do {
            if let s = try await stores.emailSuppressions.suppression(
                workspaceId: destination.workspaceId, address: recipient.address.address)
            {
                return .refused(code: 0, detail: "not sent: \(s.address) is suppressed (\(s.reason.rawValue))")
            }
        } catch {
            return .retry(code: 0, detail: "cannot read the suppression list: \(error)")
        }
        let email: EmailMessage
        do {
            email = try compose(message, to: recipient.address, profile: recipient.profile)
        } catch {
            return .refused(code: 0, detail: "cannot compose the message: \(error)")
        }
        let connection: SMTPConnection
        do {
            connection = try await pool.take()
        } catch {
            return .retry(code: (error as? SMTPError)?.reply?.code ?? 0, detail: "\(error)")
        }
        do {
            let (stage, reply) = try await connection.send(
                from: email.from.address, to: recipient.address.address, message: SMTPData.encode(email.rendered()))
            await pool.give(connection)
            if stage == .data && reply.code == 250 { return .delivered(reply) }
            let detail = "\(stage.rawValue): \(reply.code) \(reply.text)"
            if reply.isPermanent && (stage == .rcpt || stage == .data) {
                await bounce(recipient.address.address, detail: detail)
                return .refused(code: reply.code, detail: detail)
            }
            return .retry(code: reply.code, detail: detail)
        } catch {
            connection.close()
            return .retry(code: (error as? SMTPError)?.reply?.code ?? 0, detail: "\(error)")
        }
    }

    /// The rendered message for `to`.
    func compose(_ message: OutboxMessage, to: EmailAddress, profile: Profile?) throws -> EmailMessage {
        let from = try EmailAddress(settings.from, name: settings.fromName)
        let token = try UnsubscribeToken(
            workspaceId: destination.workspaceId, destinationId: destination.id, address: to.address
        ).sealed(with: box)
        let link = settings.unsubscribeURL(token: token)
        let now = clock()
        let parts = templates.render(
            EmailTemplates.context(profile: profile, email: to.address, unsubscribeURL: link, asOf: now))
        return EmailMessage(
            from: from, to: to, subject: parts.subject, text: parts.text, html: parts.html,
            messageId: "\(message.id)@\(from.domain)", date: now,
            headers: [
                ("List-Unsubscribe", "<\(link)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("X-Beacon-Cause", String(message.cause.prefix(200))),
            ])
    }

    private typealias Recipient = (address: EmailAddress, profile: Profile?)

    private struct Refusal: Error {
        var outcome: Outcome
    }

    /// The address (and profile) a message goes to: the profile's email now, else the one in
    /// the payload; a destination test goes to the sender's own address.
    private func recipient(of message: OutboxMessage) async -> Result<Recipient, Refusal> {
        let payload = try? JSONValue.parse(Data(message.payload.utf8))
        if payload?["type"]?.stringValue == "destination.test" {
            guard let from = try? EmailAddress(settings.from) else {
                return .failure(Refusal(outcome: .refused(code: 0, detail: "the sender address is invalid")))
            }
            return .success((from, nil))
        }
        var profile: Profile?
        if let id = payload?["profile"]?["id"]?.stringValue {
            do {
                profile = try await stores.profiles.profile(workspaceId: destination.workspaceId, id: id)
            } catch {
                return .failure(Refusal(outcome: .retry(code: 0, detail: "cannot read profile \(id): \(error)")))
            }
        }
        guard let text = profile?.email ?? payload?["profile"]?["email"]?.stringValue,
            let address = try? EmailAddress(text)
        else {
            return .failure(Refusal(outcome: .refused(code: 0, detail: "not sent: the profile has no email address")))
        }
        return .success((address, profile))
    }

    /// Records a hard bounce.
    private func bounce(_ address: String, detail: String) async {
        _ = try? await stores.emailSuppressions.suppress(
            EmailSuppression(
                workspaceId: destination.workspaceId, address: address, reason: .bounce,
                detail: "\(destination.name): \(detail)", createdAt: Timestamp.truncated(clock())))
    }

    /// Closes the idle SMTP sessions.
    public func close() async { await pool.drain() }
}
